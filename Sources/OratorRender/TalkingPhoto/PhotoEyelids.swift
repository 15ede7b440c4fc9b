import Foundation

/// Closes the eyes for a blink by painting lids rather than warping them (a warped lid drags
/// the lashes into streaks): a lid of the skin just above the eye slides down to the lower
/// lid, a little darker toward its edge, with a line of lashes along the edge.
struct PhotoEyelids {
  typealias Vector = SIMD2<Double>

  /// Upper and lower lid contours' indices into the mesh, per eye, each left to right.
  let eyes: [(upper: [Int], lower: [Int])]

  init() {
    typealias I = FaceMeshIndices
    eyes = [
      (I.leftEyeUpper, I.leftEyeLower),
      (I.rightEyeUpper.reversed(), I.rightEyeLower.reversed()),
    ]
  }

  func paint(
    closure: Double, mesh: [Vector], originX: Int, originY: Int, clip: PixelRect,
    into dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    guard closure > 0.02 else { return }
    for eye in eyes {
      paintEye(
        upper: eye.upper.map { mesh[$0] }, lower: eye.lower.map { mesh[$0] }, closure: closure,
        originX: originX, originY: originY, clip: clip, dst: dst, stride: stride)
    }
  }

  private func paintEye(
    upper: [Vector], lower: [Vector], closure: Double, originX: Int, originY: Int,
    clip: PixelRect, dst: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    let width = upper[upper.count - 1].x - upper[0].x
    guard width > 2 else { return }
    // The lid covers the original lashes too, and its colour comes from the skin between the
    // crease and the brow.
    let cover = max(1.5, 0.14 * width)
    let lash = max(1, 0.035 * width)
    let minX = max(Int(upper[0].x.rounded(.down)) + originX, clip.x)
    let maxX = min(Int(upper[upper.count - 1].x.rounded(.up)) + originX, clip.maxX - 1)
    guard minX <= maxX else { return }
    var skin: [Vector3] = []
    var columns: [(top: Double, edge: Double)] = []
    for fx in minX...maxX {
      let x = Double(fx - originX)
      let top = PhotoMouth.interpolate(upper, atX: x)
      let bottom = PhotoMouth.interpolate(lower, atX: x)
      let edge = top + closure * max(0, bottom - top) * 0.92
      columns.append((top, edge))
      var sum = Vector3(0, 0, 0)
      var count = 0.0
      let from = Int((top - 2.4 * cover).rounded()) + originY
      let to = Int((top - 1.3 * cover).rounded()) + originY
      if from <= to {
        for fy in max(from, clip.y)...min(to, clip.maxY - 1) {
          let p = dst + fy * stride + fx * 4
          sum += Vector3(Double(p[2]), Double(p[1]), Double(p[0]))
          count += 1
        }
      }
      skin.append(count > 0 ? sum / count : Vector3(200, 160, 140))
    }
    // Smooth the colour along the lid so single dark pixels (lashes, brows) do not streak.
    let radius = max(1, Int(0.12 * width))
    let smoothSkin = skin.indices.map { i -> Vector3 in
      let range = max(0, i - radius)...min(skin.count - 1, i + radius)
      return range.reduce(Vector3(0, 0, 0)) { $0 + skin[$1] } / Double(range.count)
    }
    let strength = min(1, closure * 3)
    for (column, fx) in (minX...maxX).enumerated() {
      let (top, edge) = columns[column]
      // Toward the eye's corners the lid narrows to nothing, like the eye itself.
      let x = Double(fx - originX)
      let corner = smoothstep(min(x - upper[0].x, upper[upper.count - 1].x - x) / (0.12 * width))
      let start = max(Int((top - cover).rounded(.down)) + originY, clip.y)
      let end = min(Int((edge + lash + 1).rounded(.up)) + originY, clip.maxY - 1)
      guard start <= end else { continue }
      for fy in start...end {
        let y = Double(fy - originY)
        let fadeIn = smoothstep((y - (top - cover)) / (0.6 * cover))
        let below = min(max(edge - y + 0.5, 0), 1)
        var alpha = fadeIn * below * strength * corner
        let relative = min(max((y - (top - cover)) / max(1, edge - top + cover), 0), 1)
        var colour = smoothSkin[column] * (0.97 - 0.12 * relative)
        // Lashes: a dark line along the lid's edge once the eye is mostly shut.
        let toEdge = abs(y - edge)
        let lashAmount = max(0, 1 - toEdge / lash) * min(max((closure - 0.3) / 0.5, 0), 1) * corner
        if lashAmount > 0 {
          colour = colour * (1 - 0.8 * lashAmount) + Vector3(40, 32, 30) * (0.8 * lashAmount)
          alpha = max(alpha, lashAmount * strength)
        }
        guard alpha > 0 else { continue }
        let p = dst + fy * stride + fx * 4
        p[0] = UInt8(min(255, Double(p[0]) * (1 - alpha) + colour.z * alpha + 0.5))
        p[1] = UInt8(min(255, Double(p[1]) * (1 - alpha) + colour.y * alpha + 0.5))
        p[2] = UInt8(min(255, Double(p[2]) * (1 - alpha) + colour.x * alpha + 0.5))
      }
    }
  }
}
