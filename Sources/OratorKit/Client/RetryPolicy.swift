/// When and how long ``HeyGenClient`` waits before sending a call again.
///
/// A 429 is retried for every call, since the server refused it before doing anything; its
/// `Retry-After` is honoured. A 5xx or a lost connection is retried only for idempotent calls
/// (GET, HEAD, DELETE): a generate that failed half-way might have queued a video, and sending it
/// again would render (and charge) it twice.
public struct RetryPolicy: Sendable, Equatable {
  /// Attempts in all, the first included; 1 turns retries off.
  public var maxAttempts: Int
  /// The wait before the first retry; each later one doubles, up to `maxDelay`.
  public var initialDelay: Duration
  public var maxDelay: Duration
  /// A `Retry-After` longer than this is not waited for: the error is returned at once.
  public var maxRetryAfter: Duration

  public init(
    maxAttempts: Int = 4, initialDelay: Duration = .milliseconds(500),
    maxDelay: Duration = .seconds(30), maxRetryAfter: Duration = .seconds(120)
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.initialDelay = initialDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
  }

  /// Four attempts, from half a second apart up to 30 s.
  public static let `default` = RetryPolicy()
  /// Every call is sent once.
  public static let never = RetryPolicy(maxAttempts: 1)

  /// The wait before attempt `attempt + 1` (attempts count from 1), or nil to give up.
  func delay(after attempt: Int, retryAfter: Duration?) -> Duration? {
    guard attempt < maxAttempts else { return nil }
    if let retryAfter {
      return retryAfter <= maxRetryAfter ? retryAfter : nil
    }
    let doubled = initialDelay * (1 << min(attempt - 1, 20))
    let capped = min(doubled, maxDelay)
    // Jitter spreads clients that failed together so they do not come back together.
    return capped * Double.random(in: 0.5...1.0)
  }
}
