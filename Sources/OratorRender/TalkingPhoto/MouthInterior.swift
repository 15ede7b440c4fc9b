import Foundation

/// The colours inside an open mouth for one frame, back to front: the cavity, shaded darker
/// toward the corners and the back of the throat and lit a little where the lips bounce light
/// in; the tongue, once the mouth opens wide, lying behind the lower teeth with a lit top and
/// a groove down its middle; the tips of the lower front teeth above the lower lip; and the
/// upper teeth under the upper lip.
struct MouthInterior {
  typealias Vector = SIMD2<Double>

  /// The mouth's centre line and half its corner-to-corner span in this frame, the lip gap at
  /// the centre, and the mouth's width at rest, all in pixels.
  let centreX: Double
  let halfSpan: Double
  let gap: Double
  let mouthWidth: Double

  /// How tall the upper teeth show below the upper lip, and the lower teeth above the lower.
  var upperTeethHeight: Double { min(0.095 * mouthWidth, 0.45 * gap) }
  var lowerTeethHeight: Double { min(0.045 * mouthWidth, 0.16 * gap) }
  /// The tongue rises with the opening, from nothing at a gap of 9 % of the mouth's width.
  var tongueRise: Double { smoothstep((gap / mouthWidth - 0.09) / 0.12) }

  /// The colour at `x`, `y` (picture pixels) between the upper lip at `topY` and the lower at
  /// `bottomY`; `upperTooth` gives the upper teeth's colour at a share 0…1 of their height
  /// below the lip, or nil between tooth tips.
  func colour(
    x: Double, y: Double, topY: Double, bottomY: Double,
    upperTooth: (_ along: Double) -> Vector3?
  ) -> Vector3 {
    let offset = x - centreX
    let across = min(abs(offset) / max(halfSpan, 1), 1)
    let opening = max(bottomY - topY, 1)
    let depth = min(max((y - topY) / opening, 0), 1)
    var colour = cavity(across: across, depth: depth)

    if tongueRise > 0 {
      // An ellipse's top, centred below the lower lip; its surface curves down to the sides.
      let halfWidth = 0.4 * mouthWidth
      let side = offset / halfWidth
      if abs(side) < 1 {
        let height = 0.42 * opening * tongueRise
        let surface = bottomY - height * (1 - side * side).squareRoot()
        let inside = y - surface
        let soft = max(1.5, 0.3 * height)
        if inside > -soft {
          // Its back edge melts into the dark of the throat instead of ending in a line.
          let cover = smoothstep((inside + soft) / (2 * soft))
          // Light comes in through the lips, so the tongue is lit toward the front (down,
          // behind the lower teeth) and falls into shade toward the back and the sides; a
          // shallow groove down the middle.
          let lit = 0.42 + 0.5 * smoothstep(inside / max(2, 0.8 * height))
          let round = 1 - 0.35 * side * side
          let groove = 1 - 0.1 * exp(-pow(offset / max(1, 0.04 * mouthWidth), 2))
          let tongue = Vector3(178, 88, 92) * (lit * round * groove)
          colour = colour * (1 - cover) + tongue * cover
        }
      }
    }

    // The lower teeth show once the mouth is well open, only their tips above the lip.
    let lowerInto = (bottomY - y) / max(lowerTeethHeight, 0.5)
    let lowerShows = smoothstep((gap / mouthWidth - 0.1) / 0.08)
    if lowerShows > 0, lowerInto >= 0, lowerInto <= 1,
      let tooth = DrawnTeeth.lower(offset: offset, along: lowerInto, halfWidth: mouthWidth / 2)
    {
      // In the cavity's shadow, darker than the upper teeth, fading out to the sides and at
      // the tips, which catch less light than the edge the lip rests on.
      let side = 1 - smoothstep((abs(offset) / (mouthWidth / 2) - 0.2) / 0.25)
      let tips = 1 - 0.6 * smoothstep((lowerInto - 0.55) / 0.45)
      let amount = lowerShows * side * tips
      colour = colour * (1 - amount) + DrawnTeeth.shade(tooth, 0.3) * amount
    }

    let upperInto = (y - topY) / max(upperTeethHeight, 0.5)
    if upperInto >= 0, upperInto <= 1, var tooth = upperTooth(upperInto) {
      // The upper lip shades the teeth just below it; the teeth darken toward the corners.
      tooth = DrawnTeeth.shade(tooth, 0.3 * exp(-upperInto * 4) + 0.4 * across * across)
      // Soft lower edge of the teeth.
      let edge = smoothstep((1 - upperInto) / 0.12)
      colour = colour * (1 - edge) + tooth * edge
    }
    return colour
  }

  /// A dark red-brown, deepest at the back of the mouth (its middle) and in the corners,
  /// lighter just inside the lips.
  private func cavity(across: Double, depth: Double) -> Vector3 {
    let nearLip = exp(-min(depth, 1 - depth) * 7)
    let light = (0.55 + 0.5 * nearLip) * (1 - 0.45 * across * across)
    return Vector3(74, 24, 28) * light
  }
}

/// Teeth drawn where a photo shows none: each tooth its own shape (incisors wide at the front,
/// narrower toward the corners as the arch turns away), rounded at its tip, convex (lighter in
/// its middle), with a shadowed seam between neighbours; warm off-white enamel that turns a
/// little more ivory toward the corners. Nil between tooth tips, where the cavity shows.
enum DrawnTeeth {
  /// Upper teeth from the centre out (share of the half mouth width) with their lengths.
  private static let upperEdges = [0.0, 0.21, 0.39, 0.55, 0.68, 0.79, 0.89, 1.0]
  private static let upperLengths = [1.0, 0.86, 0.95, 0.8, 0.74, 0.68, 0.62]
  /// Lower teeth are narrower, and only the front ones show.
  private static let lowerEdges = [0.0, 0.13, 0.26, 0.4, 0.55, 1.0]
  private static let lowerLengths = [1.0, 0.95, 0.85, 0.7, 0.5]

  static let enamel = Vector3(238, 228, 206)

  /// `along` runs 0 at the upper lip to 1 at the teeth's lower edge.
  static func upper(offset: Double, along: Double, halfWidth: Double) -> Vector3? {
    tooth(
      offset: offset, along: along, halfWidth: halfWidth, edges: upperEdges,
      lengths: upperLengths)
  }

  /// `along` runs 0 at the lower lip to 1 at the lower teeth's tips.
  static func lower(offset: Double, along: Double, halfWidth: Double) -> Vector3? {
    // Only the front teeth show above the lower lip.
    guard abs(offset) < 0.62 * halfWidth else { return nil }
    return tooth(
      offset: offset, along: along, halfWidth: halfWidth, edges: lowerEdges,
      lengths: lowerLengths)
  }

  private static func tooth(
    offset: Double, along: Double, halfWidth: Double, edges: [Double], lengths: [Double]
  ) -> Vector3? {
    let s = min(abs(offset) / max(halfWidth, 1), 0.999)
    var k = 0
    while k < edges.count - 2, s > edges[k + 1] { k += 1 }
    let width = edges[k + 1] - edges[k]
    let within = (s - edges[k]) / width
    let fromMiddle = 2 * within - 1
    // The tip: the tooth's corners end higher than its middle.
    let tip = lengths[k] * (1 - 0.2 * pow(fromMiddle, 4))
    guard along <= tip else { return nil }
    // The seam between neighbours, in pixels from the nearest boundary.
    let toEdge = min(within, 1 - within) * width * halfWidth
    let seam = 0.22 * exp(-toEdge * toEdge / 0.35)
    let convex = 0.12 * fromMiddle * fromMiddle
    // Toward the tip the enamel is thinner and a touch greyer.
    let translucent = smoothstep((along / tip - 0.75) / 0.25) * 0.1
    let ivory = Vector3(1, 0.985 - 0.03 * s, 0.96 - 0.08 * s)
    let colour = shade(enamel * ivory, seam + convex)
    return colour * (1 - translucent) + Vector3(178, 170, 162) * translucent
  }

  /// Teeth in shadow turn a warm brownish grey, not a cold grey: the light inside a mouth is
  /// reflected off red surfaces.
  static func shade(_ colour: Vector3, _ amount: Double) -> Vector3 {
    let t = min(max(amount, 0), 1)
    return colour * (1 - t) + Vector3(104, 66, 62) * t
  }
}
