import Foundation
import OratorRender

/// Puts the dubbed speech under the original picture.
enum DubMux {
  /// Writes an MP4 with the input's picture and `audio` (AAC 48 kHz). An H.264 picture is
  /// copied untouched; any other is re-encoded (H.264 yuv420p). When speech runs past the
  /// picture, the last frame is held for `hold` seconds (which needs a re-encode).
  static func mux(
    picture input: URL, source: SourceMedia, audio: URL, hold: Double,
    settings: EncoderSettings, to output: URL
  ) async throws(TranslationError) {
    var arguments =
      FFmpeg.userMediaInput + [
        "-i", input.path, "-i", audio.path, "-map", "0:v:0", "-map", "1:a:0",
      ]
    if source.videoCodec == "h264" && hold <= 0 {
      arguments += ["-c:v", "copy"]
    } else {
      var filters = ["scale=trunc(iw/2)*2:trunc(ih/2)*2"]
      if hold > 0 {
        filters.append(String(format: "tpad=stop_mode=clone:stop_duration=%.3f", hold))
      }
      arguments += [
        "-vf", filters.joined(separator: ","), "-c:v", "libx264", "-preset", settings.preset,
        "-crf", String(settings.crf), "-pix_fmt", "yuv420p",
      ]
    }
    arguments += [
      "-c:a", "aac", "-b:a", settings.audioBitrate, "-ar", "48000",
      "-movflags", "+faststart", output.path,
    ]
    do {
      try await FFmpeg.run(arguments)
    } catch {
      throw .outputFailed("mux: \(error.message)")
    }
  }
}
