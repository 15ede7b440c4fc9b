/// The id of an account, key, video or job: 32 lowercase hex characters, the form HeyGen's
/// video ids take. Made from 128 random bits, so ids reveal neither order nor count.
public struct ResourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// Accepts exactly 32 lowercase hex characters; nil otherwise.
  public init?(_ text: String) {
    guard text.utf8.count == 32,
      text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return nil }
    rawValue = text
  }

  /// A new id from 16 random bytes.
  public init(random: some RandomSource) {
    rawValue = Hex.string(random.bytes(16))
  }

  public var description: String { rawValue }

  public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

extension ResourceID: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let id = ResourceID(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected 32 lowercase hex characters")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
