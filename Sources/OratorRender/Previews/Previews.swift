/// The still and animated previews HeyGen serves as `thumbnail_url` and `gif_url`.
public enum Previews {
  /// A JPEG of one frame at `seconds`, full size.
  public static func thumbnail(of video: String, at seconds: Double, to path: String)
    async throws(FFmpegError)
  {
    try await FFmpeg.run([
      "-ss", String(format: "%.3f", max(0, seconds)), "-i", video, "-frames:v", "1", "-q:v", "3",
      "-update", "1", path,
    ])
  }

  /// The video's sound alone, its AAC stream copied into an `.m4a` (no re-encoding).
  public static func audioTrack(of video: String, to path: String) async throws(FFmpegError) {
    try await FFmpeg.run(["-i", video, "-vn", "-c:a", "copy", "-movflags", "+faststart", path])
  }

  /// The first `seconds` as a looping GIF, 10 fps, at most `maxWidth` wide, with a palette
  /// made for these frames (measured: ≈1 CPU-s and ≈170 kB for 5 s at 480 px).
  public static func gif(of video: String, seconds: Double, maxWidth: Int, to path: String)
    async throws(FFmpegError)
  {
    let filter = "fps=10," + gifFilter(maxWidth: maxWidth)
    try await FFmpeg.run([
      "-t", String(format: "%.3f", max(0.1, seconds)), "-i", video, "-vf", filter, "-loop", "0",
      "-f", "gif", path,
    ])
  }

  /// The GIF's filter after its frame-rate step: scaled to at most `maxWidth`, with a
  /// palette made for these frames.
  static func gifFilter(maxWidth: Int) -> String {
    "scale='min(\(maxWidth),iw)':-2:flags=lanczos,split[a][b];"
      + "[a]palettegen=max_colors=128:stats_mode=diff[p];"
      + "[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle"
  }
}
