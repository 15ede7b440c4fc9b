import Foundation
import OratorCore

/// A photo's face made ready to animate, once per scene, in the pixels of the picture as it is
/// shown: a triangle mesh over the face and a ring around it, and for each mesh point how far
/// it moves per unit of each motion (mouth opening, rounding, brow raise). A frame's mesh is
/// the rest mesh plus those fields, weighted by the pose; the ring never moves, so everything
/// outside it stays the photo. Between face and ring, two rings of points that follow the face's
/// outline take a smoothly falling share of its motion, so the motion fades out over several
/// triangles and no straight triangle edge shows where it stops (in a collar, say).
struct PhotoFaceRig: Sendable {
  typealias Vector = SIMD2<Double>

  /// Rest positions: the 468 face points, then the mid-points between paired lid and lip
  /// contours (they keep triangles from reaching across an open mouth or eye), then the
  /// feathering rings, then the ring.
  let rest: [Vector]
  let triangles: [(Int, Int, Int)]
  /// Per mesh point, pixels moved per pixel of extra lip gap at the mouth's centre.
  let openField: [Vector]
  /// Per mesh point, the move of full lip rounding (the mouth narrows and pushes forward).
  let roundField: [Vector]
  /// Per mesh point, the move of fully raised brows.
  let browField: [Vector]
  /// How much of the head's motion each point takes: 1 on the face, falling across the
  /// feathering rings, 0 on the ring.
  let headWeight: [Double]

  /// Mouth width (corner to corner) and the photo's own lip gap at the centre, in pixels.
  let mouthWidth: Double
  let restGap: Double
  /// Face height (forehead to chin) in pixels.
  let faceHeight: Double
  /// Where the head turns about: below the chin, at the neck.
  let pivot: Vector
  /// Every pixel the mesh can touch, in picture pixels: (minX, minY, maxX, maxY).
  let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)

  private static let lidPairs =
    zip(
      FaceMeshIndices.leftEyeUpper.dropFirst().dropLast(),
      FaceMeshIndices.leftEyeLower.dropFirst().dropLast()
    )
    .map { ($0, $1) }
    + zip(
      FaceMeshIndices.rightEyeUpper.dropFirst().dropLast(),
      FaceMeshIndices.rightEyeLower.dropFirst().dropLast()
    ).map { ($0, $1) }
  private static let lipPairs = zip(
    FaceMeshIndices.upperInnerLip.dropFirst().dropLast(),
    FaceMeshIndices.lowerInnerLip.dropFirst().dropLast()
  ).map { ($0, $1) }

  /// - Parameters:
  ///   - face: landmarks in the stored picture's pixels.
  ///   - scale: shown pixels per stored pixel.
  ///   - pictureSize: the shown picture's size, which the ring is kept inside.
  init(face: FaceLandmarks, scale: Double, pictureWidth: Int, pictureHeight: Int) {
    typealias I = FaceMeshIndices
    let p = face.points.prefix(I.meshPointCount).map { Vector($0.x * scale, $0.y * scale) }
    let oval = I.faceOval.map { p[$0] }
    let ovalMin = Vector(oval.map(\.x).min()!, oval.map(\.y).min()!)
    let ovalMax = Vector(oval.map(\.x).max()!, oval.map(\.y).max()!)
    let centre = (ovalMin + ovalMax) / 2
    let radii = (ovalMax - ovalMin) / 2 * Vector(1.35, 1.3)
    let mids = (Self.lipPairs + Self.lidPairs).map { (p[$0.0] + p[$0.1]) / 2 }
    let ringCount = 40
    let ring = (0..<ringCount).map { k -> Vector in
      let angle = 2 * Double.pi * Double(k) / Double(ringCount)
      let point = centre + radii * Vector(cos(angle), sin(angle))
      return Vector(
        min(max(point.x, 0), Double(pictureWidth - 1)),
        min(max(point.y, 0), Double(pictureHeight - 1)))
    }
    let feather = Self.feather(
      oval: I.faceOval, points: p, centre: centre, radii: radii, pictureWidth: pictureWidth,
      pictureHeight: pictureHeight)
    let points = p + mids + feather.map(\.position) + ring
    rest = points
    triangles = Delaunay.triangulate(points.map { Delaunay.Point(x: $0.x, y: $0.y) })
    let faceCount = p.count
    let midCount = mids.count

    mouthWidth = max(1, (p[291] - p[61]).length)
    restGap = max(0, p[14].y - p[13].y)
    faceHeight = max(1, (p[I.chin] - p[I.forehead]).length)
    pivot = p[I.chin] + Vector(0, 0.25 * faceHeight)
    let xs = ring.map(\.x)
    let ys = ring.map(\.y)
    bounds = (xs.min()!, ys.min()!, xs.max()!, ys.max()!)

    let mouthCentre = (p[13] + p[14]) / 2
    let faceHalfWidth = (ovalMax.x - ovalMin.x) / 2
    let cornerY = (p[61].y + p[291].y) / 2
    let lowerLipY = p[17].y
    let chinY = p[I.chin].y

    // Opening: the jaw turns down. Skin below the mouth corners moves with the jaw, fully from
    // the lower lip down, fading out sideways toward the jaw's hinge; the chin moves most.
    var open = [Vector](repeating: .zero, count: points.count)
    for i in 0..<faceCount where p[i].y > cornerY {
      let down = smoothstep((p[i].y - cornerY) / max(1, lowerLipY - cornerY))
      let side = min(1, abs(p[i].x - mouthCentre.x) / faceHalfWidth)
      let below = min(1, max(0, (p[i].y - lowerLipY) / max(1, chinY - lowerLipY)))
      open[i].y = down * (1 - 0.7 * side * side) * (1 - 0.1 * below)
    }
    // The lips follow the photo's own gap profile (so closing meets exactly), or a parabola
    // when the photo's mouth is closed; corners drop a little, the upper lip lifts a little.
    let closedPhoto = restGap < 0.03 * mouthWidth
    let halfWidth = mouthWidth / 2
    for (k, (inner, outer)) in zip(I.lowerInnerLip, I.lowerOuterLip).enumerated() {
      let along = (p[inner].x - mouthCentre.x) / halfWidth
      let parabola = max(0, 1 - 0.9 * along * along)
      if k == 0 || k == I.lowerInnerLip.count - 1 {
        open[inner].y = 0.12
        open[outer].y = 0.12
        continue
      }
      let gap = p[inner].y - p[I.upperInnerLip[k]].y
      let profile = closedPhoto ? parabola : min(1.2, max(0, gap / restGap))
      open[inner].y = profile
      open[outer].y = max(profile, parabola) * 0.95
    }
    for (k, upper) in I.upperOuterLip.enumerated().dropFirst().dropLast() {
      let along = (p[upper].x - mouthCentre.x) / halfWidth
      open[upper].y = -0.06 * max(0, 1 - along * along)
      _ = k
    }
    for inner in I.upperInnerLip.dropFirst().dropLast() {
      let along = (p[inner].x - mouthCentre.x) / halfWidth
      open[inner].y = -0.04 * max(0, 1 - along * along)
    }

    // Rounding: the lips and the skin around them draw toward the mouth's centre line. The
    // pull fades smoothly with distance (not lips against skin), so the corners and the
    // cheek beside them move together and nothing tears at the commissures.
    var round = [Vector](repeating: .zero, count: points.count)
    for i in 0..<faceCount {
      let d = (p[i] - mouthCentre) / Vector(0.85 * mouthWidth, 0.75 * mouthWidth)
      let fall = 1 - smoothstep((d.length - 0.55) / 0.9)
      round[i].x = -(p[i].x - mouthCentre.x) * 0.24 * fall
    }

    // Brows: brows and the forehead skin above them rise, fading toward the eyes and the ring.
    var brow = [Vector](repeating: .zero, count: points.count)
    let browPoints = I.leftBrow + I.rightBrow
    let browY = browPoints.map { p[$0].y }.reduce(0, +) / Double(browPoints.count)
    let eyeY = (p[159].y + p[386].y) / 2
    let lift = 0.035 * faceHeight
    for i in 0..<faceCount {
      let y = p[i].y
      guard y < eyeY else { continue }
      let rise = smoothstep((eyeY - y) / max(1, eyeY - browY))
      let top = p[I.forehead].y
      let fade = y < browY ? 1 - 0.6 * smoothstep((browY - y) / max(1, browY - top)) : 1
      brow[i].y = -lift * rise * fade
    }

    // The virtual mid-points move with the contours they sit between.
    for (k, pair) in (Self.lipPairs + Self.lidPairs).enumerated() {
      let m = faceCount + k
      open[m] = (open[pair.0] + open[pair.1]) / 2
      round[m] = (round[pair.0] + round[pair.1]) / 2
      brow[m] = (brow[pair.0] + brow[pair.1]) / 2
    }
    // A feathering point moves as its outline point does, by its share.
    var weight = [Double](repeating: 0, count: points.count)
    for i in 0..<(faceCount + midCount) { weight[i] = 1 }
    for (k, point) in feather.enumerated() {
      let m = faceCount + midCount + k
      open[m] = open[point.follows] * point.share
      round[m] = round[point.follows] * point.share
      brow[m] = brow[point.follows] * point.share
      weight[m] = point.share
    }
    openField = open
    roundField = round
    browField = brow
    headWeight = weight
  }

  /// Points between each outline point and the ring, a third and two thirds of the way out,
  /// taking 1 − smoothstep of that distance of the outline point's motion (0.74, 0.26): the
  /// motion then falls off smoothly rather than along one band of triangles.
  private static func feather(
    oval: [Int], points p: [Vector], centre: Vector, radii: Vector, pictureWidth: Int,
    pictureHeight: Int
  ) -> [(position: Vector, follows: Int, share: Double)] {
    var out: [(position: Vector, follows: Int, share: Double)] = []
    for index in oval {
      let d = p[index] - centre
      // How far along `d` the ring's ellipse lies, as a multiple of `d`.
      let reach = 1 / max(((d / radii) * (d / radii)).sum().squareRoot(), 1e-9)
      guard reach > 1.08 else { continue }
      for t in [1.0 / 3, 2.0 / 3] {
        let point = centre + d * (1 + (reach - 1) * t)
        // Beyond the picture's edge the ring is pressed onto the edge: a point there would
        // sit on a ring point.
        guard point.x >= 1, point.y >= 1, point.x <= Double(pictureWidth - 2),
          point.y <= Double(pictureHeight - 2)
        else { continue }
        out.append((point, index, 1 - smoothstep(t)))
      }
    }
    return out
  }

  /// The mesh for one frame: mouth open to `gap` pixels at the centre, rounded by `rounding`
  /// (0…1), brows raised by `brows` (0…1), then the head turned by `tilt` radians about the
  /// neck and shifted by `shift` pixels.
  func mesh(gap: Double, rounding: Double, brows: Double, tilt: Double, shift: Vector) -> [Vector] {
    let extra = gap - restGap
    let c = cos(tilt)
    let s = sin(tilt)
    var out = rest
    for i in out.indices {
      var q = rest[i] + openField[i] * extra + roundField[i] * rounding + browField[i] * brows
      let w = headWeight[i]
      if w > 0 {
        let d = q - pivot
        let turned = pivot + Vector(c * d.x - s * d.y, s * d.x + c * d.y) + shift
        q = q + (turned - q) * w
      }
      out[i] = q
    }
    return out
  }
}

extension SIMD2 where Scalar == Double {
  var length: Double { (x * x + y * y).squareRoot() }
}

func smoothstep(_ x: Double) -> Double {
  let t = min(max(x, 0), 1)
  return t * t * (3 - 2 * t)
}
