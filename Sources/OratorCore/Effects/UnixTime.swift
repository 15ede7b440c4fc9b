import Foundation

// Records keep time as whole Unix seconds, the form HeyGen's `created_at` uses and the form
// stored in the database, so a record read back equals the record written.

extension Date {
  /// Whole seconds since 1970, rounded down.
  public var unixSeconds: Int {
    Int(timeIntervalSince1970.rounded(.down))
  }

  public init(unixSeconds: Int) {
    self.init(timeIntervalSince1970: TimeInterval(unixSeconds))
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  public var timeInterval: TimeInterval {
    let (seconds, attoseconds) = components
    return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
  }

  /// Whole seconds, rounded up, so that a lease or a backoff is never shorter than asked.
  public var wholeSecondsRoundedUp: Int {
    let (seconds, attoseconds) = components
    return Int(seconds) + (attoseconds > 0 ? 1 : 0)
  }
}
