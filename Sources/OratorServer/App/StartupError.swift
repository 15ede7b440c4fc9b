/// Why the service cannot start: shown to the operator as is, and the process exits.
public struct StartupError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}
