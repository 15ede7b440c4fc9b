import Foundation
import NIOHTTP1

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

  /// The wait before sending `method` again after attempt `attempt` (attempts count from 1)
  /// ended in `failure`, or nil to give up and report it.
  func delay(after attempt: Int, failure: HeyGenError, method: HTTPMethod) -> Duration? {
    guard Self.mayRetry(failure, method: method) else { return nil }
    return delay(after: attempt, retryAfter: failure.retryAfter)
  }

  /// 429 for any call; 5xx and lost connections only for calls that may safely run twice.
  static func mayRetry(_ error: HeyGenError, method: HTTPMethod) -> Bool {
    if error.status == 429 { return true }
    let idempotent = [.GET, .HEAD, .DELETE].contains(method)
    guard idempotent else { return false }
    if error.kind == .unreachable { return true }
    return error.status.map { [500, 502, 503, 504].contains($0) } ?? false
  }

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

  /// Reads a `Retry-After` header: delay-seconds (`120`) or an HTTP-date
  /// (`Wed, 21 Oct 2015 07:28:00 GMT`, or the obsolete RFC 850 and asctime forms), which
  /// counts from `now`. A date already past means "now"; anything else unreadable is ignored.
  static func retryAfter(_ header: String?, now: Date = Date()) -> Duration? {
    guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if let seconds = Double(text) {
      guard seconds >= 0, seconds.isFinite else { return nil }
      return .milliseconds(Int64(min(seconds, 1e9) * 1000))
    }
    for format in httpDateFormats {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "GMT")
      formatter.dateFormat = format
      if let date = formatter.date(from: text) {
        let seconds = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64(seconds * 1000))
      }
    }
    return nil
  }

  /// IMF-fixdate, RFC 850 and asctime (RFC 9110 §5.6.7).
  private static let httpDateFormats = [
    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy",
  ]
}
