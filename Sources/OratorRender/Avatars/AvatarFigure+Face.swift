import CCairo

/// Ears, cheeks, nose, eyes and brows: drawn from the feature numbers, in head space.
extension AvatarFigure {
  func drawEars(_ ears: EarFeature, in cr: OpaquePointer) {
    for side in [-1.0, 1.0] {
      let x = 500 + side * ears.spacing
      ellipse(cr, x, ears.y, ears.width / 2, ears.height / 2)
      colors.skin.setSource(on: cr)
      cairo_fill(cr)
      // The bowl of the ear, open towards the face.
      ellipse(
        cr, x + side * ears.width * 0.06, ears.y - ears.height * 0.04, ears.width * 0.24,
        ears.height * 0.3)
      colors.skinShadow.setSource(on: cr)
      cairo_fill(cr)
    }
  }

  func drawBlush(_ features: AvatarFeatures, in cr: OpaquePointer) {
    guard let blush = colors.blush else { return }
    let y = features.eyes.y + (features.mouth.y - features.eyes.y) * 0.5
    blush.setSource(on: cr)
    for side in [-1.0, 1.0] {
      ellipse(
        cr, 500 + side * (features.eyes.spacing + 10), y, features.eyes.width * 0.5,
        features.eyes.height * 0.4)
      cairo_fill(cr)
    }
  }

  func drawNose(_ nose: NoseFeature, in cr: OpaquePointer) {
    let half = nose.width / 2
    let y = nose.y
    colors.skinShadow.setSource(on: cr)
    // The underside: a soft crescent, fuller in the middle.
    cairo_move_to(cr, 500 - half, y - 4)
    cairo_curve_to(cr, 500 - half * 0.6, y + 5, 500 + half * 0.6, y + 5, 500 + half, y - 4)
    cairo_curve_to(cr, 500 + half * 0.5, y + 0.5, 500 - half * 0.5, y + 0.5, 500 - half, y - 4)
    cairo_close_path(cr)
    cairo_fill(cr)
    if let bridge = nose.bridge, bridge > 0 {
      // One side of the bridge in shade, as if lit from the upper left.
      cairo_move_to(cr, 500 + half * 0.35, y - bridge)
      cairo_curve_to(
        cr, 500 + half * 0.45, y - bridge * 0.5, 500 + half * 0.9, y - 10, 500 + half * 0.85, y - 5)
      cairo_set_line_width(cr, 3)
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      cairo_stroke(cr)
    }
  }

  func drawEyes(_ eyes: EyeFeature, eyelids: Double, in cr: OpaquePointer) {
    let a = eyes.width / 2
    let b = eyes.height / 2
    let resting = min(max(eyes.restingLid ?? 0.12, 0), 0.5)
    let closed = resting + (1 - resting) * min(max(eyelids, 0), 1)
    let lid = colors.skin.mixed(with: colors.skinShadow, 0.22)
    let lash = colors.brow.mixed(with: .black, 0.35)
    for side in [-1.0, 1.0] {
      let geometry = EyeGeometry(
        cx: 500 + side * eyes.spacing, cy: eyes.y, a: a, b: b, outward: side)
      cairo_save(cr)
      geometry.outline(cr)
      colors.eyeWhite.setSource(on: cr)
      cairo_fill_preserve(cr)
      cairo_clip(cr)
      if closed < 0.98 {
        let r = b * 0.94
        let ix = geometry.cx
        let iy = geometry.cy + b * 0.06
        cairo_arc(cr, ix, iy, r, 0, 2 * Double.pi)
        colors.iris.setSource(on: cr)
        cairo_fill(cr)
        cairo_arc(cr, ix, iy, r * 0.5, 0, 2 * Double.pi)
        colors.pupil.setSource(on: cr)
        cairo_fill(cr)
        cairo_arc(cr, ix + r * 0.36, iy - r * 0.38, r * 0.27, 0, 2 * Double.pi)
        FigureColor.white.withAlpha(0.95).setSource(on: cr)
        cairo_fill(cr)
      }
      // The upper lid comes down over the eye.
      geometry.lidEdge(cr, closed: closed, startAtCorner: true)
      cairo_line_to(cr, geometry.cx - side * (a + 4), geometry.cy - b * 3)
      cairo_line_to(cr, geometry.cx + side * (a + 4), geometry.cy - b * 3)
      cairo_close_path(cr)
      lid.setSource(on: cr)
      cairo_fill(cr)
      cairo_restore(cr)

      // The lash line along the lid's edge, which is also the line of a closed eye.
      geometry.lidEdge(cr, closed: closed, startAtCorner: true)
      lash.setSource(on: cr)
      cairo_set_line_width(cr, max(2.2, b * 0.3))
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      cairo_stroke(cr)
      if eyes.lashes == true {
        let ox = geometry.outerCorner.x
        let oy = geometry.outerCorner.y
        cairo_move_to(cr, ox - side * a * 0.25, oy - b * 0.35)
        cairo_curve_to(
          cr, ox + side * a * 0.05, oy - b * 0.25, ox + side * a * 0.18, oy - b * 0.45,
          ox + side * a * 0.26, oy - b * 0.7)
        cairo_curve_to(
          cr, ox + side * a * 0.12, oy - b * 0.1, ox, oy + b * 0.08, ox - side * a * 0.2,
          oy + b * 0.05)
        cairo_close_path(cr)
        cairo_fill(cr)
      }
    }
  }

  func drawBrows(_ brows: BrowFeature, raise: Double, in cr: OpaquePointer) {
    let lift = min(max(raise, 0), 1)
    let t = brows.thickness
    colors.brow.setSource(on: cr)
    for side in [-1.0, 1.0] {
      let inner = (x: 500 + side * (brows.spacing - brows.width / 2), y: brows.y - lift * 12)
      let outer = (
        x: 500 + side * (brows.spacing + brows.width / 2),
        y: brows.y - (brows.slant ?? 0) - lift * 8
      )
      let mid = (
        x: 500 + side * (brows.spacing + brows.width * 0.08),
        y: min(inner.y, outer.y) - brows.arch * 1.6
      )
      cairo_move_to(cr, inner.x, inner.y - t / 2)
      cairo_curve_to(
        cr, mid.x - side * brows.width * 0.2, mid.y - t * 0.45, mid.x + side * brows.width * 0.15,
        mid.y - t * 0.35, outer.x, outer.y - t * 0.12)
      cairo_curve_to(
        cr, outer.x + side * t * 0.2, outer.y, outer.x + side * t * 0.1, outer.y + t * 0.2,
        outer.x - side * t * 0.2, outer.y + t * 0.22)
      cairo_curve_to(
        cr, mid.x + side * brows.width * 0.15, mid.y + t * 0.5, mid.x - side * brows.width * 0.2,
        mid.y + t * 0.6, inner.x, inner.y + t / 2)
      cairo_curve_to(
        cr, inner.x - side * t * 0.45, inner.y + t / 2, inner.x - side * t * 0.45, inner.y - t / 2,
        inner.x, inner.y - t / 2)
      cairo_close_path(cr)
      cairo_fill(cr)
    }
  }

  func ellipse(_ cr: OpaquePointer, _ x: Double, _ y: Double, _ rx: Double, _ ry: Double) {
    cairo_save(cr)
    cairo_translate(cr, x, y)
    cairo_scale(cr, rx, ry)
    cairo_new_sub_path(cr)
    cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
    cairo_restore(cr)
  }
}

/// An almond eye: an arched upper curve and a flatter lower one between two corners, the
/// outer corner a little higher for a friendly look.
struct EyeGeometry {
  let cx: Double
  let cy: Double
  let a: Double
  let b: Double
  /// -1 for the eye on the left of the picture, 1 for the right.
  let outward: Double

  var outerCorner: (x: Double, y: Double) { (cx + outward * a, cy - b * 0.14) }
  var innerCorner: (x: Double, y: Double) { (cx - outward * a, cy + b * 0.08) }

  /// Control points of the upper (open) and lower curves, from the outer to the inner corner.
  private var upper: (Double, Double, Double, Double) {
    (cx + outward * a * 0.55, cy - b * 1.42, cx - outward * a * 0.5, cy - b * 1.3)
  }
  private var lower: (Double, Double, Double, Double) {
    (cx + outward * a * 0.5, cy + b * 1.18, cx - outward * a * 0.55, cy + b * 1.12)
  }

  func outline(_ cr: OpaquePointer) {
    let (u1x, u1y, u2x, u2y) = upper
    let (l1x, l1y, l2x, l2y) = lower
    cairo_move_to(cr, outerCorner.x, outerCorner.y)
    cairo_curve_to(cr, u1x, u1y, u2x, u2y, innerCorner.x, innerCorner.y)
    cairo_curve_to(cr, l2x, l2y, l1x, l1y, outerCorner.x, outerCorner.y)
    cairo_close_path(cr)
  }

  /// The lid's edge, `closed` of the way from the upper curve to the lower one.
  func lidEdge(_ cr: OpaquePointer, closed: Double, startAtCorner: Bool) {
    let (u1x, u1y, u2x, u2y) = upper
    let (l1x, l1y, l2x, l2y) = lower
    let c1x = u1x + (l1x - u1x) * closed
    let c1y = u1y + (l1y - u1y) * closed
    let c2x = u2x + (l2x - u2x) * closed
    let c2y = u2y + (l2y - u2y) * closed
    cairo_move_to(cr, outerCorner.x, outerCorner.y)
    cairo_curve_to(cr, c1x, c1y, c2x, c2y, innerCorner.x, innerCorner.y)
  }
}
