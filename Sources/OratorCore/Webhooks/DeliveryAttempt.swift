/// One try at sending an event, kept so a user can see why their receiver missed it.
public struct DeliveryAttempt: Sendable, Equatable {
  public var at: Int
  /// The receiver's HTTP status; nil when there was none (refused, timed out, not allowed).
  public var statusCode: Int?
  public var error: String?
  public var durationMilliseconds: Int

  public init(at: Int, statusCode: Int?, error: String?, durationMilliseconds: Int) {
    self.at = at
    self.statusCode = statusCode
    self.error = error
    self.durationMilliseconds = durationMilliseconds
  }

  /// Only a 2xx answer counts as delivered.
  public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// What becomes of an event after an attempt.
public enum DeliveryOutcome: Sendable, Equatable {
  case delivered
  case retry(at: Int)
  case gaveUp
}
