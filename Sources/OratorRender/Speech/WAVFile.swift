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
}
