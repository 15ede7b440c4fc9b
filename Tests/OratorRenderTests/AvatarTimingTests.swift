import CCairo
import Foundation
import HeyGenAPI
import Testing

@testable import OratorRender

/// Per-frame draw time at 1920×1080 in the normal style; runs only when
/// `ORATOR_AVATAR_TIMING` is set (meaningful in release builds).
@Suite("Avatar timing")
struct AvatarTimingTests {
  @Test(
    "draw time per frame",
    .enabled(if: ProcessInfo.processInfo.environment["ORATOR_AVATAR_TIMING"] != nil))
  func drawTime() throws {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1920, 1080)!
    let cr = cairo_create(surface)!
    defer {
      cairo_destroy(cr)
      cairo_surface_destroy(surface)
    }
    for style in [AvatarStyle.normal, .closeUp] {
      let box = AvatarFigure.viewBox(for: style)
      let scale = 1080 / box.height
      for avatar in AvatarCatalogue.builtIn {
        let figure = AvatarFigure(avatar)
        let frames = 200
        let clock = ContinuousClock()
        let elapsed = clock.measure {
          for frame in 0..<frames {
            cairo_save(cr)
            cairo_translate(cr, 960 - (box.x + box.width / 2) * scale, -box.y * scale)
            cairo_scale(cr, scale, scale)
            let pose = AvatarPose(
              mouth: MouthShape.allCases[frame % 9], eyelids: frame % 40 < 3 ? 1 : 0,
              headTilt: sin(Double(frame) * 0.05) * 0.03, breath: Double(frame % 50) / 50)
            figure.draw(pose, in: cr)
            cairo_restore(cr)
          }
        }
        let ms =
          Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        print(
          "avatar-timing \(style) \(avatar.id): \(String(format: "%.2f", ms / Double(frames))) ms/frame"
        )
      }
    }
  }
}
