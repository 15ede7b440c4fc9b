import CCairo
import Foundation
import HeyGenAPI
import OratorRender

/// The still preview of an avatar (`preview_image_url`): head and shoulders with a gentle
/// smile, on a soft studio backdrop, square so it crops well into cards and circles.
enum AvatarStill {
  static let size = 640
  /// The backdrop, top to bottom: a light warm grey falling to a cooler one, with a faint
  /// light behind the head so the figure stands out without a hard edge.
  static let top = (red: 0.94, green: 0.94, blue: 0.93)
  static let bottom = (red: 0.80, green: 0.83, blue: 0.87)

  /// Draws `avatar` and writes a PNG at `pngPath`.
  static func writePNG(_ avatar: AvatarDefinition, to pngPath: String) throws(PreviewError) {
    let side = Double(size)
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size), Int32(size))
    else {
      throw PreviewError(description: "could not create a \(size)×\(size) drawing surface")
    }
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else {
      throw PreviewError(description: "could not start cairo")
    }
    defer { cairo_destroy(cr) }

    paintBackdrop(side: side, in: cr)

    let box = AvatarFigure.viewBox(for: .closeUp)
    let scale = side / box.height
    cairo_translate(
      cr, side / 2 - (box.x + box.width / 2) * scale, side / 2 - (box.y + box.height / 2) * scale)
    cairo_scale(cr, scale, scale)
    AvatarFigure(avatar).draw(AvatarPose(mouth: .B), in: cr)

    cairo_surface_flush(surface)
    let status = cairo_surface_write_to_png(surface, pngPath)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw PreviewError(description: "could not write \(pngPath): cairo status \(status.rawValue)")
    }
  }

  private static func paintBackdrop(side: Double, in cr: OpaquePointer) {
    let gradient = cairo_pattern_create_linear(0, 0, 0, side)
    cairo_pattern_add_color_stop_rgb(gradient, 0, top.red, top.green, top.blue)
    cairo_pattern_add_color_stop_rgb(gradient, 1, bottom.red, bottom.green, bottom.blue)
    cairo_set_source(cr, gradient)
    cairo_paint(cr)
    cairo_pattern_destroy(gradient)

    let glow = cairo_pattern_create_radial(
      side / 2, side * 0.38, 0, side / 2, side * 0.38, side * 0.55)
    cairo_pattern_add_color_stop_rgba(glow, 0, 1, 1, 1, 0.55)
    cairo_pattern_add_color_stop_rgba(glow, 1, 1, 1, 1, 0)
    cairo_set_source(cr, glow)
    cairo_paint(cr)
    cairo_pattern_destroy(glow)
  }

  /// Writes the JPEG preview at `jpegPath` (through a PNG beside it, which is removed).
  static func writeJPEG(_ avatar: AvatarDefinition, to jpegPath: String) async throws(PreviewError)
  {
    let pngPath = jpegPath + ".png"
    defer { try? FileManager.default.removeItem(atPath: pngPath) }
    try writePNG(avatar, to: pngPath)
    try await PreviewFFmpeg.run([
      "-i", pngPath, "-frames:v", "1", "-update", "1", "-q:v", "3", jpegPath,
    ])
  }
}
