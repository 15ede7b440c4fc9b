import OratorRender

/// A failure making a preview file, with what the tool said.
struct PreviewError: Error, CustomStringConvertible {
  var description: String
}

/// Encodes preview files (PNG to JPEG, WAV to MP3) with the renderer's ffmpeg runner.
enum PreviewFFmpeg {
  static func run(_ arguments: [String]) async throws(PreviewError) {
    do {
      try await FFmpeg.run(arguments)
    } catch {
      throw PreviewError(description: error.description)
    }
  }
}
