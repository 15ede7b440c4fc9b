/// Lowercase hex, the one encoding used for ids, key hashes and signatures.
enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  static func string(_ bytes: some Sequence<UInt8>) -> String {
    var utf8: [UInt8] = []
    for byte in bytes {
      utf8.append(digits[Int(byte >> 4)])
      utf8.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: utf8, as: UTF8.self)
  }

  /// The bytes of an even-length hex string (either case); nil when it is not one.
  static func bytes(_ text: String) -> [UInt8]? {
    let utf8 = Array(text.utf8)
    guard utf8.count.isMultiple(of: 2) else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count / 2)
    var index = 0
    while index < utf8.count {
      guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
      result.append(high << 4 | low)
      index += 2
    }
    return result
  }

  private static func value(_ char: UInt8) -> UInt8? {
    switch char {
    case 0x30...0x39: char - 0x30
    case 0x61...0x66: char - 0x61 + 10
    case 0x41...0x46: char - 0x41 + 10
    default: nil
    }
  }
}
