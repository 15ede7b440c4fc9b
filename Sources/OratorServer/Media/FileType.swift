import Foundation

/// What type an uploaded file is, when the client's part says only
/// `application/octet-stream` (Go's multipart writer, which HeyGen's CLI uses, always does):
/// the file name's extension, else the first bytes.
enum FileType {
  static func mime(declared: String?, fileName: String?, bytes: [UInt8]) -> String {
    let declared = declared?.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    if let declared, !declared.isEmpty, declared != "application/octet-stream" {
      return declared
    }
    if let ext = fileName.map({ ($0 as NSString).pathExtension.lowercased() }), !ext.isEmpty,
      let mime = byExtension[ext == "jpeg" ? "jpg" : ext]
    {
      return mime
    }
    return sniff(bytes) ?? declared ?? "application/octet-stream"
  }

  private static let byExtension = [
    "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "mp4": "video/mp4",
    "webm": "video/webm", "mov": "video/quicktime", "mp3": "audio/mpeg", "wav": "audio/wav",
    "ogg": "audio/ogg", "m4a": "audio/mp4", "aac": "audio/aac",
  ]

  /// The picture type the bytes begin with (PNG, JPEG or WebP), or nil when they are not one.
  static func picture(_ bytes: [UInt8]) -> String? {
    sniff(bytes).flatMap { $0.hasPrefix("image/") ? $0 : nil }
  }

  private static func sniff(_ bytes: [UInt8]) -> String? {
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
    }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
    if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
    if starts(Array("ftyp".utf8), at: 4) { return "video/mp4" }
    if starts([0x1A, 0x45, 0xDF, 0xA3]) { return "video/webm" }
    if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return "audio/wav" }
    if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
    if starts(Array("ID3".utf8)) || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) {
      return "audio/mpeg"
    }
    return nil
  }
}
