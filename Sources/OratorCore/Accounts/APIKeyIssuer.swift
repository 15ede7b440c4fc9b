/// A key just made: `key` is shown to its owner once and then forgotten; `hash` and `record`
/// are what the store keeps.
public struct IssuedAPIKey: Sendable {
  public var key: String
  public var hash: APIKeyHash
  public var record: KeyRecord
}

/// Makes API keys: `orator_` and 32 characters of lowercase base32 (160 random bits), easy to
/// read aloud and to copy, with no characters that need escaping in a header or a shell.
public struct APIKeyIssuer: Sendable {
  public static let prefix = "orator_"
  private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

  private let random: any RandomSource

  public init(random: any RandomSource = SystemRandomSource()) {
    self.random = random
  }

  /// A new key for `account`; `createdAt` in Unix seconds.
  public func issue(for account: ResourceID, label: String, createdAt: Int) -> IssuedAPIKey {
    let key = Self.prefix + Self.base32(random.bytes(20))
    let record = KeyRecord(
      id: ResourceID(random: random), accountId: account, label: label,
      hint: String(key.suffix(4)), createdAt: createdAt)
    return IssuedAPIKey(key: key, hash: APIKeyHash(key: key), record: record)
  }

  /// 20 bytes → 32 characters, five bits each.
  private static func base32(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = buffer << 8 | Int(byte)
      bits += 8
      while bits >= 5 {
        bits -= 5
        output.append(alphabet[(buffer >> bits) & 31])
      }
    }
    if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
    return String(decoding: output, as: UTF8.self)
  }
}
