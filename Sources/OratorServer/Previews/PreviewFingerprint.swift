/// A short, stable digest of what a preview shows. Cached files are named with it, so a
/// preview is made again when an avatar's drawing, its voice or the sample text changes,
/// while the public URL stays the same.
enum PreviewFingerprint {
  /// FNV-1a over the parts: unlike `Hasher`, the same on every run and every machine.
  static func of(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 + [0] {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
