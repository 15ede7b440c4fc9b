import Foundation
import OratorRender

/// The audio steps of a dub that go through ffmpeg: taking the speech out of the input, and
/// changing a sentence's tempo without changing its pitch.
enum DubAudio {
  /// The input's first audio stream as 16 kHz mono WAV, what speech recognizers expect.
  static func extractSpeech(from input: URL, to wav: URL) async throws(TranslationError) {
    do {
      try await FFmpeg.run(
        FFmpeg.userMediaInput + [
          "-i", input.path, "-map", "0:a:0", "-vn", "-ac", "1", "-ar", "16000",
          "-c:a", "pcm_s16le", wav.path,
        ])
    } catch {
      throw .unreadableMedia(error.message)
    }
  }

  /// `samples` played `tempo` times faster (ffmpeg `atempo`), at the same sample rate.
  static func changeTempo(
    _ samples: [Int16], sampleRate: Int, tempo: Double, scratch: URL
  ) async throws(TranslationError) -> [Int16] {
    let input = scratch.appendingPathComponent("tempo-in-\(UUID().uuidString).raw")
    let output = scratch.appendingPathComponent("tempo-out-\(UUID().uuidString).raw")
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: output)
    }
    let rawFormat = ["-f", "s16le", "-ar", String(sampleRate), "-ac", "1"]
    do {
      try samples.withUnsafeBytes { try Data($0).write(to: input) }
      try await FFmpeg.run(
        rawFormat + ["-i", input.path, "-af", String(format: "atempo=%.4f", tempo)] + rawFormat
          + [output.path])
      let data = try Data(contentsOf: output)
      return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    } catch let error as FFmpegError {
      throw .engineFailed("tempo change: \(error.message)")
    } catch {
      throw .outputFailed("tempo change: \(error)")
    }
  }
}
