/// Reads a picture's size from its header, checking the header's structure on the way, so an
/// upload labelled `image/png` that is not a well-formed PNG is refused at once instead of
/// failing the render that later uses it (or being served back as something else).
enum ImageHeader {
  struct Size: Equatable {
    var width: Int
    var height: Int
  }

  /// The picture's size when `bytes` begin with a valid header of the extension's format
  /// (`jpg`, `png`, `webp`); nil otherwise.
  static func size(of bytes: [UInt8], ext: String) -> Size? {
    let size: Size?
    switch ext {
    case "png": size = png(bytes)
    case "jpg": size = jpeg(bytes)
    case "webp": size = webp(bytes)
    default: size = nil
    }
    guard let size, size.width > 0, size.height > 0 else { return nil }
    return size
  }

  /// The signature, then an `IHDR` chunk of 13 bytes whose CRC holds, with a bit depth that
  /// exists for its colour type and no unknown compression, filter or interlace method.
  static func png(_ bytes: [UInt8]) -> Size? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count >= 33, bytes.starts(with: signature), bigEndian(bytes, 8, 4) == 13,
      Array(bytes[12..<16]) == Array("IHDR".utf8),
      bigEndian(bytes, 29, 4) == Int(CRC32.checksum(bytes[12..<29]))
    else { return nil }
    let depth = bytes[24]
    let allowed: [UInt8: Set<UInt8>] = [
      0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16],
    ]
    guard allowed[bytes[25]]?.contains(depth) == true, bytes[26] == 0, bytes[27] == 0,
      bytes[28] <= 1
    else { return nil }
    return Size(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
  }

  /// Start of image, then marker segments up to the first start of frame (SOF0–SOF15 less
  /// DHT, JPG and DAC), whose precision, size and component count must make sense.
  static func jpeg(_ bytes: [UInt8]) -> Size? {
    guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
    var index = 2
    while index + 1 < bytes.count {
      guard bytes[index] == 0xFF else { return nil }
      let marker = bytes[index + 1]
      index += 2
      switch marker {
      case 0xFF:
        index -= 1  // a fill byte before the marker
        continue
      case 0x01, 0xD0...0xD7:
        continue  // no length
      case 0xD8, 0xD9, 0xDA:
        return nil  // a second start, the end or the scan, before any frame header
      default:
        break
      }
      guard index + 2 <= bytes.count else { return nil }
      let length = bigEndian(bytes, index, 2)
      guard length >= 2, index + length <= bytes.count else { return nil }
      let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
      if isFrame {
        guard length >= 8 else { return nil }
        let precision = bytes[index + 2]
        let components = Int(bytes[index + 7])
        guard precision == 8 || precision == 12, (1...4).contains(components),
          length == 8 + 3 * components
        else { return nil }
        return Size(width: bigEndian(bytes, index + 5, 2), height: bigEndian(bytes, index + 3, 2))
      }
      index += length
    }
    return nil
  }

  /// A RIFF container of form `WEBP` no longer than the file, whose first chunk is a lossy
  /// (`VP8 ` key frame), lossless (`VP8L`) or extended (`VP8X`) header.
  static func webp(_ bytes: [UInt8]) -> Size? {
    guard bytes.count >= 30, Array(bytes[0..<4]) == Array("RIFF".utf8),
      Array(bytes[8..<12]) == Array("WEBP".utf8)
    else { return nil }
    let riffSize = littleEndian(bytes, 4, 4)
    guard riffSize >= 22, riffSize + 8 <= bytes.count else { return nil }
    let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
    let data = 20
    switch chunk {
    case "VP8 ":
      // Frame tag (bit 0 clear on a key frame), start code, then 14-bit width and height.
      guard bytes[data] & 0x01 == 0, Array(bytes[data + 3..<data + 6]) == [0x9D, 0x01, 0x2A]
      else { return nil }
      return Size(
        width: littleEndian(bytes, data + 6, 2) & 0x3FFF,
        height: littleEndian(bytes, data + 8, 2) & 0x3FFF)
    case "VP8L":
      guard bytes[data] == 0x2F else { return nil }
      let bits = littleEndian(bytes, data + 1, 4)
      // Version bits (29–31) must be zero.
      guard bits >> 29 == 0 else { return nil }
      return Size(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
    case "VP8X":
      return Size(
        width: littleEndian(bytes, data + 4, 3) + 1, height: littleEndian(bytes, data + 7, 3) + 1)
    default:
      return nil
    }
  }

  private static func bigEndian(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
    bytes[start..<start + count].reduce(0) { $0 << 8 | Int($1) }
  }

  private static func littleEndian(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
    bytes[start..<start + count].reversed().reduce(0) { $0 << 8 | Int($1) }
  }
}

/// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
