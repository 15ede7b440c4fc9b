import CCairo
import Foundation
import HeyGenAPI

/// Draws one avatar in any pose.
///
/// Figure space is a 1000 × 1000 unit box, x to the right, y down. The head is centred at
/// x = 500 with the crown of the hair near y = 130 and the chin near y = 420; the shoulders
/// sit near y = 560 and the torso runs on past the box (to about y = 1100) so the bottom of
/// the frame always cuts through clothing. The caller sets cairo's transform (and any clip)
/// so that figure space lands where it wants; `draw` only paints.
///
/// Every path is parsed and every colour resolved once, here, so a frame is nothing but
/// cairo calls.
public struct AvatarFigure: Sendable {
  public let avatar: AvatarDefinition
  /// The box figure coordinates are given in.
  public static let canvas = FigureRect(x: 0, y: 0, width: 1000, height: 1000)
  /// Head tilt turns the head and the top of the neck around this point (the base of the neck).
  static let pivot = (x: 500.0, y: 500.0)
  /// How far the shoulders rise on a full breath, in figure units (about 1 %).
  static let breathRise = 6.0
  /// How far below the face the jaw's shadow falls on the neck.
  static let jawShadowDrop = 17.0

  let colors: FigurePalette
  let backHair: [PaintedShape]
  let neck: FigurePath
  let torso: [PaintedShape]
  let collar: [PaintedShape]
  let head: FigurePath
  let faceShading: [PaintedShape]
  let frontHair: [PaintedShape]
  let extras: [PaintedShape]
  let mouth: MouthGeometry

  /// Everything any pose can paint, in figure units.
  public let paintBounds: FigureRect

  /// Builds the drawing from `avatar`. Shapes that fail to parse are left out; run
  /// `AvatarFigure.validate(_:)` (the catalogue does) to hear about them.
  public init(_ avatar: AvatarDefinition) {
    self.avatar = avatar
    let colors = FigurePalette(avatar.palette)
    self.colors = colors
    func painted(_ shapes: [FigureShape]?) -> [PaintedShape] {
      (shapes ?? []).compactMap { try? PaintedShape($0, colors: colors) }
    }
    backHair = painted(avatar.shapes.backHair)
    neck = (try? FigurePath(svg: avatar.shapes.neck)) ?? FigurePath(segments: [])
    torso = painted(avatar.shapes.torso)
    collar = painted(avatar.shapes.collar)
    head = (try? FigurePath(svg: avatar.shapes.head)) ?? FigurePath(segments: [])
    faceShading = painted(avatar.shapes.faceShading)
    frontHair = painted(avatar.shapes.frontHair)
    extras = painted(avatar.accessories.extra)
    mouth = MouthGeometry(avatar.features.mouth)
    paintBounds = Self.bounds(
      avatar: avatar, headParts: backHair + frontHair + extras, head: head, neck: neck,
      bodyParts: torso + collar)
  }

  /// Throws the first problem in `avatar`'s data: a path that does not parse or a colour
  /// that is neither `#RRGGBB[AA]` nor a palette role.
  public static func validate(_ avatar: AvatarDefinition) throws {
    let colors = FigurePalette(avatar.palette)
    for (role, value) in colors.rawPalette where FigureColor(hex: value) == nil {
      throw AvatarDataError("\(avatar.id): palette \(role) \"\(value)\" is not #RRGGBB")
    }
    let groups: [(String, [FigureShape])] = [
      ("backHair", avatar.shapes.backHair), ("torso", avatar.shapes.torso),
      ("collar", avatar.shapes.collar), ("faceShading", avatar.shapes.faceShading ?? []),
      ("frontHair", avatar.shapes.frontHair), ("accessories.extra", avatar.accessories.extra ?? []),
    ]
    for (group, shapes) in groups {
      for (index, shape) in shapes.enumerated() {
        do {
          _ = try PaintedShape(shape, colors: colors)
        } catch {
          throw AvatarDataError("\(avatar.id): \(group)[\(index)]: \(error.description)")
        }
      }
    }
    for (name, svg) in [("neck", avatar.shapes.neck), ("head", avatar.shapes.head)] {
      do {
        _ = try FigurePath(svg: svg)
      } catch {
        throw AvatarDataError("\(avatar.id): \(name): \(error.description)")
      }
    }
    for color in [avatar.accessories.glasses?.color, avatar.accessories.earrings?.color] {
      if let color, colors.resolve(color) == nil {
        throw AvatarDataError("\(avatar.id): accessory colour \"\(color)\" is not #RRGGBB")
      }
    }
  }

  /// The part of figure space that fills the frame height for each style; the compositor
  /// centres it horizontally (and, for `circle`, fits the circle to it).
  public static func viewBox(for style: AvatarStyle) -> FigureRect {
    switch style {
    // Upper body with room above the head; the head is about a quarter of the height.
    case .normal: FigureRect(x: 0, y: 10, width: 1000, height: 1020)
    // Head and shoulders; the head is nearly half the height.
    case .closeUp: FigureRect(x: 175, y: 70, width: 650, height: 650)
    // The square the circle is inscribed in, centred below the chin so shoulders fill its base.
    case .circle: FigureRect(x: 150, y: 50, width: 700, height: 700)
    }
  }

  /// Paints the figure in `pose` into `cr`, whose transform maps figure space to the target.
  public func draw(_ pose: AvatarPose, in cr: OpaquePointer) {
    cairo_save(cr)
    var base = cairo_matrix_t()
    cairo_get_matrix(cr, &base)

    applyHeadTransform(pose, shiftShare: 1, in: cr)
    paint(backHair, in: cr)
    cairo_set_matrix(cr, &base)

    cairo_translate(cr, 0, -Self.breathRise * pose.breath)
    paint(torso, in: cr)
    cairo_set_matrix(cr, &base)

    drawNeck(pose, base: &base, in: cr)

    cairo_translate(cr, 0, -Self.breathRise * pose.breath)
    paint(collar, in: cr)
    cairo_set_matrix(cr, &base)

    applyHeadTransform(pose, shiftShare: 1, in: cr)
    drawHead(pose, in: cr)
    cairo_restore(cr)
  }

  /// Turns by the tilt around the neck base and moves by `shiftShare` of the head shift.
  private func applyHeadTransform(_ pose: AvatarPose, shiftShare: Double, in cr: OpaquePointer) {
    cairo_translate(
      cr, Self.pivot.x + pose.headShiftX * shiftShare, Self.pivot.y + pose.headShiftY * shiftShare)
    if pose.headTilt != 0 { cairo_rotate(cr, pose.headTilt) }
    cairo_translate(cr, -Self.pivot.x, -Self.pivot.y)
  }

  /// The neck follows the head's turn and half its shift (its base stays in the collar), with
  /// the jaw's shadow cast down onto it.
  private func drawNeck(_ pose: AvatarPose, base: inout cairo_matrix_t, in cr: OpaquePointer) {
    cairo_save(cr)
    applyHeadTransform(pose, shiftShare: 0.5, in: cr)
    neck.append(to: cr)
    colors.skin.setSource(on: cr)
    cairo_fill_preserve(cr)
    cairo_clip(cr)
    cairo_set_matrix(cr, &base)
    applyHeadTransform(pose, shiftShare: 1, in: cr)
    cairo_translate(cr, 0, Self.jawShadowDrop)
    head.append(to: cr)
    colors.skinShadow.setSource(on: cr)
    cairo_fill(cr)
    cairo_restore(cr)
  }

  private func drawHead(_ pose: AvatarPose, in cr: OpaquePointer) {
    let features = avatar.features
    if features.ears.hidden != true { drawEars(features.ears, in: cr) }
    head.append(to: cr)
    colors.skin.setSource(on: cr)
    if faceShading.isEmpty {
      cairo_fill(cr)
    } else {
      cairo_fill_preserve(cr)
      cairo_save(cr)
      cairo_clip(cr)
      paint(faceShading, in: cr)
      cairo_restore(cr)
    }
    drawBlush(features, in: cr)
    drawNose(features.nose, in: cr)
    drawMouth(pose.mouth, in: cr)
    drawEyes(features.eyes, eyelids: pose.eyelids, in: cr)
    drawBrows(features.brows, raise: pose.browRaise, in: cr)
    drawEarrings(in: cr)
    paint(frontHair, in: cr)
    drawGlasses(in: cr)
    paint(extras, in: cr)
  }

  func paint(_ shapes: [PaintedShape], in cr: OpaquePointer) {
    for shape in shapes { shape.paint(in: cr) }
  }

  private static func bounds(
    avatar: AvatarDefinition, headParts: [PaintedShape], head: FigurePath, neck: FigurePath,
    bodyParts: [PaintedShape]
  ) -> FigureRect {
    let features = avatar.features
    let earReach =
      features.ears.spacing + features.ears.width
      + (avatar.accessories.earrings?.size ?? 0) * 2
    var headBox = FigureRect(
      x: 500 - earReach, y: features.brows.y - 40, width: 2 * earReach,
      height: features.mouth.y + 60 - (features.brows.y - 40))
    for part in headParts { if let b = part.path.bounds { headBox = headBox.union(b) } }
    for path in [head, neck] { if let b = path.bounds { headBox = headBox.union(b) } }
    // The farthest a head point can travel: its distance from the pivot times the sine of
    // the largest tilt, plus the largest shift.
    let reach = max(
      abs(headBox.x - pivot.x), abs(headBox.maxX - pivot.x), abs(headBox.y - pivot.y),
      abs(headBox.maxY - pivot.y))
    let tilt = max(avatar.motion.swayDegrees, 2) * Double.pi / 180
    let headMargin = reach * sin(tilt) + max(avatar.motion.bobUnits, 3) + 4
    var box = headBox.insetBy(-headMargin)
    for part in bodyParts {
      if let b = part.path.bounds {
        box = box.union(
          FigureRect(x: b.x, y: b.y - breathRise, width: b.width, height: b.height + breathRise))
      }
    }
    return box.insetBy(-2)
  }
}

/// A shape with its colours resolved.
struct PaintedShape: Sendable {
  let path: FigurePath
  let fill: FigureColor?
  let stroke: FigureColor?
  let strokeWidth: Double

  init(_ shape: FigureShape, colors: FigurePalette) throws(AvatarDataError) {
    path = try FigurePath(svg: shape.path)
    fill = try shape.fill.map { name throws(AvatarDataError) in try colors.require(name) }
    stroke = try shape.stroke.map { name throws(AvatarDataError) in try colors.require(name) }
    strokeWidth = shape.strokeWidth ?? 3
  }

  func paint(in cr: OpaquePointer) {
    path.append(to: cr)
    if let fill {
      fill.setSource(on: cr)
      if stroke == nil {
        cairo_fill(cr)
        return
      }
      cairo_fill_preserve(cr)
    }
    if let stroke {
      stroke.setSource(on: cr)
      cairo_set_line_width(cr, strokeWidth)
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
      cairo_stroke(cr)
    }
  }
}
