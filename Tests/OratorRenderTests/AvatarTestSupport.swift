import CCairo
import Foundation

@testable import OratorRender

/// Renders a figure on a plain surface and reads its pixels back, so tests can check what a
/// viewer would see.
struct AvatarRender {
  static let size = 500
  /// Figure units per pixel: the whole 1000-unit canvas on a 500-pixel surface.
  static let scale = 0.5
  static let background: UInt32 = 0xFF12_3456

  let pixels: [UInt32]

  init(_ figure: AvatarFigure, pose: AvatarPose) {
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, Int32(Self.size), Int32(Self.size))!
    let cr = cairo_create(surface)!
    cairo_set_source_rgb(cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0)
    cairo_paint(cr)
    cairo_scale(cr, Self.scale, Self.scale)
    figure.draw(pose, in: cr)
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface)) / 4
    let data = cairo_image_surface_get_data(surface)!.withMemoryRebound(
      to: UInt32.self, capacity: stride * Self.size
    ) { $0 }
    var pixels: [UInt32] = []
    pixels.reserveCapacity(Self.size * Self.size)
    for y in 0..<Self.size {
      for x in 0..<Self.size { pixels.append(data[y * stride + x]) }
    }
    self.pixels = pixels
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  /// Pixels inside a rectangle given in figure units.
  func region(_ rect: FigureRect) -> [UInt32] {
    let x0 = Int(rect.x * Self.scale)
    let y0 = Int(rect.y * Self.scale)
    let x1 = Int(rect.maxX * Self.scale)
    let y1 = Int(rect.maxY * Self.scale)
    var out: [UInt32] = []
    for y in max(y0, 0)..<min(y1, Self.size) {
      for x in max(x0, 0)..<min(x1, Self.size) { out.append(pixels[y * Self.size + x]) }
    }
    return out
  }

  /// How many pixels of a region differ between two renders.
  static func differingPixels(_ a: AvatarRender, _ b: AvatarRender, in rect: FigureRect) -> Int {
    zip(a.region(rect), b.region(rect)).filter { $0 != $1 }.count
  }
}

extension AvatarDefinition {
  /// The box around the mouth, in figure units.
  var mouthRegion: FigureRect {
    let m = features.mouth
    return FigureRect(
      x: 500 - m.width, y: m.y - m.width * 0.6, width: m.width * 2, height: m.width * 1.4)
  }

  /// The box around both eyes.
  var eyesRegion: FigureRect {
    let e = features.eyes
    return FigureRect(
      x: 500 - e.spacing - e.width, y: e.y - e.height * 1.2, width: 2 * (e.spacing + e.width),
      height: e.height * 2.4)
  }
}
