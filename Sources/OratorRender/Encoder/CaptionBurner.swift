import Foundation

/// Makes the copy with captions drawn into the picture (HeyGen's `video_url_caption`),
/// using libass through ffmpeg's `ass` filter; the audio is copied as is.
public enum CaptionBurner {
  public static func burn(
    assFile: String, into video: String, to output: String, settings: EncoderSettings
  )
    async throws(FFmpegError)
  {
    try await FFmpeg.run(
      ["-i", video, "-vf", "ass=filename=\(filterEscaped(assFile))"] + settings.videoArguments + [
        "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc",
        "bt709",
        "-color_range", "tv", "-c:a", "copy", "-movflags", "+faststart", output,
      ])
  }

  /// Escapes a path for use as a filter option value (quotes, colons, backslashes).
  static func filterEscaped(_ path: String) -> String {
    var escaped = ""
    for character in path {
      if "\\':,[];".contains(character) { escaped += "\\" }
      escaped.append(character)
    }
    return escaped
  }
}
