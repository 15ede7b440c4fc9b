#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// 16-bit PCM mono WAV files, the form in which speech is handed to ffmpeg and served as
/// voice previews.
public enum WAVFile {
  /// The complete file: a 44-byte RIFF header, then the samples in little-endian order.
  public static func encode(_ track: SpeechTrack) -> [UInt8] {
    let dataSize = UInt32(clamping: track.samples.count * 2)
    let sampleRate = UInt32(clamping: track.sampleRate)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(44 + Int(dataSize))
    func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    func append(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    func append(_ value: UInt16) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    append("RIFF")
    append(36 + dataSize)
    append("WAVE")
    append("fmt ")
    append(UInt32(16))  // size of the format chunk
    append(UInt16(1))  // PCM
    append(UInt16(1))  // mono
    append(sampleRate)
    append(sampleRate * 2)  // bytes per second
    append(UInt16(2))  // bytes per frame
    append(UInt16(16))  // bits per sample
    append("data")
    append(dataSize)
    for sample in track.samples.prefix(Int(dataSize / 2)) {
      append(UInt16(bitPattern: sample))
    }
    return bytes
  }

  /// Writes `track` to `path`, replacing any file there.
  public static func write(_ track: SpeechTrack, to path: String) throws(SpeechError) {
    let bytes = encode(track)
    guard let file = fopen(path, "wb") else {
      throw .unwritableAudio(path: path, reason: String(cString: strerror(errno)))
    }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let writeError = written == bytes.count ? 0 : errno
    let closed = fclose(file) == 0
    guard writeError == 0, closed else {
      throw .unwritableAudio(
        path: path, reason: String(cString: strerror(writeError == 0 ? errno : writeError)))
    }
  }

  /// Reads a 16-bit PCM mono WAV file such as `write` makes (other formats go through
  /// `AudioDecoder`, which runs ffmpeg).
  public static func read(_ path: String) throws(SpeechError) -> SpeechTrack {
    guard let file = fopen(path, "rb") else {
      throw .unreadableAudio(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      guard count > 0 else { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    func word(_ offset: Int) -> UInt32 {
      UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
        | UInt32(bytes[offset + 3]) << 24
    }
    func half(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    guard bytes.count >= 44, bytes[0..<4].elementsEqual("RIFF".utf8),
      bytes[8..<12].elementsEqual("WAVE".utf8)
    else { throw .unreadableAudio(path: path, reason: "not a WAV file") }
    // Chunks follow the header: "fmt " says the format, "data" holds the samples.
    var offset = 12
    var sampleRate = 0
    while offset + 8 <= bytes.count {
      let size = Int(word(offset + 4))
      let body = offset + 8
      if bytes[offset..<offset + 4].elementsEqual("fmt ".utf8), body + 16 <= bytes.count {
        guard half(body) == 1, half(body + 2) == 1, half(body + 14) == 16 else {
          throw .unreadableAudio(path: path, reason: "not 16-bit PCM mono")
        }
        sampleRate = Int(word(body + 4))
      } else if bytes[offset..<offset + 4].elementsEqual("data".utf8), sampleRate > 0 {
        let end = min(body + size, bytes.count)
        var samples: [Int16] = []
        samples.reserveCapacity((end - body) / 2)
        var index = body
        while index + 1 < end {
          samples.append(Int16(bitPattern: half(index)))
          index += 2
        }
        return SpeechTrack(samples: samples, sampleRate: sampleRate, words: [], phones: [])
      }
      offset = body + size + (size & 1)
    }
    throw .unreadableAudio(path: path, reason: "the WAV file has no samples")
  }
}
