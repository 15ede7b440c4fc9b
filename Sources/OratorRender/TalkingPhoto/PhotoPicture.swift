import Foundation

/// A photo decoded at the size it is shown: opaque BGRA bytes (Cairo's ARGB32 layout, so rows
/// copy straight into a frame), with bilinear sampling for the warp.
struct PhotoPicture: Sendable {
  let width: Int
  let height: Int
  /// Row after row, 4 bytes a pixel: blue, green, red, 255.
  let pixels: [UInt8]

  init(width: Int, height: Int, pixels: [UInt8]) {
    precondition(pixels.count == width * height * 4)
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Decodes `path` (any picture ffmpeg reads) scaled to exactly `width`×`height`.
  static func load(path: String, width: Int, height: Int) async throws(FFmpegError) -> PhotoPicture
  {
    let bytes = try await FFmpeg.collect(
      "ffmpeg",
      FFmpeg.quietFlags + FFmpeg.userMediaInput + [
        "-i", path, "-frames:v", "1",
        "-vf", "scale=\(width):\(height):flags=lanczos,format=bgra",
        "-f", "rawvideo", "pipe:1",
      ], outputLimit: width * height * 4 + 1)
    guard bytes.count == width * height * 4 else {
      throw FFmpegError(tool: "ffmpeg", message: "\(path) is not a picture")
    }
    var opaque = bytes
    for i in stride(from: 3, to: opaque.count, by: 4) { opaque[i] = 255 }
    return PhotoPicture(width: width, height: height, pixels: opaque)
  }
}

/// Bilinear lookup into a picture's bytes; positions outside are clamped to the edge.
@inline(__always)
func samplePicture(
  _ src: UnsafePointer<UInt8>, width: Int, height: Int, x: Double, y: Double
) -> (Double, Double, Double) {
  let cx = min(max(x, 0), Double(width - 1))
  let cy = min(max(y, 0), Double(height - 1))
  let x0 = Int(cx)
  let y0 = Int(cy)
  let x1 = min(x0 + 1, width - 1)
  let y1 = min(y0 + 1, height - 1)
  let fx = cx - Double(x0)
  let fy = cy - Double(y0)
  let r0 = y0 * width
  let r1 = y1 * width
  let a = (r0 + x0) * 4
  let b = (r0 + x1) * 4
  let c = (r1 + x0) * 4
  let d = (r1 + x1) * 4
  let w00 = (1 - fx) * (1 - fy)
  let w10 = fx * (1 - fy)
  let w01 = (1 - fx) * fy
  let w11 = fx * fy
  let blue =
    Double(src[a]) * w00 + Double(src[b]) * w10 + Double(src[c]) * w01 + Double(src[d]) * w11
  let green =
    Double(src[a + 1]) * w00 + Double(src[b + 1]) * w10 + Double(src[c + 1]) * w01
    + Double(src[d + 1]) * w11
  let red =
    Double(src[a + 2]) * w00 + Double(src[b + 2]) * w10 + Double(src[c + 2]) * w01
    + Double(src[d + 2]) * w11
  return (blue, green, red)
}
