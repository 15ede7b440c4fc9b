import Foundation

/// A client's `Idempotency-Key`, scoped to the account that sent it and the endpoint it was
/// sent to: the same key on another endpoint, or from another account, is another request.
public struct IdempotencyKey: Sendable, Hashable {
  public var account: ResourceID
  /// The method and path template, e.g. `POST /v3/videos`.
  public var endpoint: String
  public var key: String

  public init(account: ResourceID, endpoint: String, key: String) {
    self.account = account
    self.endpoint = endpoint
    self.key = key
  }

  /// HeyGen's rule for the header: 1–255 characters of `A–Z a–z 0–9 _ : . -`.
  public static func isValid(_ key: String) -> Bool {
    (1...255).contains(key.utf8.count)
      && key.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x3A || byte == 0x2E
          || byte == 0x2D
      }
  }
}

/// What beginning a request under an idempotency key found.
public enum IdempotencyClaim: Sendable, Equatable {
  /// No answer is stored (or the last one expired): this caller runs the request.
  case started
  /// Another caller is running the request right now.
  case inProgress
  /// The request ran; its answer is to be replayed.
  case completed(status: Int, body: Data)
}
