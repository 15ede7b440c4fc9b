import Crypto

/// HeyGen's `Signature` header: lowercase hex HMAC-SHA256 of the raw body, keyed with the
/// endpoint's secret. No timestamp is mixed in; receivers written for HeyGen do not expect one.
public enum WebhookSignature {
  public static func sign(body: some Sequence<UInt8>, secret: String) -> String {
    let key = SymmetricKey(data: Array(secret.utf8))
    let mac = HMAC<SHA256>.authenticationCode(for: Array(body), using: key)
    return Hex.string(mac)
  }

  /// A new endpoint secret: 32 random bytes as hex.
  public static func newSecret(random: some RandomSource) -> String {
    Hex.string(random.bytes(32))
  }
}
