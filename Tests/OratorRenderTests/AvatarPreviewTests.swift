import CCairo
import Foundation
import Testing

@testable import OratorRender

/// Large renders for looking closely at faces and mouths; runs only when
/// `ORATOR_AVATAR_PREVIEW_DIR` names a folder to write them to.
@Suite("Avatar previews")
struct AvatarPreviewTests {
  @Test("large face and mouth previews", .enabled(if: previewDirectory != nil))
  func writesPreviews() throws {
    let directory = try #require(Self.previewDirectory)
    for avatar in AvatarCatalogue.builtIn {
      let figure = AvatarFigure(avatar)
      let poses = MouthShape.allCases.map { AvatarPose(mouth: $0) } + [AvatarPose(eyelids: 1)]
      let cell = 300.0
      let surface = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32(cell * 5), Int32(cell * 2 + cell * 2))!
      let cr = cairo_create(surface)!
      cairo_set_source_rgb(cr, 0.91, 0.93, 0.95)
      cairo_paint(cr)
      for (index, pose) in poses.enumerated() {
        cairo_save(cr)
        cairo_translate(cr, Double(index % 5) * cell, Double(index / 5) * cell)
        cairo_rectangle(cr, 1, 1, cell - 2, cell - 2)
        cairo_clip(cr)
        let box = FigureRect(x: 390, y: 220, width: 220, height: 220)
        cairo_scale(cr, cell / box.width, cell / box.height)
        cairo_translate(cr, -box.x, -box.y)
        figure.draw(pose, in: cr)
        cairo_restore(cr)
      }
      // A close-up at twice the size under the grid.
      cairo_save(cr)
      cairo_translate(cr, 0, cell * 2)
      let box = AvatarFigure.viewBox(for: .closeUp)
      let scale = cell * 2 / box.height
      cairo_translate(cr, cell * 2.5 - (box.x + box.width / 2) * scale, 0)
      cairo_scale(cr, scale, scale)
      cairo_translate(cr, 0, -box.y)
      figure.draw(.rest, in: cr)
      cairo_restore(cr)
      cairo_surface_write_to_png(surface, directory + "/\(avatar.id).png")
      cairo_destroy(cr)
      cairo_surface_destroy(surface)
    }
  }

  static let previewDirectory = ProcessInfo.processInfo.environment["ORATOR_AVATAR_PREVIEW_DIR"]
}
