import CCairo
import Foundation
import HeyGenAPI
import OratorCore

/// What is drawn above the presenter: the scene's text overlay and the watermark.
/// Rendered once per scene into a transparent canvas that frames paint over their dirty area.
final class OverlayLayer {
  let canvas: FrameCanvas
  /// The pixels the overlay covers (empty when there is nothing to draw).
  private(set) var coveredRect = PixelRect(x: 0, y: 0, width: 0, height: 0)

  init(width: Int, height: Int, text: TextOverlay?, watermark: String?) {
    canvas = FrameCanvas(width: width, height: height)
    let cr = canvas.context
    cairo_save(cr)
    cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR)
    cairo_paint(cr)
    cairo_restore(cr)
    if let text { coveredRect = coveredRect.union(drawText(text)) }
    if let watermark { coveredRect = coveredRect.union(drawWatermark(watermark)) }
  }

  var isEmpty: Bool { coveredRect.isEmpty }

  /// Paints the overlay onto `target`, limited to `rect`.
  func paint(onto target: FrameCanvas, within rect: PixelRect) {
    let r = rect.intersection(coveredRect)
    guard !r.isEmpty else { return }
    let cr = target.context
    cairo_save(cr)
    cairo_rectangle(cr, Double(r.x), Double(r.y), Double(r.width), Double(r.height))
    cairo_clip(cr)
    cairo_set_source_surface(cr, canvas.surface, 0, 0)
    cairo_paint(cr)
    cairo_restore(cr)
  }

  private func drawText(_ overlay: TextOverlay) -> PixelRect {
    let cr = canvas.context
    let frameWidth = Double(canvas.width)
    let frameHeight = Double(canvas.height)
    let size = overlay.fontSize ?? (48 * frameHeight / 1080)
    let bold = (overlay.fontWeight ?? "bold").lowercased() != "normal"
    let family = overlay.fontFamily ?? "DejaVu Sans"
    cairo_select_font_face(
      cr, family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, size)
    let boxX = (overlay.position?.x ?? 0.05) * frameWidth
    let boxY = (overlay.position?.y ?? 0.08) * frameHeight
    let boxWidth = (overlay.width ?? Self.defaultWidth(x: overlay.position?.x ?? 0.05)) * frameWidth
    let lines = wrap(overlay.text, width: boxWidth, cr: cr)
    let lineHeight = size * (overlay.lineHeight ?? 1.25)
    let color = RGBColor(hex: overlay.color ?? "#FFFFFF") ?? .white
    var extents = cairo_font_extents_t()
    cairo_font_extents(cr, &extents)
    for (index, line) in lines.enumerated() {
      var textExtents = cairo_text_extents_t()
      cairo_text_extents(cr, line, &textExtents)
      let x: Double
      switch (overlay.textAlign ?? "left").lowercased() {
      case "center", "centre": x = boxX + (boxWidth - textExtents.x_advance) / 2
      case "right": x = boxX + boxWidth - textExtents.x_advance
      default: x = boxX
      }
      let baseline = boxY + extents.ascent + Double(index) * lineHeight
      // A soft shadow keeps light text readable on light backgrounds.
      cairo_set_source_rgba(cr, 0, 0, 0, 0.35)
      cairo_move_to(cr, x + size * 0.04, baseline + size * 0.04)
      cairo_show_text(cr, line)
      cairo_set_source_rgba(
        cr, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255,
        Double(color.alpha) / 255)
      cairo_move_to(cr, x, baseline)
      cairo_show_text(cr, line)
    }
    let height = Double(lines.count) * lineHeight + extents.descent + size * 0.1
    return PixelRect(
      x: Int(boxX) - Int(size), y: Int(boxY) - 2, width: Int(boxWidth + 2 * size),
      height: Int(height) + 4
    ).intersection(canvas.bounds)
  }

  private func wrap(_ text: String, width: Double, cr: OpaquePointer) -> [String] {
    var lines: [String] = []
    for paragraph in text.components(separatedBy: "\n") {
      var line = ""
      for word in paragraph.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, candidate, &extents)
        if extents.x_advance > width, !line.isEmpty {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      lines.append(line)
    }
    return lines
  }

  /// A pill in the top-right corner that cannot be missed, marking test renders.
  private func drawWatermark(_ label: String) -> PixelRect {
    let cr = canvas.context
    let height = Double(canvas.height)
    let size = max(14, height * 0.04)
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
    cairo_set_font_size(cr, size)
    var extents = cairo_text_extents_t()
    cairo_text_extents(cr, label, &extents)
    let padX = size * 0.8
    let pillWidth = extents.x_advance + 2 * padX
    let pillHeight = size * 1.8
    let x = Double(canvas.width) - pillWidth - height * 0.03
    let y = height * 0.03
    let radius = pillHeight / 2
    cairo_new_sub_path(cr)
    cairo_arc(cr, x + radius, y + radius, radius, Double.pi / 2, 3 * Double.pi / 2)
    cairo_arc(cr, x + pillWidth - radius, y + radius, radius, -Double.pi / 2, Double.pi / 2)
    cairo_close_path(cr)
    cairo_set_source_rgba(cr, 0.86, 0.15, 0.2, 0.85)
    cairo_fill(cr)
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_move_to(cr, x + padX, y + pillHeight / 2 + size * 0.36)
    cairo_show_text(cr, label)
    return PixelRect(
      x: Int(x) - 2, y: Int(y) - 2, width: Int(pillWidth) + 4, height: Int(pillHeight) + 4
    ).intersection(canvas.bounds)
  }
}

extension OverlayLayer {
  /// A text box without a `width` keeps the margin of its left side on its right, as a
  /// centred block; past the middle of the frame that leaves no room, so the box reaches to
  /// the frame's usual right margin instead of vanishing.
  static func defaultWidth(x: Double) -> Double {
    let centred = 1 - 2 * x
    return centred >= 0.1 ? centred : max(0.05, 1 - x - 0.05)
  }
}
