import Foundation

/// Paints the inside of an open mouth over the warped lips: a cavity that is darker at the
/// back and at the corners, a tongue when the mouth opens wide, and upper teeth under the upper
/// lip — the photo's own teeth when it shows them, drawn teeth when it does not.
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

  /// `upper` and `lower` are the frame's inner lip contours in picture pixels.
  func paint(
    upper: [Vector], lower: [Vector], picture: PhotoPicture, originX: Int, originY: Int,
    clip: PixelRect, into dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    let middle = upper.count / 2
    let gap = lower[middle].y - upper[middle].y
    // The corners, and a closed seam, are where a stretched photo shows specks; soften them.
    let radius = max(1.5, 0.06 * mouthWidth)
    let origin = Vector(Double(originX), Double(originY))
    if gap < 3 {
      // Shut lips: what is left of the photo's open mouth between them is squeezed into a
      // line of specks; a soft line of shadowed lip colour closes the mouth instead.
      Self.paintSeam(
        upper: upper.map { $0 + origin }, lower: lower.map { $0 + origin },
        strength: min(1, (3 - gap) / 2), clip: clip, pixels: dst, stride: stride)
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
    let teethHeight = min(0.11 * mouthWidth, 0.5 * gap)
    let sourceTeethHeight = min(0.6 * restGap, 0.12 * mouthWidth)
    let tongue = gap > 0.14 * mouthWidth
    let tongueCentre = Vector(centreX, lower[middle].y + 0.1 * gap)
    let tongueRadii = Vector(0.32 * mouthWidth, 0.5 * gap)

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
          let topY = Self.interpolate(upper, atX: x)
          let bottomY = Self.interpolate(lower, atX: x)
          let depth = min(max((y - topY) / max(1, bottomY - topY), 0), 1)
          // Cavity: a dark red-brown, darker toward the back (the centre), lighter at the lips.
          let shade = 0.55 + 0.6 * across * across + 0.25 * abs(depth - 0.5)
          var colour = Vector3(66, 22, 22) * shade
          if tongue {
            let d = (point - tongueCentre) / tongueRadii
            let inside = 1 - (d.x * d.x + d.y * d.y)
            if inside > 0 {
              let lit =
                0.7 + 0.4 * min(max((y - (tongueCentre.y - tongueRadii.y)) / tongueRadii.y, 0), 1)
              let amount = min(inside * 4, 1) * 0.9
              colour = colour * (1 - amount) + Vector3(158, 82, 84) * lit * amount
            }
          }
          let intoTeeth = (y - topY) / max(teethHeight, 0.5)
          if intoTeeth >= 0, intoTeeth <= 1 {
            var tooth: Vector3
            if showsTeeth {
              tooth = photoTooth(
                atX: x, along: intoTeeth, upper: upper, sourceHeight: sourceTeethHeight, src: src,
                picture: picture)
            } else {
              tooth = Self.drawnTooth(
                offset: x - centreX, along: intoTeeth, halfWidth: mouthWidth / 2)
            }
            // The upper lip shades the top of the teeth; the teeth darken toward the corners.
            let shadow = 1 - 0.35 * exp(-intoTeeth * 4)
            tooth = tooth * (shadow * (1 - 0.4 * across * across))
            // Soft lower edge of the teeth.
            let edge = smoothstep((1 - intoTeeth) / 0.15)
            colour = colour * (1 - edge) + tooth * edge
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

  /// Drawn upper teeth: incisors wide at the centre, narrower toward the corners, each with a
  /// rounded lower edge, a faint gap between neighbours and a warm off-white enamel.
  static func drawnTooth(offset: Double, along: Double, halfWidth: Double) -> Vector3 {
    let s = abs(offset) / max(halfWidth, 1)
    let edges = [0.0, 0.2, 0.37, 0.52, 0.65, 0.77, 0.88, 1.0]
    var k = 0
    while k < edges.count - 2, s > edges[k + 1] { k += 1 }
    let width = edges[k + 1] - edges[k]
    let within = (s - edges[k]) / width
    // Distance to the nearest boundary in pixels: the dark seam between teeth.
    let toEdge = min(within, 1 - within) * width * halfWidth
    let seam = 1 - 0.3 * exp(-toEdge * toEdge / 0.5)
    // Each tooth's tip is rounded: its corners end a little higher.
    let tip = 1 - 0.18 * pow(2 * within - 1, 2)
    if along > tip { return Vector3(60, 20, 20) }
    let enamel = Vector3(236, 230, 216) * (0.92 + 0.08 * (1 - along))
    return enamel * seam
  }

  /// A soft line along the middle of shut lips, its colour the lips' own (sampled a little
  /// above and below), darkened as the shadow between lips is.
  static func paintSeam(
    upper: [Vector], lower: [Vector], strength: Double, clip: PixelRect,
    pixels: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    let middle = zip(upper, lower).map { ($0 + $1) / 2 }
    let lipHeight = max(2, (lower[lower.count / 2].y - upper[upper.count / 2].y) + 3)
    let minX = max(Int(middle[0].x.rounded(.up)), clip.x)
    let maxX = min(Int(middle[middle.count - 1].x.rounded(.down)), clip.maxX - 1)
    guard minX <= maxX else { return }
    for x in minX...maxX {
      let y = interpolate(middle, atX: Double(x))
      let above = Int((y - lipHeight).rounded())
      let below = Int((y + lipHeight).rounded())
      guard above >= clip.y, below < clip.maxY else { continue }
      let a = pixels + above * stride + x * 4
      let b = pixels + below * stride + x * 4
      let colour =
        Vector3(
          (Double(a[2]) + Double(b[2])) / 2, (Double(a[1]) + Double(b[1])) / 2,
          (Double(a[0]) + Double(b[0])) / 2) * 0.62
      let span = middle[middle.count - 1].x - middle[0].x
      let along =
        min(Double(x) - middle[0].x, middle[middle.count - 1].x - Double(x)) / max(span, 1)
      let taper = smoothstep(along / 0.08)
      for row in Int((y - 1.5).rounded(.down))...Int((y + 1.5).rounded(.up)) {
        guard row >= clip.y, row < clip.maxY else { continue }
        let weight = max(0, 1 - abs(Double(row) - y) / 1.4) * strength * taper
        guard weight > 0 else { continue }
        let p = pixels + row * stride + x * 4
        p[0] = UInt8(Double(p[0]) * (1 - weight) + colour.z * weight + 0.5)
        p[1] = UInt8(Double(p[1]) * (1 - weight) + colour.y * weight + 0.5)
        p[2] = UInt8(Double(p[2]) * (1 - weight) + colour.x * weight + 0.5)
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
