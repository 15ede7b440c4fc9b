import CCairo
import HeyGenAPI
import OratorCore

/// A PNG of one talking photo in its mouth shapes, a blink, raised brows and a head turn, the
/// face shown large: the page to look at whenever the photo animation changes.
public enum PhotoContactSheet {
  static let cell = 300
  static let columns = 5
  static let labelHeight = 26

  /// The states shown, with their labels.
  static func states(rig: PhotoFaceRig) -> [(String, PhotoMotionTrack.State)] {
    func mouth(_ shape: MouthShape) -> PhotoMotionTrack.State {
      PhotoMotionTrack.State(
        gap: PhotoMotionTrack.gap(of: shape, rig: rig),
        rounding: PhotoMotionTrack.rounding(of: shape),
        eyelids: 0, brows: 0, tilt: 0, shift: .zero)
    }
    var blink = mouth(.X)
    blink.eyelids = 1
    var half = mouth(.B)
    half.eyelids = 0.5
    var turned = mouth(.C)
    turned.brows = 1
    turned.tilt = 0.8 * Double.pi / 180
    turned.shift = SIMD2(1.5, -1.5)
    return [
      ("photo (rest, X)", mouth(.X)), ("A: M B P shut", mouth(.A)), ("B: slightly open", mouth(.B)),
      ("C: open", mouth(.C)), ("D: wide open", mouth(.D)), ("E: rounded", mouth(.E)),
      ("F: O U W", mouth(.F)), ("G: F V", mouth(.G)), ("blink, mouth rest", blink),
      ("half blink, B", half), ("brows up, tilt, C", turned),
    ]
  }

  /// Renders the sheet of the picture at `path` with its `face` to `pngPath`.
  public static func render(path: String, face: FaceLandmarks, title: String, to pngPath: String)
    async throws
  {
    // Show the face about 300 px tall, as in a 1080p video.
    let scale = 300 / max(face.bounds.height, 1)
    let photo = ScenePlan.Photo(
      id: title, path: path, face: face, circle: false, scale: 1, offset: Offset(x: 0, y: 0),
      circleColor: .white)
    var layout = PhotoPresenter.Layout(photo: photo, frameWidth: 2, frameHeight: 2)
    layout.scale = scale
    layout.pictureWidth = max(2, Int((Double(face.width) * scale).rounded()))
    layout.pictureHeight = max(2, Int((Double(face.height) * scale).rounded()))
    layout.originX = 0
    layout.originY = 0
    let picture = try await PhotoPicture.load(
      path: path, width: layout.pictureWidth, height: layout.pictureHeight)
    let presenter = PhotoPresenter(
      photo: photo, picture: picture, layout: layout,
      performance: Performance(mouthCues: [], words: [], energy: [0], fps: 25, seed: 1),
      frameWidth: picture.width, frameHeight: picture.height)
    let base = FrameCanvas(width: picture.width, height: picture.height)
    base.fill(1, 1, 1)
    presenter.drawStatics(on: base)
    let work = FrameCanvas(width: picture.width, height: picture.height)

    let states = states(rig: presenter.rig)
    let rows = (states.count + columns - 1) / columns
    let width = columns * cell
    let height = 40 + rows * (cell + labelHeight)
    let sheet = FrameCanvas(width: width, height: height)
    sheet.fill(0.97, 0.97, 0.98)
    let cr = sheet.context
    text(title, x: 10, y: 26, size: 18, in: cr)
    // The crop: the face's bounds, squared, with a little room.
    let box = face.bounds
    let side = max(box.width, box.height) * scale * 1.15
    let cropX = (box.x + box.width / 2) * scale - side / 2
    let cropY = (box.y + box.height / 2) * scale - side / 2
    for (index, (name, state)) in states.enumerated() {
      work.copyAll(from: base)
      presenter.draw(state, on: work)
      let x = Double(index % columns * cell)
      let y = Double(40 + index / columns * (cell + labelHeight))
      cairo_save(cr)
      cairo_rectangle(cr, x, y, Double(cell), Double(cell))
      cairo_clip(cr)
      cairo_translate(cr, x, y)
      cairo_scale(cr, Double(cell) / side, Double(cell) / side)
      cairo_set_source_surface(cr, work.surface, -cropX, -cropY)
      cairo_paint(cr)
      cairo_restore(cr)
      text(name, x: x + 8, y: y + Double(cell) + 18, size: 14, in: cr)
    }
    cairo_surface_flush(sheet.surface)
    let status = cairo_surface_write_to_png(sheet.surface, pngPath)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw AvatarDataError("could not write \(pngPath): cairo status \(status.rawValue)")
    }
  }

  private static func text(
    _ string: String, x: Double, y: Double, size: Double, in cr: OpaquePointer
  ) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, size)
    cairo_set_source_rgb(cr, 0.15, 0.16, 0.2)
    cairo_move_to(cr, x, y)
    cairo_show_text(cr, string)
  }
}
