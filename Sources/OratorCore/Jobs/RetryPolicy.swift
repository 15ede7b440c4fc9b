/// How often a failed render is tried again, and how long to wait between tries: bounded
/// attempts with exponential backoff (5 s, 25 s, 125 s… by default, capped at `maxDelay`).
public struct RetryPolicy: Sendable, Equatable {
  /// Attempts in all, the first included.
  public var maxAttempts: Int
  public var firstDelay: Duration
  public var multiplier: Int
  public var maxDelay: Duration

  public init(
    maxAttempts: Int = 3, firstDelay: Duration = .seconds(5), multiplier: Int = 5,
    maxDelay: Duration = .seconds(3600)
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.firstDelay = firstDelay
    self.multiplier = max(1, multiplier)
    self.maxDelay = maxDelay
  }

  /// Whether a job may run again after its `attempt`-th try (1-based) failed.
  public func allowsRetry(afterAttempt attempt: Int) -> Bool {
    attempt < maxAttempts
  }

  /// The wait before the next try after the `attempt`-th failed.
  public func delay(afterAttempt attempt: Int) -> Duration {
    var delay = firstDelay
    for _ in 1..<max(1, attempt) {
      delay *= multiplier
      if delay >= maxDelay { return maxDelay }
    }
    return min(delay, maxDelay)
  }
}
