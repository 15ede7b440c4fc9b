/// A planar YUV 4:2:0 frame (BT.709, limited range) kept between frames so that only the
/// rectangle that changed is converted again: converting a whole 1080p frame costs ≈5 ms,
/// the avatar's rectangle a fraction of that, with byte-identical results.
final class I420Frame: @unchecked Sendable {  // one render's, used from one task at a time
  let width: Int
  let height: Int
  /// Y plane, then U, then V, as ffmpeg's `-pix_fmt yuv420p` reads them.
  private(set) var bytes: [UInt8]

  init(width: Int, height: Int) {
    precondition(width % 2 == 0 && height % 2 == 0, "I420 needs even dimensions")
    self.width = width
    self.height = height
    bytes = [UInt8](repeating: 0, count: width * height * 3 / 2)
  }

  @inline(__always)
  private static func luma(_ p: UnsafePointer<UInt8>) -> UInt8 {
    let b = Int(p[0])
    let g = Int(p[1])
    let r = Int(p[2])
    return UInt8(truncatingIfNeeded: ((47 &* r &+ 157 &* g &+ 16 &* b &+ 128) >> 8) &+ 16)
  }

  /// Converts `rect` of a premultiplied BGRA canvas. Pixels are treated as opaque.
  @inline(never)
  func convert(_ rect: PixelRect, from canvas: FrameCanvas) {
    let r = rect.evenAligned.intersection(PixelRect(x: 0, y: 0, width: width, height: height))
    guard !r.isEmpty else { return }
    let src = UnsafePointer(canvas.pixels)
    let stride = canvas.stride
    let w = width
    let chromaWidth = width / 2
    let uOffset = width * height
    let vOffset = uOffset + chromaWidth * (height / 2)
    bytes.withUnsafeMutableBufferPointer { buffer in
      let out = buffer.baseAddress!
      var y = r.y
      while y < r.maxY {
        let row0 = src + y * stride
        let row1 = row0 + stride
        let yRow0 = out + y * w
        let yRow1 = yRow0 + w
        let chromaRow = (y / 2) * chromaWidth
        var x = r.x
        while x < r.maxX {
          // Four luma samples of the 2×2 block, then their average for chroma.
          let p00 = row0 + x * 4
          let p01 = p00 + 4
          let p10 = row1 + x * 4
          let p11 = p10 + 4
          yRow0[x] = Self.luma(p00)
          yRow0[x + 1] = Self.luma(p01)
          yRow1[x] = Self.luma(p10)
          yRow1[x + 1] = Self.luma(p11)
          let sumB = Int(p00[0]) &+ Int(p01[0]) &+ Int(p10[0]) &+ Int(p11[0])
          let sumG = Int(p00[1]) &+ Int(p01[1]) &+ Int(p10[1]) &+ Int(p11[1])
          let sumR = Int(p00[2]) &+ Int(p01[2]) &+ Int(p10[2]) &+ Int(p11[2])
          let red = sumR >> 2
          let g = sumG >> 2
          let b = sumB >> 2
          let chroma = chromaRow + x / 2
          out[uOffset + chroma] = UInt8(
            truncatingIfNeeded: ((-26 &* red &- 87 &* g &+ 112 &* b &+ 128) >> 8) &+ 128)
          out[vOffset + chroma] = UInt8(
            truncatingIfNeeded: ((112 &* red &- 102 &* g &- 10 &* b &+ 128) >> 8) &+ 128)
          x += 2
        }
        y += 2
      }
    }
  }
}
