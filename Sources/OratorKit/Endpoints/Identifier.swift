/// An id as HeyGen hands it out, tagged with what it names, so that a video id cannot be
/// passed where a translation id belongs. Encodes as the bare string.
public struct Identifier<Tag>: RawRepresentable, Hashable, Sendable, Codable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }
}

/// The things an ``Identifier`` can name (tags only; never instantiated).
public enum IdentifierKind {
  public enum Video {}
  public enum VideoTranslation {}
}
