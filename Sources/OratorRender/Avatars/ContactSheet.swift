import CCairo
import HeyGenAPI

/// A PNG showing every avatar in every style, on light, dark and brand backgrounds, with its
/// nine mouth shapes, a blink and a brow raise: the page to look at whenever the art changes.
public enum ContactSheet {
  static let width = 1840
  static let margin = 24.0
  static let gap = 12.0
  static let wideCell = (width: 320.0, height: 180.0)
  static let squareCell = 180.0
  static let faceCell = 136.0
  static let blockHeight = 34 + 180 + 12 + 136 + 22 + 26.0
  /// The face crop used for mouths and eyes, in figure units.
  static let faceBox = FigureRect(x: 355, y: 160, width: 290, height: 290)

  static let studio = FigureColor(red: 0.91, green: 0.93, blue: 0.95)
  static let brand = FigureColor(red: 0x5B / 255.0, green: 0x3D / 255.0, blue: 0xF5 / 255.0)
  static let circleFill = FigureColor(red: 0.86, green: 0.90, blue: 0.96)

  public static func render(to pngPath: String, avatars: [AvatarDefinition]) throws {
    let height = Int(margin * 2 + 40 + blockHeight * Double(max(avatars.count, 1)))
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    else { throw AvatarDataError("could not create a \(width)×\(height) surface") }
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { throw AvatarDataError("could not create cairo") }
    defer { cairo_destroy(cr) }

    FigureColor(red: 0.97, green: 0.97, blue: 0.98).setSource(on: cr)
    cairo_paint(cr)
    label(
      "Orator presenters: normal · closeUp · circle · on white / black / brand · mouths A–H, X · blink · brows",
      x: margin, y: margin + 16, size: 18, bold: true, in: cr)

    for (row, avatar) in avatars.enumerated() {
      drawBlock(for: avatar, top: margin + 40 + Double(row) * blockHeight, in: cr)
    }
    cairo_surface_flush(surface)
    let status = cairo_surface_write_to_png(surface, pngPath)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw AvatarDataError("could not write \(pngPath): cairo status \(status.rawValue)")
    }
  }

  private static func drawBlock(for avatar: AvatarDefinition, top: Double, in cr: OpaquePointer) {
    let figure = AvatarFigure(avatar)
    label(
      "\(avatar.name)   \(avatar.id) · \(avatar.gender) · \(avatar.defaultVoiceId)",
      x: margin, y: top + 22, size: 15, bold: true, in: cr)
    var x = margin
    let y = top + 34
    let smile = AvatarPose(mouth: .B)
    for style in [AvatarStyle.normal, .closeUp] {
      let cell = FigureRect(x: x, y: y, width: wideCell.width, height: wideCell.height)
      drawCell(
        figure, pose: style == .normal ? .rest : smile, cell: cell,
        box: AvatarFigure.viewBox(for: style), background: studio, circle: nil, in: cr)
      x += wideCell.width + gap
    }
    let circleCell = FigureRect(x: x, y: y, width: squareCell, height: squareCell)
    drawCell(
      figure, pose: .rest, cell: circleCell, box: AvatarFigure.viewBox(for: .circle),
      background: studio, circle: circleFill, in: cr)
    x += squareCell + gap
    for background in [FigureColor.white, .black, brand] {
      let cell = FigureRect(x: x, y: y, width: squareCell, height: squareCell)
      drawCell(
        figure, pose: .rest, cell: cell, box: AvatarFigure.viewBox(for: .closeUp),
        background: background, circle: nil, in: cr)
      x += squareCell + gap
    }

    x = margin
    let faceY = y + squareCell + gap
    var poses: [(String, AvatarPose)] = MouthShape.allCases.map {
      ($0.rawValue, AvatarPose(mouth: $0))
    }
    poses.append(("blink", AvatarPose(eyelids: 1)))
    poses.append(("half", AvatarPose(eyelids: 0.5)))
    poses.append(("brows", AvatarPose(mouth: .C, browRaise: 1)))
    for (name, pose) in poses {
      let cell = FigureRect(x: x, y: faceY, width: faceCell, height: faceCell)
      drawCell(
        figure, pose: pose, cell: cell, box: faceBox, background: studio, circle: nil, in: cr)
      label(name, x: x + faceCell / 2 - 6, y: faceY + faceCell + 16, size: 13, bold: false, in: cr)
      x += faceCell + gap
    }
  }

  /// Fits `box` to the cell's height, centred, like the compositor does, clipped to the cell.
  private static func drawCell(
    _ figure: AvatarFigure, pose: AvatarPose, cell: FigureRect, box: FigureRect,
    background: FigureColor, circle: FigureColor?, in cr: OpaquePointer
  ) {
    cairo_save(cr)
    cairo_rectangle(cr, cell.x, cell.y, cell.width, cell.height)
    cairo_clip(cr)
    background.setSource(on: cr)
    cairo_paint(cr)
    var scale = cell.height / box.height
    if let circle {
      let radius = cell.height * 0.45
      cairo_arc(cr, cell.x + cell.width / 2, cell.y + cell.height / 2, radius, 0, 2 * Double.pi)
      circle.setSource(on: cr)
      cairo_fill_preserve(cr)
      cairo_clip(cr)
      scale = radius * 2 / box.height
    }
    cairo_translate(
      cr, cell.x + cell.width / 2 - (box.x + box.width / 2) * scale,
      cell.y + cell.height / 2 - (box.y + box.height / 2) * scale)
    cairo_scale(cr, scale, scale)
    figure.draw(pose, in: cr)
    cairo_restore(cr)
  }

  private static func label(
    _ text: String, x: Double, y: Double, size: Double, bold: Bool, in cr: OpaquePointer
  ) {
    cairo_select_font_face(
      cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
      bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, size)
    cairo_set_source_rgb(cr, 0.15, 0.16, 0.2)
    cairo_move_to(cr, x, y)
    cairo_show_text(cr, text)
  }
}
