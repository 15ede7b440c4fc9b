import CCairo
import Foundation
import HeyGenAPI
import OratorCore

/// Draws every frame of every scene and streams them to the encoder. Static backgrounds are
/// painted once; each frame restores and redraws only the presenter's rectangle and converts
/// only that rectangle to YUV.
struct SceneCompositor {
  var width: Int
  var height: Int
  var fps: Double
  var watermark: String?
  /// A picture the encoder lays over every frame.
  var overlay: PictureOverlay? = nil
  var encoder: EncoderSettings

  /// `previews`, when given, keeps the frames the thumbnail and GIF are made of as they pass.
  func encode(
    plans: [ScenePlan], speech: [SceneSpeech], backdrops: SceneBackdrops, to path: String,
    previews: PreviewFrames? = nil, progress: @escaping @Sendable (RenderProgress) -> Void
  ) async throws {
    let frames = FrameStream(
      width: width, height: height, watermark: watermark,
      totalFrames: speech.reduce(0) { $0 + $1.frameCount }, previews: previews,
      progress: progress)
    let audio = speech.map { SceneAudio(path: $0.wavPath, duration: $0.duration) }
    try await VideoEncoder.encode(
      width: width, height: height, fps: fps, audio: audio, overlay: overlay, settings: encoder,
      to: path
    ) { sink in
      for (plan, scene) in zip(plans, speech) {
        try await frames.stream(plan, scene, backdrops: backdrops, fps: fps, to: sink)
      }
    }
    progress(RenderProgress(stage: .frames, fraction: 1))
  }
}

/// The canvases of one render and its progress count; draws scene after scene into them.
/// Used from the one task that runs the encoder.
final class FrameStream: @unchecked Sendable {
  let base: FrameCanvas
  let work: FrameCanvas
  let yuv: I420Frame
  let watermark: String?
  let totalFrames: Int
  let previews: PreviewFrames?
  let progress: @Sendable (RenderProgress) -> Void
  private var done = 0

  init(
    width: Int, height: Int, watermark: String?, totalFrames: Int, previews: PreviewFrames?,
    progress: @escaping @Sendable (RenderProgress) -> Void
  ) {
    base = FrameCanvas(width: width, height: height)
    work = FrameCanvas(width: width, height: height)
    yuv = I420Frame(width: width, height: height)
    self.watermark = watermark
    self.totalFrames = totalFrames
    self.previews = previews
    self.progress = progress
  }

  func stream(
    _ plan: ScenePlan, _ scene: SceneSpeech, backdrops: SceneBackdrops, fps: Double,
    to sink: FrameSink
  ) async throws {
    var picture: PhotoPicture?
    var layout: PhotoPresenter.Layout?
    if let photo = plan.photo {
      let placed = PhotoPresenter.Layout(
        photo: photo, frameWidth: base.width, frameHeight: base.height)
      picture = try await PhotoPicture.load(
        path: photo.path, width: placed.pictureWidth, height: placed.pictureHeight)
      layout = placed
    }
    let stage = SceneStage(
      plan: plan, scene: scene, width: base.width, height: base.height, watermark: watermark,
      photo: picture.flatMap { picture in layout.map { (picture, $0) } })
    switch plan.backdrop {
    case .color(let color):
      base.fill(Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
      stage.drawStatics(on: base)
      try await streamOverStaticBase(stage, to: sink)
    case .image(let imagePath, let fit):
      guard let image = backdrops.image(imagePath, fit) else {
        throw RenderError.failed("background image of scene \(plan.index) was not prepared")
      }
      base.copyAll(from: image)
      stage.drawStatics(on: base)
      try await streamOverStaticBase(stage, to: sink)
    case .video(let videoPath, let playStyle, let fit):
      let reader = try await BackgroundVideo.open(
        path: videoPath, style: playStyle, fit: fit, sceneDuration: scene.duration, fps: fps,
        frameCount: scene.frameCount, into: base)
      defer { reader.close() }
      for frame in 0..<scene.frameCount {
        if Task.isCancelled { throw CancellationError() }
        if frame > 0, let error = Self.advance(reader) { throw error }
        drawWhole(frame, of: stage, statics: true)
        try await sink.write(yuv)
        frameDone()
      }
      if let error = Self.finish(reader) { throw error }
    }
  }

  /// A static base: the first frame is converted whole, later frames only the presenter's
  /// rectangle.
  private func streamOverStaticBase(_ stage: SceneStage, to sink: FrameSink) async throws {
    drawWhole(0, of: stage, statics: false)
    try await sink.write(yuv)
    frameDone()
    let dirty = stage.dirtyRect
    for frame in 1..<max(stage.frameCount, 1) {
      // A cancelled render (its video deleted) stops within a frame.
      if Task.isCancelled { throw CancellationError() }
      if !dirty.isEmpty { drawPart(frame, of: stage, within: dirty) }
      try await sink.write(yuv)
      frameDone()
    }
  }

  // The drawing stays out of the async frame loops, which then hold nothing but the loop and
  // the write: the optimiser's coroutine splitting crashes (Swift 6.3, -O) on the inlined body.

  // No synchronous throwing call stands in the async loops either: the same pass crashes
  // saving the error register around one. These return the error instead.

  @inline(never)
  private static func advance(_ reader: BackgroundVideo) -> (any Error)? {
    do {
      _ = try reader.advance()
      return nil
    } catch {
      return error
    }
  }

  @inline(never)
  private static func finish(_ reader: BackgroundVideo) -> (any Error)? {
    do {
      try reader.finish()
      return nil
    } catch {
      return error
    }
  }

  /// Frame `frame` drawn whole over the base into `yuv`.
  @inline(never)
  private func drawWhole(_ frame: Int, of stage: SceneStage, statics: Bool) {
    work.copyAll(from: base)
    if statics { stage.drawStatics(on: work) }
    stage.drawFrame(frame, on: work, within: work.bounds)
    yuv.convert(work.bounds, from: work)
  }

  /// Only `rect` of frame `frame` redrawn over the base and converted into `yuv`.
  @inline(never)
  private func drawPart(_ frame: Int, of stage: SceneStage, within rect: PixelRect) {
    work.copy(rect, from: base)
    stage.drawFrame(frame, on: work, within: rect)
    yuv.convert(rect, from: work)
  }

  private func frameDone() {
    previews?.offer(yuv, index: done)
    done += 1
    if done % 25 == 0 {
      progress(RenderProgress(stage: .frames, fraction: Double(done) / Double(totalFrames)))
    }
  }
}

/// One scene's presenter, motion and overlay, ready to draw frame by frame.
struct SceneStage {
  let figure: AvatarFigure?
  let motion: AvatarMotion?
  let placement: AvatarPlacement?
  let circleColor: RGBColor
  let overlay: OverlayLayer
  let frameCount: Int
  let photo: PhotoPresenter?

  init(
    plan: ScenePlan, scene: SceneSpeech, width: Int, height: Int, watermark: String?,
    photo picture: (PhotoPicture, PhotoPresenter.Layout)? = nil
  ) {
    frameCount = scene.frameCount
    if let photo = plan.photo, let (picture, layout) = picture {
      self.photo = PhotoPresenter(
        photo: photo, picture: picture, layout: layout,
        performance: scene.performance(seed: Self.seed(plan)), frameWidth: width,
        frameHeight: height)
    } else {
      self.photo = nil
    }
    overlay = OverlayLayer(width: width, height: height, text: plan.text, watermark: watermark)
    if let presenter = plan.presenter {
      let figure = AvatarFigure(presenter.avatar)
      self.figure = figure
      motion = AvatarMotion(
        avatar: presenter.avatar, performance: scene.performance(seed: Self.seed(plan)))
      placement = AvatarPlacement(
        style: presenter.style, scale: presenter.scale, offset: presenter.offset,
        paintBounds: figure.paintBounds, frameWidth: width, frameHeight: height)
      circleColor = presenter.circleColor
    } else {
      figure = nil
      motion = nil
      placement = nil
      circleColor = .white
    }
  }

  /// Same request, same blinks; different scenes, different blinks.
  static func seed(_ plan: ScenePlan) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in (plan.presenter?.avatar.id ?? plan.photo?.id ?? "").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash ^ (UInt64(plan.index) &* 0x9e37_79b9_7f4a_7c15)
  }

  /// What does not move: the circle's fill behind a `circle` presenter.
  func drawStatics(on canvas: FrameCanvas) {
    photo?.drawStatics(on: canvas)
    guard let placement else { return }
    placement.drawCircleBackground(
      (
        Double(circleColor.red) / 255, Double(circleColor.green) / 255,
        Double(circleColor.blue) / 255
      ),
      in: canvas.context)
  }

  /// Draws the presenter and the overlay for `frame`, limited to `rect`.
  /// Not inlined: keeping the drawing out of the async frame loop keeps the optimiser's
  /// coroutine splitting simple (it crashed on the inlined body in release builds).
  @inline(never)
  func drawFrame(_ frame: Int, on canvas: FrameCanvas, within rect: PixelRect) {
    if let figure, let motion, let placement {
      placement.draw(figure, pose: motion.pose(atFrame: frame), in: canvas.context)
    }
    photo?.draw(frame: frame, on: canvas)
    overlay.paint(onto: canvas, within: rect)
  }

  /// The presenter's rectangle, or nothing when the scene has no presenter.
  var dirtyRect: PixelRect {
    let none = PixelRect(x: 0, y: 0, width: 0, height: 0)
    return (placement?.dirtyRect ?? none).union(photo?.dirtyRect ?? none)
  }

}
