import CCairo

/// Glasses and earrings, placed from the eye and ear positions.
extension AvatarFigure {
  func drawGlasses(in cr: OpaquePointer) {
    guard let glasses = avatar.accessories.glasses, let color = colors.resolve(glasses.color)
    else { return }
    let eyes = avatar.features.eyes
    let ears = avatar.features.ears
    let halfW = glasses.lensWidth / 2
    let halfH = glasses.lensHeight / 2
    let y = eyes.y + 2
    cairo_set_line_width(cr, glasses.thickness)
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    for side in [-1.0, 1.0] {
      let x = 500 + side * eyes.spacing
      lens(glasses.shape, x: x, y: y, halfW: halfW, halfH: halfH, in: cr)
      // A faint sheen so the lens reads as glass.
      FigureColor.white.withAlpha(0.14).setSource(on: cr)
      cairo_fill_preserve(cr)
      color.setSource(on: cr)
      cairo_stroke(cr)
      // The arm runs back towards the ear.
      cairo_move_to(cr, x + side * halfW, y - halfH * 0.45)
      cairo_line_to(cr, 500 + side * (ears.spacing - ears.width * 0.3), y - halfH * 0.55)
      cairo_stroke(cr)
    }
    let innerGap = eyes.spacing - halfW
    cairo_move_to(cr, 500 - innerGap, y - halfH * 0.25)
    cairo_curve_to(
      cr, 500 - innerGap * 0.4, y - halfH * 0.6, 500 + innerGap * 0.4, y - halfH * 0.6,
      500 + innerGap, y - halfH * 0.25)
    cairo_stroke(cr)
  }

  private func lens(
    _ shape: String, x: Double, y: Double, halfW: Double, halfH: Double, in cr: OpaquePointer
  ) {
    if shape == "round" {
      ellipse(cr, x, y, halfW, halfH)
      return
    }
    let r = min(halfW, halfH) * 0.45
    cairo_new_sub_path(cr)
    cairo_arc(cr, x + halfW - r, y - halfH + r, r, -Double.pi / 2, 0)
    cairo_arc(cr, x + halfW - r, y + halfH - r, r * 1.4, 0, Double.pi / 2)
    cairo_arc(cr, x - halfW + r, y + halfH - r, r * 1.4, Double.pi / 2, Double.pi)
    cairo_arc(cr, x - halfW + r, y - halfH + r, r, Double.pi, 1.5 * Double.pi)
    cairo_close_path(cr)
  }

  func drawEarrings(in cr: OpaquePointer) {
    guard let earrings = avatar.accessories.earrings, let color = colors.resolve(earrings.color)
    else { return }
    let ears = avatar.features.ears
    let s = earrings.size
    for side in [-1.0, 1.0] {
      let x = 500 + side * (ears.spacing + ears.width * 0.05)
      let lobe = ears.y + ears.height * 0.4
      color.setSource(on: cr)
      switch earrings.style {
      case "hoop":
        cairo_arc(cr, x, lobe + s * 1.1, s * 1.3, 0, 2 * Double.pi)
        cairo_set_line_width(cr, max(2, s * 0.35))
        cairo_stroke(cr)
      case "drop":
        cairo_arc(cr, x, lobe, s * 0.5, 0, 2 * Double.pi)
        cairo_fill(cr)
        ellipse(cr, x, lobe + s * 1.4, s * 0.6, s * 0.9)
        cairo_fill(cr)
      default:
        cairo_arc(cr, x, lobe, s, 0, 2 * Double.pi)
        cairo_fill(cr)
        cairo_arc(cr, x - s * 0.3, lobe - s * 0.3, s * 0.35, 0, 2 * Double.pi)
        FigureColor.white.withAlpha(0.5).setSource(on: cr)
        cairo_fill(cr)
      }
    }
  }
}
