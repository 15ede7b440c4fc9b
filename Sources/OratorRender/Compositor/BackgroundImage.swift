import HeyGenAPI

/// Decodes a picture (any format ffmpeg reads) into a canvas of the output size, fitted the
/// way the request asks. Done once per scene; frames then copy from it.
enum BackgroundImage {
  /// ffmpeg filter that fits a picture into `width`×`height` (`fit` as HeyGen defines it).
  static func fitFilter(_ fit: BackgroundFit, width: Int, height: Int) -> String {
    switch fit {
    case .cover, .crop:
      "scale=\(width):\(height):force_original_aspect_ratio=increase:flags=lanczos,crop=\(width):\(height)"
    case .contain:
      "scale=\(width):\(height):force_original_aspect_ratio=decrease:flags=lanczos,"
        + "pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=black"
    case .none:
      "crop='min(iw,\(width))':'min(ih,\(height))',pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=black"
    }
  }

  static func load(path: String, fit: BackgroundFit, into canvas: FrameCanvas)
    async throws(FFmpegError)
  {
    let bytes = try await FFmpeg.collect(
      "ffmpeg",
      FFmpeg.quietFlags + FFmpeg.userMediaInput + [
        "-i", path, "-frames:v", "1",
        "-vf", fitFilter(fit, width: canvas.width, height: canvas.height) + ",format=bgra",
        "-f", "rawvideo", "pipe:1",
      ], outputLimit: canvas.width * canvas.height * 4 + 1)
    guard bytes.count == canvas.width * canvas.height * 4 else {
      throw FFmpegError(tool: "ffmpeg", message: "\(path) is not a picture")
    }
    flattenOntoBlack(bytes, into: canvas)
  }

  /// Copies straight-alpha BGRA into the canvas as opaque premultiplied pixels (transparent
  /// areas of a PNG become black, as in a video player).
  static func flattenOntoBlack(_ bytes: [UInt8], into canvas: FrameCanvas) {
    let dst = canvas.pixels
    let rowBytes = canvas.width * 4
    bytes.withUnsafeBufferPointer { src in
      for row in 0..<canvas.height {
        let s = src.baseAddress! + row * rowBytes
        let d = dst + row * canvas.stride
        var i = 0
        while i < rowBytes {
          let alpha = Int(s[i + 3])
          d[i] = UInt8(Int(s[i]) * alpha / 255)
          d[i + 1] = UInt8(Int(s[i + 1]) * alpha / 255)
          d[i + 2] = UInt8(Int(s[i + 2]) * alpha / 255)
          d[i + 3] = 255
          i += 4
        }
      }
    }
    canvas.markDirty()
  }
}
