import CCairo
import Foundation
import HeyGenAPI
import OratorCore

/// A talking photo in one scene: the picture placed in the frame (whole, or cut to a circle),
/// and per frame its face re-drawn through the moved mesh — mouth from the cue track, jaw
/// following, blinks, brow lifts, a slight tilt and nod with the voice, breathing. Only the
/// rectangle around the face changes from frame to frame.
struct PhotoPresenter {
  typealias Vector = SIMD2<Double>

  let picture: PhotoPicture
  let rig: PhotoFaceRig
  let warp: PhotoWarp
  let mouth: PhotoMouth
  let lids = PhotoEyelids()
  private(set) var track: PhotoMotionTrack
  let circleColor: RGBColor
  /// The face's rectangle in the frame: everything that can change.
  let dirtyRect: PixelRect

  /// How a photo sits in a frame before its picture is decoded.
  struct Layout {
    var pictureWidth: Int
    var pictureHeight: Int
    var originX: Int
    var originY: Int
    /// Shown pixels per stored pixel.
    var scale: Double
    var circle: (x: Double, y: Double, radius: Double)?

    /// `square`: the photo's height is the frame's times `scale`, centred, moved by `offset`
    /// (shares of the frame). `circle`: a circle like the avatars' circle style, the photo
    /// scaled so the face fills about half of it.
    init(photo: ScenePlan.Photo, frameWidth: Int, frameHeight: Int) {
      let face = photo.face
      let width = Double(frameWidth)
      let height = Double(frameHeight)
      let centreX = width / 2 + photo.offset.x * width
      if photo.circle {
        let radius = height * AvatarPlacement.circleDiameterShare * photo.scale / 2
        let centreY = height / 2 + photo.offset.y * height
        let box = face.bounds
        scale = max(1e-3, 1.1 * radius / max(box.height, 1))
        let faceX = (box.x + box.width / 2) * scale
        let faceY = (box.y + box.height / 2) * scale
        originX = Int((centreX - faceX).rounded())
        originY = Int((centreY - faceY + 0.08 * radius).rounded())
        circle = (centreX, centreY, radius)
      } else {
        scale = max(1e-3, height * photo.scale / Double(face.height))
        let shownWidth = Double(face.width) * scale
        originX = Int((centreX - shownWidth / 2).rounded())
        originY = Int(
          ((height - Double(face.height) * scale) / 2 + photo.offset.y * height).rounded())
        circle = nil
      }
      pictureWidth = max(2, Int((Double(face.width) * scale).rounded()))
      pictureHeight = max(2, Int((Double(face.height) * scale).rounded()))
    }
  }

  init(
    photo: ScenePlan.Photo, picture: PhotoPicture, layout: Layout, performance: Performance,
    frameWidth: Int, frameHeight: Int
  ) {
    self.init(
      photo: photo, picture: picture, layout: layout,
      motion: AvatarMotion(
        parameters: PhotoMotionTrack.parameters, identity: photo.id, performance: performance),
      frameWidth: frameWidth, frameHeight: frameHeight)
  }

  /// `motion` may be told only its first pieces of speech, or none: the rest follows with
  /// `append(_:)`.
  init(
    photo: ScenePlan.Photo, picture: PhotoPicture, layout: Layout, motion: AvatarMotion,
    frameWidth: Int, frameHeight: Int
  ) {
    self.picture = picture
    rig = PhotoFaceRig(
      face: photo.face, scale: layout.scale, pictureWidth: picture.width,
      pictureHeight: picture.height)
    mouth = PhotoMouth(rig: rig)
    circleColor = photo.circleColor
    track = PhotoMotionTrack(motion: motion, rig: rig)
    let frame = PixelRect(x: 0, y: 0, width: frameWidth, height: frameHeight)
    var clip = frame.intersection(
      PixelRect(
        x: layout.originX, y: layout.originY, width: picture.width, height: picture.height))
    if let circle = layout.circle {
      let r = Int(circle.radius.rounded(.up)) + 1
      clip = clip.intersection(
        PixelRect(x: Int(circle.x) - r, y: Int(circle.y) - r, width: 2 * r, height: 2 * r))
    }
    warp = PhotoWarp(
      originX: layout.originX, originY: layout.originY, clip: clip, circle: layout.circle)
    let margin = 2
    dirtyRect = clip.intersection(
      PixelRect(
        x: layout.originX + Int(rig.bounds.minX.rounded(.down)) - margin,
        y: layout.originY + Int(rig.bounds.minY.rounded(.down)) - margin,
        width: Int((rig.bounds.maxX - rig.bounds.minX).rounded(.up)) + 2 * margin,
        height: Int((rig.bounds.maxY - rig.bounds.minY).rounded(.up)) + 2 * margin))
  }

  /// Tells the next piece of the scene's speech.
  mutating func append(_ piece: PerformancePiece) {
    track.append(piece)
  }

  /// The still photo (and the circle's fill behind it), once per scene.
  func drawStatics(on canvas: FrameCanvas) {
    let cr = canvas.context
    picture.pixels.withUnsafeBufferPointer { buffer in
      let data = UnsafeMutablePointer(mutating: buffer.baseAddress!)
      let surface = cairo_image_surface_create_for_data(
        data, CAIRO_FORMAT_ARGB32, Int32(picture.width), Int32(picture.height),
        Int32(picture.width * 4))
      defer { cairo_surface_destroy(surface) }
      cairo_save(cr)
      if let circle = warp.circle {
        cairo_arc(cr, circle.x, circle.y, circle.radius, 0, 2 * Double.pi)
        cairo_set_source_rgb(
          cr, Double(circleColor.red) / 255, Double(circleColor.green) / 255,
          Double(circleColor.blue) / 255)
        cairo_fill_preserve(cr)
        cairo_clip(cr)
      }
      cairo_set_source_surface(cr, surface, Double(warp.originX), Double(warp.originY))
      cairo_paint(cr)
      cairo_restore(cr)
      cairo_surface_flush(canvas.surface)
    }
  }

  /// Re-draws the face for `frame` over the still photo already in `canvas`.
  func draw(frame: Int, on canvas: FrameCanvas) {
    draw(track.state(atFrame: frame), on: canvas)
  }

  /// Re-draws the face in `state` over the still photo already in `canvas`.
  func draw(_ state: PhotoMotionTrack.State, on canvas: FrameCanvas) {
    let mesh = rig.mesh(
      gap: state.gap, rounding: state.rounding, brows: state.brows, tilt: state.tilt,
      shift: state.shift)
    let dst = canvas.pixels
    let stride = canvas.stride
    warp.draw(
      picture, rest: rig.rest, target: mesh, triangles: rig.triangles, into: dst, stride: stride)
    mouth.paint(
      upper: FaceMeshIndices.upperInnerLip.map { mesh[$0] },
      lower: FaceMeshIndices.lowerInnerLip.map { mesh[$0] }, corners: (mesh[61], mesh[291]),
      picture: picture,
      originX: warp.originX, originY: warp.originY, clip: warp.clip, into: dst, stride: stride)
    lids.paint(
      closure: state.eyelids, mesh: mesh, originX: warp.originX, originY: warp.originY,
      clip: warp.clip, into: dst, stride: stride)
    canvas.markDirty()
  }
}

/// The photo's motion, frame by frame: lip gap and rounding eased between cues (bilabials
/// always shut), and the blinks, brows, sway and breathing of `AvatarMotion`, scaled to the face.
struct PhotoMotionTrack {
  struct State {
    var gap: Double
    var rounding: Double
    var eyelids: Double
    var brows: Double
    var tilt: Double
    var shift: SIMD2<Double>
  }

  /// Blinks every 2–6 s; a sway of at most ±0.8° and a nod of a few pixels: a photo warped
  /// further than that starts to look rubbery.
  static let parameters = AvatarMotionParameters(
    blinkIntervalMin: 2, blinkIntervalMax: 5.5, swayDegrees: 0.8, bobUnits: 3, breathRate: 0.25)

  private var motion: AvatarMotion
  private let rig: PhotoFaceRig
  /// Lip gap and rounding per frame, eased forwards; as far as the motion's poses are final.
  private var forwardGaps: [Double] = []
  private var forwardRounds: [Double] = []
  private var states: [State] = []

  /// How many frames ahead of the last settled one the backward easing looks: its weight
  /// falls by `keep` (0.35) a frame, to under 1e-16 this far.
  static let easingReach = 36

  /// The motion's frames so far, whole when its speech is all told.
  init(motion: AvatarMotion, rig: PhotoFaceRig) {
    self.motion = motion
    self.rig = rig
    settle()
  }

  /// `frameCount` frames of a motion told whole.
  init(motion: AvatarMotion, frameCount: Int, rig: PhotoFaceRig) {
    var whole = motion
    if whole.frameCount == nil {
      whole.append(
        PerformancePiece(
          mouthCues: [], words: [], energy: [], speechEnd: 0, frameCount: frameCount))
    }
    self.init(motion: whole, rig: rig)
  }

  /// Frames whose state nothing still to come can change.
  var readyFrames: Int { states.count }

  /// Tells the next piece of the scene's speech.
  mutating func append(_ piece: PerformancePiece) {
    motion.append(piece)
    settle()
  }

  /// Eases the lips over the frames whose poses are final, and fixes the states of those far
  /// enough from the last of them that the backward easing no longer reaches past it.
  private mutating func settle() {
    let final = motion.frameCount.map { max($0, 1) }
    let posed = final ?? motion.readyFrames
    // Ease toward each target over about 40 ms, forwards and backwards, so the mouth never
    // snaps, then make sure every bilabial still shuts the lips completely.
    let keep = 0.35
    for frame in forwardGaps.count..<max(posed, forwardGaps.count) {
      let pose = motion.pose(atFrame: frame)
      var gap = Self.gap(of: pose.mouth, rig: rig)
      var rounding = Self.rounding(of: pose.mouth)
      if frame > 0 {
        gap = gap * (1 - keep) + forwardGaps[frame - 1] * keep
        rounding = rounding * (1 - keep) + forwardRounds[frame - 1] * keep
      }
      forwardGaps.append(gap)
      forwardRounds.append(rounding)
    }
    let settled = final ?? max(states.count, posed - Self.easingReach)
    guard settled > states.count, posed > 0 else { return }
    let first = states.count
    var gaps = Array(forwardGaps[first..<posed])
    var rounds = Array(forwardRounds[first..<posed])
    for i in stride(from: gaps.count - 2, through: 0, by: -1) {
      gaps[i] = gaps[i] * (1 - keep) + gaps[i + 1] * keep
      rounds[i] = rounds[i] * (1 - keep) + rounds[i + 1] * keep
    }
    // A nod of `bobUnits` (figure units of the cartoons' 1000-unit canvas) in face pixels.
    let pixels = rig.faceHeight / 300
    for frame in first..<settled {
      let pose = motion.pose(atFrame: frame)
      let i = frame - first
      let gap = pose.mouth == .A ? 0 : gaps[i]
      states.append(
        State(
          gap: max(0, gap), rounding: rounds[i], eyelids: pose.eyelids, brows: pose.browRaise,
          tilt: pose.headTilt,
          shift: SIMD2(
            pose.headShiftX * pixels,
            pose.headShiftY * pixels - (pose.breath - 0.5) * 0.004 * rig.faceHeight)))
    }
  }

  func state(atFrame frame: Int) -> State {
    states[min(max(frame, 0), states.count - 1)]
  }

  /// The lip gap a mouth shape asks for, in pixels: rest is the photo's own mouth.
  static func gap(of shape: MouthShape, rig: PhotoFaceRig) -> Double {
    let share: Double
    switch shape {
    case .X: return rig.restGap
    case .A: share = 0
    case .B: share = 0.07
    case .C: share = 0.2
    case .D: share = 0.32
    case .E: share = 0.17
    case .F: share = 0.12
    case .G: share = 0.04
    case .H: share = 0.2
    }
    return share * rig.mouthWidth
  }

  static func rounding(of shape: MouthShape) -> Double {
    switch shape {
    case .E: 0.5
    case .F: 1
    default: 0
    }
  }

}
