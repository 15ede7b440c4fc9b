import CCairo
import Foundation
import HeyGenAPI

/// Where a presenter sits in the frame: the map from figure space to pixels for a style,
/// `scale` and `offset`, the circle for the `circle` style, and the pixels motion can touch.
struct AvatarPlacement {
  /// Pixels per figure unit.
  var scale: Double
  var translateX: Double
  var translateY: Double
  /// The circle that frames the figure (`circle` style), in pixels.
  var circle: (centerX: Double, centerY: Double, radius: Double)?
  /// Everything the figure can paint in any pose, in pixels, clipped to the frame.
  var dirtyRect: PixelRect

  /// The circle's diameter as a share of the frame height at `scale` 1.
  static let circleDiameterShare = 0.8

  init(
    style: AvatarStyle, scale requestedScale: Double, offset: Offset, paintBounds: FigureRect,
    frameWidth: Int, frameHeight: Int
  ) {
    let width = Double(frameWidth)
    let height = Double(frameHeight)
    let box = AvatarFigure.viewBox(for: style)
    let centreX = width / 2 + offset.x * width
    switch style {
    case .normal, .closeUp:
      // The viewBox fills the frame height at scale 1; the figure stands on the bottom edge,
      // so a smaller scale keeps the torso cut by the frame rather than floating.
      scale = height / box.height * requestedScale
      translateX = centreX - (box.x + box.width / 2) * scale
      translateY = height + offset.y * height - (box.y + box.height) * scale
      circle = nil
    case .circle:
      let radius = height * Self.circleDiameterShare * requestedScale / 2
      let centreY = height / 2 + offset.y * height
      scale = radius * 2 / box.height
      translateX = centreX - (box.x + box.width / 2) * scale
      translateY = centreY - (box.y + box.height / 2) * scale
      circle = (centreX, centreY, radius)
    }
    var bounds = PixelRect(
      x: Int((translateX + paintBounds.x * scale).rounded(.down)) - 2,
      y: Int((translateY + paintBounds.y * scale).rounded(.down)) - 2,
      width: Int((paintBounds.width * scale).rounded(.up)) + 4,
      height: Int((paintBounds.height * scale).rounded(.up)) + 4)
    if let circle {
      let r = Int(circle.radius.rounded(.up)) + 2
      bounds = bounds.intersection(
        PixelRect(
          x: Int(circle.centerX) - r, y: Int(circle.centerY) - r, width: 2 * r, height: 2 * r))
      // The circle's fill belongs to the static base; only the inside changes.
    }
    dirtyRect = bounds.intersection(PixelRect(x: 0, y: 0, width: frameWidth, height: frameHeight))
  }

  /// Paints the circle's background (static, once per scene).
  func drawCircleBackground(_ color: (Double, Double, Double), in cr: OpaquePointer) {
    guard let circle else { return }
    cairo_save(cr)
    cairo_arc(cr, circle.centerX, circle.centerY, circle.radius, 0, 2 * Double.pi)
    cairo_set_source_rgb(cr, color.0, color.1, color.2)
    cairo_fill(cr)
    cairo_restore(cr)
  }

  /// Draws the figure in `pose`, clipped to the circle for that style.
  func draw(_ figure: AvatarFigure, pose: AvatarPose, in cr: OpaquePointer) {
    cairo_save(cr)
    if let circle {
      cairo_arc(cr, circle.centerX, circle.centerY, circle.radius, 0, 2 * Double.pi)
      cairo_clip(cr)
    }
    cairo_translate(cr, translateX, translateY)
    cairo_scale(cr, scale, scale)
    figure.draw(pose, in: cr)
    cairo_restore(cr)
  }
}
