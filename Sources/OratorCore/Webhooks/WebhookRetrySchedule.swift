/// When a failed delivery is tried again: exponential backoff (30 s, 60 s, 120 s… by default,
/// capped at `maxDelay`) until `window` has passed since the event was written, then it gives
/// up. Tests inject a short first delay.
public struct WebhookRetrySchedule: Sendable, Equatable {
  public var firstDelay: Int
  public var multiplier: Int
  public var maxDelay: Int
  public var window: Int

  public init(
    firstDelaySeconds: Int = 30, multiplier: Int = 2, maxDelaySeconds: Int = 3600,
    windowSeconds: Int = 24 * 3600
  ) {
    firstDelay = max(1, firstDelaySeconds)
    self.multiplier = max(1, multiplier)
    maxDelay = max(firstDelay, maxDelaySeconds)
    window = max(0, windowSeconds)
  }

  /// The wait after the `attempt`-th failed try (1-based).
  public func delay(afterAttempt attempt: Int) -> Int {
    var delay = firstDelay
    for _ in 1..<max(1, attempt) {
      delay *= multiplier
      if delay >= maxDelay { return maxDelay }
    }
    return min(delay, maxDelay)
  }

  /// What to do after the `attempt`-th try of an event written at `createdAt` failed at `now`.
  public func outcome(afterFailedAttempt attempt: Int, createdAt: Int, now: Int) -> DeliveryOutcome
  {
    let next = now + delay(afterAttempt: attempt)
    return next > createdAt + window ? .gaveUp : .retry(at: next)
  }
}
