import Crypto
import Foundation

/// Checks that a webhook event came from the server: its `Signature` header is the lowercase
/// hex HMAC-SHA256 of the raw request body, keyed with the endpoint's `secret` (as returned by
/// `POST /v1/webhook/endpoint.add`).
///
/// ```swift
/// guard WebhookVerifier(secret: secret).isValid(body: rawBody, signature: header) else {
///   return .unauthorized
/// }
/// ```
public struct WebhookVerifier: Sendable {
  private let secret: [UInt8]

  public init(secret: String) {
    self.secret = Array(secret.utf8)
  }

  private var key: SymmetricKey { SymmetricKey(data: secret) }

  /// True when `signature` is the body's signature. Verify the bytes exactly as received:
  /// JSON decoded and encoded again no longer matches. The comparison takes the same time
  /// whatever the signature, so it reveals nothing about the right one.
  public func isValid(body: some DataProtocol, signature: String) -> Bool {
    guard let mac = Self.bytes(hex: signature.trimmingCharacters(in: .whitespaces)),
      mac.count == SHA256.byteCount
    else { return false }
    return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)
  }

  /// The signature the server sends for `body` (for tests of a receiver).
  public func signature(for body: some DataProtocol) -> String {
    HMAC<SHA256>.authenticationCode(for: body, using: key)
      .map { String(format: "%02x", $0) }.joined()
  }

  private static func bytes(hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count.isMultiple(of: 2) else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
