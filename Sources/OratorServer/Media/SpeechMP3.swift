import Foundation
import OratorRender

/// Speech as an MP3 file: voice previews and text to speech.
enum SpeechMP3 {
  /// Writes `track` as a mono MP3 at `path`, through a WAV beside it, at `bitrate`, resampled
  /// to `sampleRate` when one is given.
  static func write(_ track: SpeechTrack, to path: String, bitrate: String, sampleRate: Int? = nil)
    async throws
  {
    let wavPath = path + ".wav"
    defer { try? FileManager.default.removeItem(atPath: wavPath) }
    try WAVFile.write(track, to: wavPath)
    try await FFmpeg.run(
      ["-i", wavPath, "-codec:a", "libmp3lame", "-b:a", bitrate, "-ac", "1"]
        + (sampleRate.map { ["-ar", String($0)] } ?? []) + ["-f", "mp3", path])
  }
}
