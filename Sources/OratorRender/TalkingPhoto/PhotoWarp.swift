/// Draws a photo through a moved mesh: each target triangle is filled by sampling the photo
/// through the affine map back onto its rest triangle. Triangles that did not move are left as
/// they are (the frame already holds the photo there).
struct PhotoWarp {
  typealias Vector = SIMD2<Double>

  /// Where the picture's top-left pixel sits in the frame, and the frame rows it may write.
  var originX: Int
  var originY: Int
  var clip: PixelRect
  /// For the `circle` style: the circle the photo is cut to, in frame pixels.
  var circle: (x: Double, y: Double, radius: Double)?

  func draw(
    _ picture: PhotoPicture, rest: [Vector], target: [Vector], triangles: [(Int, Int, Int)],
    into dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    picture.pixels.withUnsafeBufferPointer { buffer in
      let src = buffer.baseAddress!
      for (a, b, c) in triangles {
        let ta = target[a]
        let tb = target[b]
        let tc = target[c]
        let sa = rest[a]
        let sb = rest[b]
        let sc = rest[c]
        if Self.still(ta, sa), Self.still(tb, sb), Self.still(tc, sc) { continue }
        fill(ta, tb, tc, from: sa, sb, sc, src: src, picture: picture, dst: dst, stride: stride)
      }
    }
  }

  @inline(__always)
  private static func still(_ t: Vector, _ s: Vector) -> Bool {
    abs(t.x - s.x) < 0.02 && abs(t.y - s.y) < 0.02
  }

  private func fill(
    _ ta: Vector, _ tb: Vector, _ tc: Vector, from sa: Vector, _ sb: Vector, _ sc: Vector,
    src: UnsafePointer<UInt8>, picture: PhotoPicture, dst: UnsafeMutablePointer<UInt8>,
    stride: Int
  ) {
    let area = (tb.x - ta.x) * (tc.y - ta.y) - (tb.y - ta.y) * (tc.x - ta.x)
    guard abs(area) > 1e-6 else { return }
    let ox = Double(originX)
    let oy = Double(originY)
    let minX = max(Int((min(ta.x, tb.x, tc.x) + ox).rounded(.down)), clip.x)
    let maxX = min(Int((max(ta.x, tb.x, tc.x) + ox).rounded(.up)), clip.maxX - 1)
    let minY = max(Int((min(ta.y, tb.y, tc.y) + oy).rounded(.down)), clip.y)
    let maxY = min(Int((max(ta.y, tb.y, tc.y) + oy).rounded(.up)), clip.maxY - 1)
    guard minX <= maxX, minY <= maxY else { return }
    let inv = 1 / area
    let epsilon = -1e-7
    for fy in minY...maxY {
      let y = Double(fy) - oy
      let row = dst + fy * stride
      for fx in minX...maxX {
        let x = Double(fx) - ox
        // Barycentric weights of the pixel in the target triangle.
        let wa = ((tb.x - x) * (tc.y - y) - (tb.y - y) * (tc.x - x)) * inv
        let wb = ((tc.x - x) * (ta.y - y) - (tc.y - y) * (ta.x - x)) * inv
        let wc = 1 - wa - wb
        if wa < epsilon || wb < epsilon || wc < epsilon { continue }
        let sx = wa * sa.x + wb * sb.x + wc * sc.x
        let sy = wa * sa.y + wb * sb.y + wc * sc.y
        let (blue, green, red) = samplePicture(
          src, width: picture.width, height: picture.height, x: sx, y: sy)
        let p = row + fx * 4
        if let circle {
          let dx = Double(fx) - circle.x
          let dy = Double(fy) - circle.y
          let cover = min(max(circle.radius - (dx * dx + dy * dy).squareRoot() + 0.5, 0), 1)
          if cover <= 0 { continue }
          if cover < 1 {
            p[0] = UInt8(Double(p[0]) * (1 - cover) + blue * cover + 0.5)
            p[1] = UInt8(Double(p[1]) * (1 - cover) + green * cover + 0.5)
            p[2] = UInt8(Double(p[2]) * (1 - cover) + red * cover + 0.5)
            continue
          }
        }
        p[0] = UInt8(blue + 0.5)
        p[1] = UInt8(green + 0.5)
        p[2] = UInt8(red + 0.5)
        p[3] = 255
      }
    }
  }
}
