import Crypto

/// The SHA-256 of an API key, in lowercase hex. Only this is stored, so a copy of the
/// database does not give anyone a working key. Keys carry 160 random bits, so an unsalted
/// fast hash is enough: there is nothing to guess from a dictionary.
public struct APIKeyHash: Hashable, Sendable, CustomStringConvertible {
  public let hex: String

  /// Hashes a key as presented in the `X-Api-Key` header.
  public init(key: String) {
    hex = Hex.string(SHA256.hash(data: Array(key.utf8)))
  }

  /// A hash read back from storage; nil unless it is 64 lowercase hex characters.
  public init?(hex: String) {
    guard hex.utf8.count == 64, let bytes = Hex.bytes(hex), Hex.string(bytes) == hex else {
      return nil
    }
    self.hex = hex
  }

  public var description: String { hex }
}
