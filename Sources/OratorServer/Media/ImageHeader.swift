/// Recognises image files by their first bytes, so an upload labelled `image/png` that is not
/// a PNG is refused at once instead of failing the render that later uses it.
enum ImageSignature {
  /// True when `bytes` start like a file of the extension (`jpg`, `png`, `webp`).
  static func matches(_ bytes: [UInt8], ext: String) -> Bool {
    switch ext {
    case "jpg": return bytes.starts(with: [0xFF, 0xD8, 0xFF])
    case "png": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    case "webp":
      return bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8))
        && Array(bytes[8..<12]) == Array("WEBP".utf8)
    default: return true
    }
  }
}
