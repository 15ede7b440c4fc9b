import Foundation

/// The frames the thumbnail and the GIF preview need, kept while the video is drawn, so that
/// neither has to decode the finished 1080p video again: the thumbnail's frame whole, and the
/// GIF's frames (10 a second) reduced by a whole factor toward the GIF's width as they pass.
/// Used from the one task that runs the encoder.
final class PreviewFrames: @unchecked Sendable {
  let width: Int
  let height: Int
  let thumbnailIndex: Int
  /// Frame indices of the GIF's frames, in order.
  let gifIndices: [Int]
  /// The GIF's frames' size before the GIF's own scaling.
  let gifWidth: Int
  let gifHeight: Int
  private let factor: Int
  private(set) var thumbnail: [UInt8]?
  private(set) var gif: [UInt8] = []
  private var nextGif = 0

  /// The frames that `Previews.thumbnail(of:at:)` and `Previews.gif(of:seconds:maxWidth:)`
  /// would pick from the video: the first frame at or after `thumbnailSeconds`, and the frame
  /// nearest each tenth of a second of the first `gifSeconds`.
  init(
    width: Int, height: Int, fps: Double, frameCount: Int, thumbnailSeconds: Double,
    gifSeconds: Double, gifMaxWidth: Int
  ) {
    self.width = width
    self.height = height
    let last = max(frameCount - 1, 0)
    thumbnailIndex = min(Int((thumbnailSeconds * fps - 1e-9).rounded(.up)), last)
    let count = max(1, Int((gifSeconds * 10).rounded()))
    gifIndices = (0..<count).map { min(Int((Double($0) / 10 * fps).rounded()), last) }
    factor = max(1, width / max(gifMaxWidth, 2))
    gifWidth = max(2, (width / factor) & ~1)
    gifHeight = max(2, (height / factor) & ~1)
  }

  /// Keeps what the previews need of frame `index`.
  func offer(_ frame: I420Frame, index: Int) {
    if index == thumbnailIndex { thumbnail = frame.bytes }
    while nextGif < gifIndices.count, gifIndices[nextGif] == index {
      appendReduced(frame)
      nextGif += 1
    }
  }

  var isComplete: Bool { thumbnail != nil && nextGif == gifIndices.count }

  /// Each plane averaged over `factor`×`factor` blocks.
  private func appendReduced(_ frame: I420Frame) {
    frame.bytes.withUnsafeBufferPointer { buffer in
      let source = buffer.baseAddress!
      reduce(source, width: width, outWidth: gifWidth, outHeight: gifHeight)
      let chroma = source + width * height
      reduce(chroma, width: width / 2, outWidth: gifWidth / 2, outHeight: gifHeight / 2)
      reduce(
        chroma + (width / 2) * (height / 2), width: width / 2, outWidth: gifWidth / 2,
        outHeight: gifHeight / 2)
    }
  }

  private func reduce(
    _ plane: UnsafePointer<UInt8>, width: Int, outWidth: Int, outHeight: Int
  ) {
    let area = factor * factor
    for y in 0..<outHeight {
      for x in 0..<outWidth {
        var sum = 0
        for dy in 0..<factor {
          let row = plane + (y * factor + dy) * width + x * factor
          for dx in 0..<factor { sum &+= Int(row[dx]) }
        }
        gif.append(UInt8(truncatingIfNeeded: (sum + area / 2) / area))
      }
    }
  }

  /// Writes the thumbnail JPEG from the kept frame.
  func writeThumbnail(to path: String, scratch: String) async throws(FFmpegError) {
    guard let thumbnail else {
      throw FFmpegError(tool: "ffmpeg", message: "the thumbnail's frame was never drawn")
    }
    try await encode(
      thumbnail, width: width, height: height, rate: 1, through: "thumbnail.yuv", in: scratch,
      output: ["-frames:v", "1", "-q:v", "3", "-update", "1", path])
  }

  /// Writes the GIF from the kept frames, with the filter `Previews.gif` uses after its
  /// frame-rate step.
  func writeGIF(maxWidth: Int, to path: String, scratch: String) async throws(FFmpegError) {
    guard nextGif == gifIndices.count else {
      throw FFmpegError(tool: "ffmpeg", message: "the GIF's frames were never drawn")
    }
    try await encode(
      gif, width: gifWidth, height: gifHeight, rate: 10, through: "gif.yuv", in: scratch,
      output: ["-vf", Previews.gifFilter(maxWidth: maxWidth), "-loop", "0", "-f", "gif", path])
  }

  /// Hands kept frames to ffmpeg through a raw file in `scratch`, removed afterwards.
  private func encode(
    _ frames: [UInt8], width: Int, height: Int, rate: Int, through name: String,
    in scratch: String, output: [String]
  ) async throws(FFmpegError) {
    let raw = (scratch as NSString).appendingPathComponent(name)
    try Self.write(frames, to: raw)
    defer { try? FileManager.default.removeItem(atPath: raw) }
    try await FFmpeg.run(
      Self.rawInput(width: width, height: height, rate: rate, path: raw) + output)
  }

  private static func rawInput(width: Int, height: Int, rate: Int, path: String) -> [String] {
    [
      "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "\(width)x\(height)", "-framerate",
      String(rate), "-colorspace", "bt709", "-color_range", "tv", "-i", path,
    ]
  }

  private static func write(_ bytes: [UInt8], to path: String) throws(FFmpegError) {
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
      throw FFmpegError(tool: "ffmpeg", message: "cannot write \(path): \(error)")
    }
  }
}
