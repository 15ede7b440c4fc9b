import CCairo
import Foundation
import HeyGenAPI
import OratorCore

/// Draws every frame of every scene and streams them to the encoder as the scenes' speech
/// comes in (`SpeechFeed`): the frames of one piece of speech are drawn while the next is still
/// being spoken. Static backgrounds are painted once; each frame restores and redraws only the
/// presenter's rectangle and converts only that rectangle to YUV.
struct SceneCompositor {
  var width: Int
  var height: Int
  var fps: Double
  var watermark: String?
  /// A picture the encoder lays over every frame.
  var overlay: PictureOverlay? = nil
  var encoder: EncoderSettings

  /// What the thumbnail and GIF are made of, when they are kept as the frames pass.
  struct Previews {
    var gifSeconds: Double
    var gifMaxWidth: Int
  }

  /// What `encode` made.
  struct Drawn {
    /// Each scene's speech as it was told.
    var scenes: [SceneSpeech]
    /// The frames kept for the thumbnail and GIF, when asked for.
    var previews: PreviewFrames?
    /// Whether the sound is in the video already; if not, the picture-only file was written
    /// and the sound is to be muxed under it.
    var hasSound: Bool
  }

  /// Draws the scenes of `plans` as `speech` tells them. When all speech was made before the
  /// first frame, frames and sound go through one encoder pass into `video`; otherwise the
  /// frames are drawn as the speech comes, into the picture-only `picture`.
  func encode(
    plans: [ScenePlan], speech: AsyncThrowingStream<SpeechFeed.Event, any Error>,
    backdrops: SceneBackdrops, video: String, picture: String, previews: Previews?,
    meter: RenderProgressMeter
  ) async throws -> Drawn {
    var events = speech.makeAsyncIterator()
    guard case .length(let seconds, let frameCount, let isFinal)? = try await events.next() else {
      throw RenderError.failed("the speech ended before it began")
    }
    var sound: [SceneAudio]?
    if isFinal {
      // Everything is told already: the scenes' sound files are known before ffmpeg starts.
      let (told, replay) = AsyncThrowingStream.makeStream(of: SpeechFeed.Event.self)
      var audio: [SceneAudio] = []
      while let event = try await events.next() {
        if case .scene(let scene) = event {
          audio.append(SceneAudio(path: scene.wavPath, duration: scene.duration))
        }
        replay.yield(event)
      }
      replay.finish()
      events = told.makeAsyncIterator()
      sound = audio
    }
    let kept = previews.map {
      PreviewFrames(
        width: width, height: height, fps: fps, frameCount: frameCount,
        thumbnailSeconds: min(1.0, seconds / 2), gifSeconds: min($0.gifSeconds, seconds),
        gifMaxWidth: $0.gifMaxWidth)
    }
    let frames = FrameStream(
      width: width, height: height, watermark: watermark, previews: kept, meter: meter)
    var scenes: [SceneSpeech] = []
    try await VideoEncoder.encode(
      width: width, height: height, fps: fps, sound: sound, overlay: overlay, settings: encoder,
      to: sound == nil ? picture : video
    ) { sink in
      for plan in plans {
        scenes.append(
          try await frames.stream(plan, speech: &events, backdrops: backdrops, fps: fps, to: sink))
      }
    }
    return Drawn(scenes: scenes, previews: kept, hasSound: sound != nil)
  }
}

/// The canvases of one render and its progress count; draws scene after scene into them.
/// Used from the one task that runs the encoder.
final class FrameStream: @unchecked Sendable {
  typealias Speech = AsyncThrowingStream<SpeechFeed.Event, any Error>.Iterator

  let base: FrameCanvas
  let work: FrameCanvas
  let yuv: I420Frame
  let watermark: String?
  let previews: PreviewFrames?
  let meter: RenderProgressMeter
  private var done = 0

  init(
    width: Int, height: Int, watermark: String?, previews: PreviewFrames?,
    meter: RenderProgressMeter
  ) {
    base = FrameCanvas(width: width, height: height)
    work = FrameCanvas(width: width, height: height)
    yuv = I420Frame(width: width, height: height)
    self.watermark = watermark
    self.previews = previews
    self.meter = meter
  }

  /// Draws the scene of `plan` as `speech` tells it, up to and including its `.scene` event,
  /// which it returns.
  func stream(
    _ plan: ScenePlan, speech: inout Speech, backdrops: SceneBackdrops, fps: Double,
    to sink: FrameSink
  ) async throws -> SceneSpeech {
    var picture: PhotoPicture?
    var layout: PhotoPresenter.Layout?
    if let photo = plan.photo {
      let placed = PhotoPresenter.Layout(
        photo: photo, frameWidth: base.width, frameHeight: base.height)
      picture = try await PhotoPicture.load(
        path: photo.path, width: placed.pictureWidth, height: placed.pictureHeight)
      layout = placed
    }
    var stage = SceneStage(
      plan: plan, fps: fps, width: base.width, height: base.height, watermark: watermark,
      photo: picture.flatMap { picture in layout.map { (picture, $0) } })
    switch plan.backdrop {
    case .color(let color):
      base.fill(Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
      stage.drawStatics(on: base)
      return try await streamOverStaticBase(&stage, speech: &speech, to: sink)
    case .image(let imagePath, let fit):
      guard let image = backdrops.image(imagePath, fit) else {
        throw RenderError.failed("background image of scene \(plan.index) was not prepared")
      }
      base.copyAll(from: image)
      stage.drawStatics(on: base)
      return try await streamOverStaticBase(&stage, speech: &speech, to: sink)
    case .video(let videoPath, let playStyle, let fit):
      // The background video is timed to the scene's length, so the scene's speech is
      // waited for whole.
      var told: SceneSpeech?
      while told == nil {
        switch Self.tell(try await speech.next(), to: &stage) {
        case .more: continue
        case .scene(let scene): told = scene
        case .broken(let error): throw error
        }
      }
      guard let scene = told else { throw RenderError.failed("scene \(plan.index) has no speech") }
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
      return scene
    }
  }

  /// What one event of the speech did to a scene.
  private enum Told {
    case more
    case scene(SceneSpeech)
    case broken(RenderError)
  }

  /// Hands `event` to `stage`. Not throwing, and not inlined: it is called in async loops.
  @inline(never)
  private static func tell(_ event: SpeechFeed.Event?, to stage: inout SceneStage) -> Told {
    switch event {
    case .piece(let piece):
      stage.append(piece)
      return .more
    case .scene(let scene):
      return .scene(scene)
    case .length, nil:
      return .broken(.failed("the speech of a scene ended early"))
    }
  }

  /// A static base: the first frame is converted whole, later frames only the presenter's
  /// rectangle. Each piece of speech's frames are drawn as soon as they are final.
  private func streamOverStaticBase(
    _ stage: inout SceneStage, speech: inout Speech, to sink: FrameSink
  ) async throws -> SceneSpeech {
    let dirty = stage.dirtyRect
    var drawn = 0
    var told: SceneSpeech?
    while told == nil {
      switch Self.tell(try await speech.next(), to: &stage) {
      case .more: break
      case .scene(let scene): told = scene
      case .broken(let error): throw error
      }
      // The frames of this piece are drawn from a copy that stays as it is: no access to the
      // changing stage inside the frame loop.
      let current = stage
      let ready = current.readyFrames
      while drawn < ready {
        // A cancelled render (its video deleted) stops within a frame.
        if Task.isCancelled { throw CancellationError() }
        if drawn == 0 {
          drawWhole(0, of: current, statics: false)
        } else if !dirty.isEmpty {
          drawPart(drawn, of: current, within: dirty)
        }
        try await sink.write(yuv)
        frameDone()
        drawn += 1
      }
    }
    guard let scene = told else { throw RenderError.failed("a scene has no speech") }
    return scene
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
    meter.frameDrawn()
  }
}

/// One scene's presenter, motion and overlay, ready to draw frame by frame.
struct SceneStage {
  let figure: AvatarFigure?
  private(set) var motion: AvatarMotion?
  let placement: AvatarPlacement?
  let circleColor: RGBColor
  let overlay: OverlayLayer
  private(set) var photo: PhotoPresenter?
  /// The scene's frames, once its speech is all told.
  private(set) var frameCount: Int?

  /// A stage with no speech told yet: pieces follow with `append(_:)`.
  init(
    plan: ScenePlan, fps: Double, width: Int, height: Int, watermark: String?,
    photo picture: (PhotoPicture, PhotoPresenter.Layout)? = nil
  ) {
    if let photo = plan.photo, let (picture, layout) = picture {
      self.photo = PhotoPresenter(
        photo: photo, picture: picture, layout: layout,
        motion: AvatarMotion(
          parameters: PhotoMotionTrack.parameters, identity: photo.id, seed: Self.seed(plan),
          fps: fps),
        frameWidth: width, frameHeight: height)
    } else {
      self.photo = nil
    }
    overlay = OverlayLayer(width: width, height: height, text: plan.text, watermark: watermark)
    if let presenter = plan.presenter {
      let figure = AvatarFigure(presenter.avatar)
      self.figure = figure
      motion = AvatarMotion(
        parameters: presenter.avatar.motion, identity: presenter.avatar.id,
        seed: Self.seed(plan), fps: fps)
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

  /// Tells the next piece of the scene's speech.
  mutating func append(_ piece: PerformancePiece) {
    motion?.append(piece)
    photo?.append(piece)
    if let count = piece.frameCount { frameCount = count }
  }

  /// Frames that can be drawn: those whose poses nothing still to come can change.
  var readyFrames: Int {
    if let photo { return photo.track.readyFrames }
    if let motion { return motion.readyFrames }
    return frameCount ?? 0
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
