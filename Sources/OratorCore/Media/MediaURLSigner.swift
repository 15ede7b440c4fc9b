import Crypto
import Foundation

/// What a media link check found.
public enum MediaURLCheck: Sendable, Equatable {
  case valid
  /// Signed here, but its time is up: the client should fetch a fresh URL from the status call.
  case expired
  /// The path, the expiry or the signature was changed, or never signed here.
  case tampered
}

/// Signs media paths so that Orator can serve files without an API key while only the links
/// it handed out work, and only until they expire (7 days by default, as HeyGen's do).
/// The signature is HMAC-SHA256 over the path and the expiry, in lowercase hex.
public struct MediaURLSigner: Sendable {
  public static let defaultLifetime: Duration = .seconds(7 * 24 * 3600)

  /// Kept as bytes, not a `SymmetricKey`, which is not `Sendable` in every swift-crypto.
  private let secret: [UInt8]

  /// `secret` should be at least 32 random bytes, kept across restarts so that links
  /// already handed out keep working.
  public init(secret: [UInt8]) {
    self.secret = secret
  }

  private var key: SymmetricKey { SymmetricKey(data: secret) }

  /// `path?expires=<unix seconds>&signature=<hex>`. Sign the path exactly as it will appear
  /// in the URL (percent-encoded), since that is what `verify` is given back.
  public func sign(path: String, expiresAt: Date) -> String {
    let expires = expiresAt.unixSeconds
    let signature = Hex.string(authenticationCode(path: path, expires: expires))
    return "\(path)?expires=\(expires)&signature=\(signature)"
  }

  /// Signs a link that expires `lifetime` after `now`.
  public func sign(path: String, now: Date, lifetime: Duration = defaultLifetime) -> String {
    sign(path: path, expiresAt: now.addingTimeInterval(lifetime.timeInterval))
  }

  /// Checks the `expires` and `signature` query values of a request for `path`. The
  /// signature is checked first, so a forged link is `tampered` even when also out of date.
  public func verify(path: String, expires: String, signature: String, now: Date)
    -> MediaURLCheck
  {
    guard let expiresAt = Int(expires), String(expiresAt) == expires,
      let given = Hex.bytes(signature)
    else { return .tampered }
    // Constant-time comparison: a timing difference must not reveal how much matched.
    let message = Self.message(path: path, expires: expiresAt)
    guard HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message, using: key)
    else { return .tampered }
    return now.unixSeconds < expiresAt ? .valid : .expired
  }

  private func authenticationCode(path: String, expires: Int) -> [UInt8] {
    Array(
      HMAC<SHA256>.authenticationCode(for: Self.message(path: path, expires: expires), using: key))
  }

  /// A newline cannot occur in a URL path, so path and expiry cannot be shifted into each other.
  private static func message(path: String, expires: Int) -> [UInt8] {
    Array("\(path)\n\(expires)".utf8)
  }
}
