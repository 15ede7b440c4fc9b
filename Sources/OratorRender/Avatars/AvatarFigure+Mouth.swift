import CCairo

/// How each of the nine mouth shapes is built, in multiples of half the resting mouth width.
/// The opening is two curves between the corners; lips wrap it; teeth and tongue sit inside.
struct MouthShapeSpec: Sendable {
  /// Half the corner-to-corner width.
  var halfWidth: Double
  /// How far the opening reaches above and below the lip line (0 and 0: closed).
  var top: Double
  var bottom: Double
  /// How square the opening is: about 0.55 for a lens, 1 for an oval.
  var roundness: Double
  /// Corner height relative to the lip line; negative lifts the corners (a smile).
  var corner: Double
  /// Lip thickness relative to the avatar's own.
  var lips: Double
  var upperTeeth: Double
  var lowerTeeth: Double
  var tongue: Tongue

  enum Tongue: Sendable {
    case none
    case low
    case raised
  }

  static func spec(_ shape: MouthShape, smile: Double) -> MouthShapeSpec {
    let lift = -0.1 - 0.12 * smile
    switch shape {
    case .X:
      return MouthShapeSpec(
        halfWidth: 0.92, top: 0, bottom: 0, roundness: 0.6, corner: lift * 1.2, lips: 1,
        upperTeeth: 0, lowerTeeth: 0, tongue: .none)
    case .A:
      return MouthShapeSpec(
        halfWidth: 0.8, top: 0, bottom: 0, roundness: 0.7, corner: 0.02, lips: 0.62,
        upperTeeth: 0, lowerTeeth: 0, tongue: .none)
    case .B:
      return MouthShapeSpec(
        halfWidth: 0.9, top: 0.13, bottom: 0.2, roundness: 0.58, corner: lift, lips: 0.95,
        upperTeeth: 0.17, lowerTeeth: 0.16, tongue: .none)
    case .C:
      return MouthShapeSpec(
        halfWidth: 0.92, top: 0.2, bottom: 0.46, roundness: 0.62, corner: lift * 0.6, lips: 0.9,
        upperTeeth: 0.2, lowerTeeth: 0, tongue: .low)
    case .D:
      return MouthShapeSpec(
        halfWidth: 0.96, top: 0.26, bottom: 0.84, roundness: 0.68, corner: lift * 0.4, lips: 0.85,
        upperTeeth: 0.22, lowerTeeth: 0.1, tongue: .low)
    case .E:
      return MouthShapeSpec(
        halfWidth: 0.68, top: 0.24, bottom: 0.46, roundness: 0.95, corner: 0, lips: 1.05,
        upperTeeth: 0.16, lowerTeeth: 0, tongue: .low)
    case .F:
      return MouthShapeSpec(
        halfWidth: 0.42, top: 0.16, bottom: 0.22, roundness: 1.05, corner: 0.02, lips: 1.5,
        upperTeeth: 0, lowerTeeth: 0, tongue: .none)
    case .G:
      return MouthShapeSpec(
        halfWidth: 0.86, top: 0.2, bottom: 0.06, roundness: 0.6, corner: lift * 0.5, lips: 0.9,
        upperTeeth: 0.4, lowerTeeth: 0, tongue: .none)
    case .H:
      return MouthShapeSpec(
        halfWidth: 0.9, top: 0.22, bottom: 0.5, roundness: 0.62, corner: lift * 0.5, lips: 0.9,
        upperTeeth: 0.18, lowerTeeth: 0, tongue: .raised)
    }
  }
}

/// The mouth's place and size on this face, with every shape's spec looked up once.
struct MouthGeometry: Sendable {
  let x = 500.0
  let y: Double
  /// Half the resting width: the unit every spec is measured in.
  let unit: Double
  let upperLip: Double
  let lowerLip: Double
  let specs: [MouthShape: MouthShapeSpec]

  init(_ mouth: MouthFeature) {
    y = mouth.y
    unit = mouth.width / 2
    let fullness = min(max(mouth.lipFullness, 0), 1)
    upperLip = 0.07 + 0.12 * fullness
    lowerLip = 0.12 + 0.18 * fullness
    var specs: [MouthShape: MouthShapeSpec] = [:]
    for shape in MouthShape.allCases {
      specs[shape] = MouthShapeSpec.spec(shape, smile: mouth.smile ?? 0.5)
    }
    self.specs = specs
  }
}

extension AvatarFigure {
  func drawMouth(_ shape: MouthShape, in cr: OpaquePointer) {
    guard let spec = mouth.specs[shape] else { return }
    let u = mouth.unit
    let w = spec.halfWidth * u
    let top = spec.top * u
    let bottom = spec.bottom * u
    let corner = spec.corner * u
    let k = spec.roundness
    let upperLip = mouth.upperLip * u * spec.lips
    let lowerLip = mouth.lowerLip * u * spec.lips
    let open = spec.top + spec.bottom > 0

    cairo_save(cr)
    cairo_translate(cr, mouth.x, mouth.y)

    // The soft shadow under the lower lip gives even a closed mouth some form.
    let chin = bottom + lowerLip + 0.16 * u
    cairo_move_to(cr, -w * 0.42, chin - 0.02 * u)
    cairo_curve_to(cr, -w * 0.2, chin + 0.2 * u, w * 0.2, chin + 0.2 * u, w * 0.42, chin - 0.02 * u)
    cairo_curve_to(
      cr, w * 0.2, chin + 0.08 * u, -w * 0.2, chin + 0.08 * u, -w * 0.42, chin - 0.02 * u)
    colors.skinShadow.withAlpha(0.55).setSource(on: cr)
    cairo_fill(cr)

    // Lips: the outer contour, with a cupid's bow on top.
    let edge = 0.05 * u
    let peakX = w * 0.3
    let peakY = -top - upperLip
    cairo_move_to(cr, -w - edge, corner)
    cairo_curve_to(cr, -w * 0.85, corner - (top + upperLip) * 0.6, -w * 0.6, peakY, -peakX, peakY)
    cairo_curve_to(
      cr, -peakX * 0.55, peakY, -peakX * 0.25, peakY + upperLip * 0.3, 0, peakY + upperLip * 0.3)
    cairo_curve_to(cr, peakX * 0.25, peakY + upperLip * 0.3, peakX * 0.55, peakY, peakX, peakY)
    cairo_curve_to(cr, w * 0.6, peakY, w * 0.85, corner - (top + upperLip) * 0.6, w + edge, corner)
    let lowest = (bottom + lowerLip) * 1.33
    cairo_curve_to(cr, w * 0.75, lowest, -w * 0.75, lowest, -w - edge, corner)
    cairo_close_path(cr)
    colors.lip.setSource(on: cr)
    cairo_fill(cr)

    if open {
      drawOpening(spec, w: w, top: top, bottom: bottom, corner: corner, k: k, in: cr)
    } else {
      // Closed: the line between the lips, turning up at the corners.
      cairo_move_to(cr, -w, corner)
      cairo_curve_to(cr, -w * 0.5, 0.1 * u, w * 0.5, 0.1 * u, w, corner)
      colors.mouthInterior.mixed(with: colors.lip, 0.25).setSource(on: cr)
      cairo_set_line_width(cr, shape == .A ? 0.14 * u : 0.1 * u)
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      cairo_stroke(cr)
    }
    if spec.upperTeeth > 0.3 {
      // G: the lower lip tucks up under the upper teeth.
      let lipTop = bottom - 0.02 * u
      cairo_move_to(cr, -w * 0.8, lipTop + 0.04 * u)
      cairo_curve_to(
        cr, -w * 0.4, lipTop - 0.08 * u, w * 0.4, lipTop - 0.08 * u, w * 0.8, lipTop + 0.04 * u)
      cairo_curve_to(
        cr, w * 0.5, lipTop + lowerLip * 1.3, -w * 0.5, lipTop + lowerLip * 1.3, -w * 0.8,
        lipTop + 0.04 * u)
      cairo_close_path(cr)
      colors.lip.mixed(with: colors.skinShadow, 0.15).setSource(on: cr)
      cairo_fill(cr)
    }
    cairo_restore(cr)
  }

  private func openingPath(
    w: Double, top: Double, bottom: Double, corner: Double, k: Double, in cr: OpaquePointer
  ) {
    cairo_move_to(cr, -w, corner)
    cairo_curve_to(
      cr, -w * k, corner - (top + corner * 0.25) * 1.33, w * k,
      corner - (top + corner * 0.25) * 1.33, w, corner)
    cairo_curve_to(cr, w * k, bottom * 1.33, -w * k, bottom * 1.33, -w, corner)
    cairo_close_path(cr)
  }

  private func drawOpening(
    _ spec: MouthShapeSpec, w: Double, top: Double, bottom: Double, corner: Double, k: Double,
    in cr: OpaquePointer
  ) {
    let u = mouth.unit
    openingPath(w: w, top: top, bottom: bottom, corner: corner, k: k, in: cr)
    colors.mouthInterior.setSource(on: cr)
    cairo_fill_preserve(cr)
    cairo_save(cr)
    cairo_clip(cr)
    switch spec.tongue {
    case .none: break
    case .low:
      ellipse(cr, 0, bottom * 0.95, w * 0.62, max(bottom * 0.42, 0.1 * u))
      colors.tongue.setSource(on: cr)
      cairo_fill(cr)
    case .raised:
      let tip = -top + spec.upperTeeth * u * 0.9
      cairo_move_to(cr, -w * 0.7, bottom * 1.2)
      cairo_curve_to(cr, -w * 0.55, bottom * 0.2, -w * 0.3, tip, 0, tip)
      cairo_curve_to(cr, w * 0.3, tip, w * 0.55, bottom * 0.2, w * 0.7, bottom * 1.2)
      cairo_close_path(cr)
      colors.tongue.setSource(on: cr)
      cairo_fill(cr)
    }
    colors.teeth.setSource(on: cr)
    if spec.upperTeeth > 0 {
      // A band under the upper curve; the clip rounds it into the corners.
      let depth = spec.upperTeeth * u
      cairo_rectangle(cr, -w, -top * 1.5 - 0.2 * u, 2 * w, top * 0.5 + 0.2 * u + depth)
      cairo_fill(cr)
    }
    if spec.lowerTeeth > 0 {
      let depth = spec.lowerTeeth * u
      cairo_move_to(cr, -w, bottom * 1.4)
      cairo_line_to(cr, -w * 0.6, bottom - depth)
      cairo_curve_to(
        cr, -w * 0.2, bottom - depth * 1.1, w * 0.2, bottom - depth * 1.1, w * 0.6, bottom - depth)
      cairo_line_to(cr, w, bottom * 1.4)
      cairo_close_path(cr)
      cairo_fill(cr)
    }
    cairo_restore(cr)
  }
}
