import Subprocess

/// Reads an audio file of any format ffmpeg understands (WAV, MP3, AAC, OGG, a video's sound
/// track, …) as mono 16-bit samples, for requests that bring their own voice recording.
public enum AudioDecoder {
  /// Decoded audio longer than this is refused rather than held in memory.
  public static let longestDurationSeconds = 4 * 3600

  /// The file's sound as a track with no words or phones.
  public static func decode(fileAt path: String, sampleRate: Int = 22050)
    async throws(SpeechError) -> SpeechTrack
  {
    let byteLimit = longestDurationSeconds * sampleRate * MemoryLayout<Int16>.size
    let result: ExecutionResult<Void, BytesOutput, StringOutput<UTF8>>
    do {
      result = try await run(
        .name("ffmpeg"),
        // "file:" keeps ffmpeg from treating the path as a URL or an option.
        arguments: Arguments(
          ["-nostdin", "-v", "error"] + FFmpeg.userMediaInput + [
            "-i", "file:" + path, "-ac", "1", "-ar", String(sampleRate), "-f", "s16le", "-",
          ]),
        output: .bytes(limit: byteLimit),
        error: .string(limit: 64 * 1024))
    } catch {
      throw .engineFailure(
        "ffmpeg could not decode \(path.split(separator: "/").last ?? ""): \(error)")
    }

    guard result.terminationStatus.isSuccess else {
      throw .unreadableAudio(
        path: path, reason: firstLine(of: result.standardError, input: "file:" + path))
    }
    let bytes = result.standardOutput
    guard !bytes.isEmpty else {
      throw .unreadableAudio(path: path, reason: "the file contains no audio")
    }
    let samples = [Int16](unsafeUninitializedCapacity: bytes.count / 2) { buffer, count in
      for index in 0..<buffer.count {
        buffer[index] = Int16(
          bitPattern: UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8)
      }
      count = buffer.count
    }
    return SpeechTrack(samples: samples, sampleRate: sampleRate, words: [], phones: [])
  }

  /// ffmpeg's first message, without the "file:/path: " prefix it puts before it.
  private static func firstLine(of message: String, input: String) -> String {
    let line =
      message.split(whereSeparator: \.isNewline)
      .first { !$0.allSatisfy(\.isWhitespace) }
      .map(String.init) ?? "ffmpeg failed without a message"
    let trimmed = line.hasPrefix(input + ": ") ? String(line.dropFirst(input.count + 2)) : line
    return trimmed.trimmingPrefix(while: \.isWhitespace).description
  }
}
