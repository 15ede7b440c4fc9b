import Foundation

/// Paints the inside of an open mouth over the warped lips (its colours from `MouthInterior`),
/// with the upper teeth the photo's own when it shows them and drawn teeth when it does not,
/// and closes shut lips with a soft seam.
struct PhotoMouth {
  typealias Vector = SIMD2<Double>

  /// The photo's upper inner lip at rest, and whether its teeth show (a gap of at least 6 % of
  /// the mouth's width).
  let restUpper: [Vector]
  let restGap: Double
  let mouthWidth: Double
  var showsTeeth: Bool { restGap > 0.06 * mouthWidth }

  init(rig: PhotoFaceRig) {
    restUpper = FaceMeshIndices.upperInnerLip.map { rig.rest[$0] }
    restGap = rig.restGap
    mouthWidth = rig.mouthWidth
  }

  /// `upper` and `lower` are the frame's inner lip contours and `corners` its outer mouth
  /// corners, in picture pixels.
  func paint(
    upper: [Vector], lower: [Vector], corners: (left: Vector, right: Vector),
    picture: PhotoPicture, originX: Int, originY: Int, clip: PixelRect,
    into dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    let middle = upper.count / 2
    let gap = lower[middle].y - upper[middle].y
    // The corners, and a closed seam, are where a stretched photo shows specks; soften them.
    let radius = max(1.5, 0.06 * mouthWidth)
    let origin = Vector(Double(originX), Double(originY))
    if gap < 3 {
      // Shut lips: what is left of the photo's open mouth between them is squeezed into a
      // line of specks, worst in the corners; lip colour and a soft shadow line close the
      // mouth instead, from one outer corner to the other.
      Self.paintSeam(
        upper: upper.map { $0 + origin }, lower: lower.map { $0 + origin },
        corners: (corners.left + origin, corners.right + origin), gap: max(gap, 0),
        mouthWidth: mouthWidth, strength: min(1, (3 - gap) / 2), clip: clip, pixels: dst,
        stride: stride)
    }
    for corner in [upper[0], upper[upper.count - 1]] {
      for _ in 0..<(gap < 3 ? 3 : 1) {
        Self.soften(
          around: corner + origin, radius: radius * (gap < 3 ? 1.6 : 1), clip: clip,
          pixels: dst, stride: stride)
      }
    }
    guard gap > 0.8 else { return }
    let polygon = upper + lower.reversed()
    let minX = max(Int(polygon.map(\.x).min()!.rounded(.down)) - 1 + originX, clip.x)
    let maxX = min(Int(polygon.map(\.x).max()!.rounded(.up)) + 1 + originX, clip.maxX - 1)
    let minY = max(Int(polygon.map(\.y).min()!.rounded(.down)) - 1 + originY, clip.y)
    let maxY = min(Int(polygon.map(\.y).max()!.rounded(.up)) + 1 + originY, clip.maxY - 1)
    guard minX <= maxX, minY <= maxY else { return }
    let centreX = (upper[middle].x + lower[middle].x) / 2
    let halfSpan = max(1, (upper[upper.count - 1].x - upper[0].x) / 2)
    let interior = MouthInterior(
      centreX: centreX, halfSpan: halfSpan, gap: gap, mouthWidth: mouthWidth)
    let sourceTeethHeight = min(0.6 * restGap, 0.12 * mouthWidth)

    picture.pixels.withUnsafeBufferPointer { buffer in
      let src = buffer.baseAddress!
      for fy in minY...maxY {
        let y = Double(fy - originY)
        let row = dst + fy * stride
        for fx in minX...maxX {
          let x = Double(fx - originX)
          let point = Vector(x, y)
          // Coverage: inside the lips, grown by half a pixel and feathered, and faded toward
          // the corners, where landmarks are least sure (no specks at the commissures).
          var cover = min(max(Self.signedInside(point, polygon) + 0.5, 0), 1)
          if cover <= 0 { continue }
          let across = abs(x - centreX) / halfSpan
          cover *= smoothstep((1 - across) / 0.12)
          if cover <= 0 { continue }
          let colour = interior.colour(
            x: x, y: y, topY: Self.interpolate(upper, atX: x),
            bottomY: Self.interpolate(lower, atX: x)
          ) { along in
            showsTeeth
              ? photoTooth(
                atX: x, along: along, upper: upper, sourceHeight: sourceTeethHeight, src: src,
                picture: picture)
              : DrawnTeeth.upper(offset: x - centreX, along: along, halfWidth: mouthWidth / 2)
          }
          let p = row + fx * 4
          p[0] = UInt8(min(255, Double(p[0]) * (1 - cover) + colour.z * cover + 0.5))
          p[1] = UInt8(min(255, Double(p[1]) * (1 - cover) + colour.y * cover + 0.5))
          p[2] = UInt8(min(255, Double(p[2]) * (1 - cover) + colour.x * cover + 0.5))
        }
      }
    }
  }

  /// The photo's own teeth: the strip under its upper lip, stretched along the lip.
  private func photoTooth(
    atX x: Double, along: Double, upper: [Vector], sourceHeight: Double,
    src: UnsafePointer<UInt8>, picture: PhotoPicture
  ) -> Vector3 {
    var k = 0
    while k < upper.count - 2, x > upper[k + 1].x { k += 1 }
    let span = upper[k + 1].x - upper[k].x
    let t = span > 1e-6 ? min(max((x - upper[k].x) / span, 0), 1) : 0
    let source = restUpper[k] + (restUpper[k + 1] - restUpper[k]) * t
    let (blue, green, red) = samplePicture(
      src, width: picture.width, height: picture.height, x: source.x,
      y: source.y + 0.5 + along * sourceHeight)
    return Vector3(red, green, blue)
  }

  /// Closes shut lips along their whole line, outer corners included. Where the lips meet,
  /// the band is filled with the lip colour from just above and below it, blended down the
  /// band, with a soft shadow line along its middle that fades toward the corners. Beyond
  /// that band, a little further up and down, only pixels far from that lip colour are
  /// replaced: the remnants of the photo's open mouth (teeth, dark corners) squeezed there,
  /// while the lips' own texture stays.
  static func paintSeam(
    upper: [Vector], lower: [Vector], corners: (Vector, Vector), gap: Double,
    mouthWidth: Double, strength: Double, clip: PixelRect, pixels: UnsafeMutablePointer<UInt8>,
    stride: Int
  ) {
    let line = [corners.0] + zip(upper, lower).map { ($0 + $1) / 2 } + [corners.1]
    let core = max(1.5, gap / 2 + 1)
    let reach = core + 0.08 * mouthWidth
    let first = line[0].x
    let last = line[line.count - 1].x
    let span = max(last - first, 1)
    let minX = max(Int(first.rounded(.down)) - 1, clip.x)
    let maxX = min(Int(last.rounded(.up)) + 1, clip.maxX - 1)
    guard minX <= maxX else { return }
    for x in minX...maxX {
      let y = interpolate(line, atX: Double(x))
      let top = Int((y - reach - 1).rounded(.down))
      let bottom = Int((y + reach + 1).rounded(.up))
      guard top - 1 >= clip.y, bottom + 1 < clip.maxY else { continue }
      let inside = min(Double(x) - first, last - Double(x))
      // Full strength inside the corners, fading over a pixel and a half beyond them.
      let weight = strength * smoothstep((inside + 1.5) / 2)
      guard weight > 0 else { continue }
      // The shadow between the lips is a dark red, not grey.
      let shadow = Vector3(0.3, 0.42, 0.42) * smoothstep(inside / span / 0.1)
      func colour(_ row: Int) -> Vector3 {
        let p = pixels + row * stride + x * 4
        return Vector3(Double(p[2]), Double(p[1]), Double(p[0]))
      }
      let above = (colour(top) + colour(top - 1)) / 2
      let below = (colour(bottom) + colour(bottom + 1)) / 2
      for row in (top + 1)..<bottom {
        let t = Double(row - top) / Double(bottom - top)
        let lip = above * (1 - t) + below * t
        let distance = abs(Double(row) - y)
        var amount = weight
        if distance > core {
          let own = colour(row) - lip
          let away = max(abs(own.x), abs(own.y), abs(own.z))
          amount *= smoothstep((away - 14) / 30)
          guard amount > 0 else { continue }
        }
        let shade = lip * (1 - shadow * max(0, 1 - distance / 1.4))
        let p = pixels + row * stride + x * 4
        p[0] = UInt8(Double(p[0]) * (1 - amount) + shade.z * amount + 0.5)
        p[1] = UInt8(Double(p[1]) * (1 - amount) + shade.y * amount + 0.5)
        p[2] = UInt8(Double(p[2]) * (1 - amount) + shade.x * amount + 0.5)
      }
    }
  }

  /// Blends a small box blur into the pixels within `radius` of `centre`, fully at the centre
  /// and fading to nothing at the edge.
  static func soften(
    around centre: Vector, radius: Double, clip: PixelRect, pixels: UnsafeMutablePointer<UInt8>,
    stride: Int
  ) {
    let minX = max(Int((centre.x - radius).rounded(.down)), clip.x + 1)
    let maxX = min(Int((centre.x + radius).rounded(.up)), clip.maxX - 2)
    let minY = max(Int((centre.y - radius).rounded(.down)), clip.y + 1)
    let maxY = min(Int((centre.y + radius).rounded(.up)), clip.maxY - 2)
    guard minX <= maxX, minY <= maxY else { return }
    let width = maxX - minX + 1
    var blurred = [Double](repeating: 0, count: width * (maxY - minY + 1) * 3)
    for y in minY...maxY {
      for x in minX...maxX {
        var sum = (0.0, 0.0, 0.0)
        for dy in -1...1 {
          let row = pixels + (y + dy) * stride
          for dx in -1...1 {
            let p = row + (x + dx) * 4
            sum = (sum.0 + Double(p[0]), sum.1 + Double(p[1]), sum.2 + Double(p[2]))
          }
        }
        let i = ((y - minY) * width + (x - minX)) * 3
        blurred[i] = sum.0 / 9
        blurred[i + 1] = sum.1 / 9
        blurred[i + 2] = sum.2 / 9
      }
    }
    for y in minY...maxY {
      for x in minX...maxX {
        let d = (Vector(Double(x), Double(y)) - centre).length / radius
        let weight = 1 - smoothstep(d)
        guard weight > 0 else { continue }
        let i = ((y - minY) * width + (x - minX)) * 3
        let p = pixels + y * stride + x * 4
        p[0] = UInt8(Double(p[0]) * (1 - weight) + blurred[i] * weight + 0.5)
        p[1] = UInt8(Double(p[1]) * (1 - weight) + blurred[i + 1] * weight + 0.5)
        p[2] = UInt8(Double(p[2]) * (1 - weight) + blurred[i + 2] * weight + 0.5)
      }
    }
  }

  /// Distance in pixels from `p` to the polygon's edge, positive inside.
  static func signedInside(_ p: Vector, _ polygon: [Vector]) -> Double {
    var inside = false
    var nearest = Double.infinity
    var j = polygon.count - 1
    for i in 0..<polygon.count {
      let a = polygon[i]
      let b = polygon[j]
      if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
        inside.toggle()
      }
      let ab = b - a
      let t = min(max(((p - a) * ab).sum() / max((ab * ab).sum(), 1e-9), 0), 1)
      nearest = min(nearest, (p - (a + ab * t)).length)
      j = i
    }
    return inside ? nearest : -nearest
  }

  /// The contour's y at `x`, its points running left to right.
  static func interpolate(_ contour: [Vector], atX x: Double) -> Double {
    if x <= contour[0].x { return contour[0].y }
    for k in 0..<(contour.count - 1) where x <= contour[k + 1].x {
      let span = contour[k + 1].x - contour[k].x
      let t = span > 1e-6 ? (x - contour[k].x) / span : 0
      return contour[k].y + (contour[k + 1].y - contour[k].y) * t
    }
    return contour[contour.count - 1].y
  }
}

/// A colour as red, green, blue in 0…255.
typealias Vector3 = SIMD3<Double>
