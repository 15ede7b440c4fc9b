/// Every failure an OratorKit call reports: the HTTP status and HeyGen's own code and message
/// when the server answered, or what went wrong on the way when it did not.
public struct HeyGenError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure this is, for callers that branch on it.
  public enum Kind: Sendable, Equatable {
    /// The server answered with an error (`status` and `code` are set).
    case api
    /// No answer: connection refused, reset or timed out.
    case unreachable
    /// An answer that is not the JSON this endpoint promises.
    case invalidResponse
    /// The video or translation finished as `failed`; `code` and `message` are its error.
    case renderFailed
    /// ``HeyGenClient/waitForVideo(id:timeout:progress:)`` gave up before the video finished.
    case timedOut
    /// A local file could not be read or written.
    case file
    /// The task was cancelled.
    case cancelled
  }

  public var kind: Kind
  /// The HTTP status of the answer, or nil when there was none.
  public var status: Int?
  /// HeyGen's code: a v2 or v3 snake_case code (`not_found`, `video_not_found`,
  /// `rate_limited`, …) or a v1 integer code as text (`40031`, `400112`, …).
  public var code: String?
  /// The server's sentence saying what was wrong, or a description of the local failure.
  public var message: String
  /// How long the server asked the client to wait (`Retry-After`), when it said.
  public var retryAfter: Duration?

  public init(
    kind: Kind, status: Int? = nil, code: String? = nil, message: String,
    retryAfter: Duration? = nil
  ) {
    self.kind = kind
    self.status = status
    self.code = code
    self.message = message
    self.retryAfter = retryAfter
  }

  /// The key was missing, wrong or revoked (HTTP 401).
  public var isUnauthorized: Bool { status == 401 }
  /// The key may not do this (HTTP 403): HeyGen answers so for a key without access to the
  /// call, where Orator answers 401.
  public var isForbidden: Bool { status == 403 }
  /// The server refused the key, either way (HTTP 401 or 403).
  public var isAuthFailure: Bool { isUnauthorized || isForbidden }
  /// The id names nothing this account owns (HTTP 404).
  public var isNotFound: Bool { status == 404 }
  /// A concurrency or rate limit refused the call (HTTP 429).
  public var isRateLimited: Bool { status == 429 }

  public var description: String {
    switch kind {
    case .api:
      let label = [status.map { "HTTP \($0)" }, code].compactMap { $0 }.joined(separator: " ")
      return "\(label): \(message)"
    case .renderFailed:
      return code.map { "failed (\($0)): \(message)" } ?? "failed: \(message)"
    default:
      return message
    }
  }
}
