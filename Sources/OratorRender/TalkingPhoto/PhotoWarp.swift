/// Draws a photo through a moved mesh: each target triangle is filled by sampling the photo
/// through the affine map back onto its rest triangle. Triangles that did not move are left as
/// they are (the frame already holds the photo there).
///
/// A triangle is filled span by span: where each frame row crosses the triangle comes from its
/// edges, and along the row the source position advances by a constant step (the map is
/// affine), in 16.16 fixed point, so a pixel costs a few integer operations and one bilinear
/// lookup of two channels at a time.
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
    picture.pixels.withUnsafeBytes { buffer in
      let source = PictureSampler(
        base: buffer.baseAddress!, width: picture.width, height: picture.height)
      for (a, b, c) in triangles {
        let ta = target[a]
        let tb = target[b]
        let tc = target[c]
        let sa = rest[a]
        let sb = rest[b]
        let sc = rest[c]
        if Self.still(ta, sa), Self.still(tb, sb), Self.still(tc, sc) { continue }
        fill(ta, tb, tc, from: sa, sb, sc, source: source, dst: dst, stride: stride)
      }
    }
  }

  @inline(__always)
  private static func still(_ t: Vector, _ s: Vector) -> Bool {
    abs(t.x - s.x) < 0.02 && abs(t.y - s.y) < 0.02
  }

  private func fill(
    _ ta: Vector, _ tb: Vector, _ tc: Vector, from sa: Vector, _ sb: Vector, _ sc: Vector,
    source: PictureSampler, dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    let origin = Vector(Double(originX), Double(originY))
    // In frame pixels from here on.
    let a = ta + origin
    let b = tb + origin
    let c = tc + origin
    let e1 = b - a
    let e2 = c - a
    let det = e1.x * e2.y - e2.x * e1.y
    guard abs(det) > 1e-6 else { return }
    // The affine map from frame to picture: source = sa + m · (frame − a).
    let f1 = sb - sa
    let f2 = sc - sa
    let dxdx = (f1.x * e2.y - f2.x * e1.y) / det
    let dxdy = (f2.x * e1.x - f1.x * e2.x) / det
    let dydx = (f1.y * e2.y - f2.y * e1.y) / det
    let dydy = (f2.y * e1.x - f1.y * e2.x) / det

    let minY = max(Int(min(a.y, b.y, c.y).rounded(.up)), clip.y)
    let maxY = min(Int(max(a.y, b.y, c.y).rounded(.down)), clip.maxY - 1)
    guard minY <= maxY else { return }
    let edges = (Edge(a, b), Edge(b, c), Edge(c, a))
    let fixed = 65536.0
    let stepX = Int((dxdx * fixed).rounded())
    let stepY = Int((dydx * fixed).rounded())
    for fy in minY...maxY {
      let y = Double(fy)
      var left = Double.infinity
      var right = -Double.infinity
      edges.0.widen(&left, &right, atY: y)
      edges.1.widen(&left, &right, atY: y)
      edges.2.widen(&left, &right, atY: y)
      // Closed on both sides, with a hair of slack: a pixel on an edge shared by two
      // triangles is drawn by both (the same colour twice) rather than by neither.
      let first = max(Int((left - 1e-7).rounded(.up)), clip.x)
      let last = min(Int((right + 1e-7).rounded(.down)), clip.maxX - 1)
      guard first <= last else { continue }
      let dx = Double(first) - a.x
      let dy = y - a.y
      var sx = Int(((sa.x + dxdx * dx + dxdy * dy) * fixed).rounded())
      var sy = Int(((sa.y + dydx * dx + dydy * dy) * fixed).rounded())
      let row = UnsafeMutableRawPointer(dst + fy * stride)
      if let circle {
        for fx in first...last {
          let ddx = Double(fx) - circle.x
          let ddy = y - circle.y
          let cover = min(max(circle.radius - (ddx * ddx + ddy * ddy).squareRoot() + 0.5, 0), 1)
          if cover > 0 {
            let colour = source.sample(x: sx, y: sy)
            let p = row + fx * 4
            p.storeBytes(
              of: cover >= 1 ? colour : Self.mix(p.load(as: UInt32.self), colour, cover),
              as: UInt32.self)
          }
          sx &+= stepX
          sy &+= stepY
        }
      } else {
        var p = row + first * 4
        for _ in first...last {
          p.storeBytes(of: source.sample(x: sx, y: sy), as: UInt32.self)
          p += 4
          sx &+= stepX
          sy &+= stepY
        }
      }
    }
  }

  /// `under` covered by `over` to `cover` (0…1), on the circle's anti-aliased rim.
  private static func mix(_ under: UInt32, _ over: UInt32, _ cover: Double) -> UInt32 {
    let weight = UInt32((cover * 256).rounded())
    return PictureSampler.lerp(under, over, weight) | 0xFF00_0000
  }

  /// One triangle edge, its ends ordered by y so that the two triangles sharing it compute
  /// exactly the same crossings.
  private struct Edge {
    let top: Vector
    let bottom: Vector

    init(_ p: Vector, _ q: Vector) {
      if p.y < q.y || (p.y == q.y && p.x < q.x) {
        top = p
        bottom = q
      } else {
        top = q
        bottom = p
      }
    }

    /// Widens `left…right` to where the row `y` meets the edge: one x, or the whole edge when
    /// it lies on the row.
    @inline(__always)
    func widen(_ left: inout Double, _ right: inout Double, atY y: Double) {
      guard y >= top.y, y <= bottom.y else { return }
      let height = bottom.y - top.y
      let low: Double
      let high: Double
      if height <= 0 {
        low = min(top.x, bottom.x)
        high = max(top.x, bottom.x)
      } else {
        low = top.x + (bottom.x - top.x) * ((y - top.y) / height)
        high = low
      }
      left = min(left, low)
      right = max(right, high)
    }
  }
}

/// Bilinear lookup into a picture's BGRA pixels at 16.16 fixed-point positions, blue and red
/// in one 32-bit lane pair and green and alpha in the other; positions outside are clamped.
struct PictureSampler {
  let base: UnsafeRawPointer
  let width: Int
  let height: Int

  @inline(__always)
  func sample(x: Int, y: Int) -> UInt32 {
    let cx = min(max(x, 0), (width - 1) << 16)
    let cy = min(max(y, 0), (height - 1) << 16)
    let x0 = cx >> 16
    let y0 = cy >> 16
    let x1 = min(x0 + 1, width - 1)
    let y1 = min(y0 + 1, height - 1)
    let fx = UInt32(truncatingIfNeeded: (cx >> 8) & 0xFF)
    let fy = UInt32(truncatingIfNeeded: (cy >> 8) & 0xFF)
    let row0 = base + y0 * width * 4
    let row1 = base + y1 * width * 4
    let top = Self.lerp(
      row0.loadUnaligned(fromByteOffset: x0 * 4, as: UInt32.self),
      row0.loadUnaligned(fromByteOffset: x1 * 4, as: UInt32.self), fx)
    let bottom = Self.lerp(
      row1.loadUnaligned(fromByteOffset: x0 * 4, as: UInt32.self),
      row1.loadUnaligned(fromByteOffset: x1 * 4, as: UInt32.self), fx)
    return Self.lerp(top, bottom, fy)
  }

  /// `a` toward `b` by `weight`/256, each byte on its own, rounded.
  @inline(__always)
  static func lerp(_ a: UInt32, _ b: UInt32, _ weight: UInt32) -> UInt32 {
    let keep = 256 &- weight
    let rb = ((a & 0x00FF_00FF) &* keep &+ (b & 0x00FF_00FF) &* weight &+ 0x0080_0080) >> 8
    let ag = ((a >> 8) & 0x00FF_00FF) &* keep &+ ((b >> 8) & 0x00FF_00FF) &* weight &+ 0x0080_0080
    return (rb & 0x00FF_00FF) | (ag & 0xFF00_FF00)
  }
}
