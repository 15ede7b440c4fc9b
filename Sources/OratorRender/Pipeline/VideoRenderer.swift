import Foundation
import HeyGenAPI
import OratorCore

/// Turns a HeyGen generate request into an MP4 with thumbnail, GIF preview and captions:
/// script → speech → mouth cues → frames → ffmpeg. Everything is written in a scratch
/// folder beside the output and moved into place only when all of it succeeded, so a failed
/// render leaves nothing behind.
public struct VideoRenderer: Sendable {
  public var avatars: [AvatarDefinition]
  public var speech: any SpeechSynthesizer
  public var media: any MediaResolver
  public var encoder: EncoderSettings
  public var validator: VideoRequestValidator
  /// Seconds of the GIF preview.
  public var gifSeconds: Double = 5
  /// How long the video may be; checked once its speech is made, before frames are drawn.
  public var budget: RenderBudget?

  public init(
    avatars: [AvatarDefinition] = AvatarCatalogue.builtIn,
    speech: any SpeechSynthesizer = EspeakSynthesizer.shared,
    media: any MediaResolver,
    encoder: EncoderSettings = EncoderSettings(),
    validator: VideoRequestValidator = VideoRequestValidator()
  ) {
    self.avatars = avatars
    self.speech = speech
    self.media = media
    self.encoder = encoder
    self.validator = validator
  }

  /// Renders `request` to `outputPath` (an `.mp4`); the other files take the same name with
  /// their own extension.
  public func render(
    _ request: VideoGenerateRequest, to outputPath: String,
    progress: @escaping @Sendable (RenderProgress) -> Void = { _ in }
  ) async throws(RenderError) -> RenderedVideo {
    do {
      try validator.validate(request)
    } catch {
      throw .invalidInput(error)
    }
    let output = OutputFiles(videoPath: outputPath)
    let scratch: String
    do {
      scratch = try output.makeScratchDirectory()
    } catch {
      throw .failed("cannot write beside \(outputPath): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    do {
      return try await render(request, output: output, scratch: scratch, progress: progress)
    } catch let error as RenderError {
      throw error
    } catch let error as InvalidField {
      throw .invalidInput(error)
    } catch let error as FFmpegError {
      throw .failed(error.description)
    } catch {
      throw .failed(String(describing: error))
    }
  }

  private func render(
    _ request: VideoGenerateRequest, output: OutputFiles, scratch: String,
    progress: @escaping @Sendable (RenderProgress) -> Void
  ) async throws -> RenderedVideo {
    let size = request.dimension ?? .fullHD
    let fps = request.fps ?? 25
    let planner = ScenePlanner(
      avatars: Dictionary(avatars.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
      voices: Dictionary(
        speech.voices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
      media: OncePerRenderMedia(base: media))

    progress(RenderProgress(stage: .preparing, fraction: 0))
    var plans: [ScenePlan] = []
    for (index, input) in request.videoInputs.enumerated() {
      plans.append(try await planner.plan(input, index: index))
    }
    let backdrops = try await SceneBackdrops.prepare(plans, width: size.width, height: size.height)

    let watermark: String? =
      request.test == true
      ? "TEST VIDEO · Orator" : (request.enableWatermark == true ? "Orator" : nil)
    var overlay: PictureOverlay?
    if let picture = request.watermark {
      let file = try await WatermarkPicture.file(of: picture, media: planner.media)
      overlay = PictureOverlay(
        picture, file: file, frameWidth: size.width, frameHeight: size.height)
    }

    // The speech is made scene by scene, piece by piece, beside the drawing, which follows it
    // (`SpeechFeed`). The previews are made from frames kept as they are drawn, rather than
    // by decoding the finished video again; a picture watermark is laid on by the encoder, so
    // with one the previews come from the video itself.
    let meter = RenderProgressMeter(report: progress)
    let feed = SpeechFeed(
      plans: plans, synthesizer: speech, fps: fps, scratch: scratch, budget: budget,
      previewSeconds: max(self.gifSeconds, 2), meter: meter, encoder: encoder)
    let (events, sink) = AsyncThrowingStream.makeStream(of: SpeechFeed.Event.self)
    let compositor = SceneCompositor(
      width: size.width, height: size.height, fps: fps, watermark: watermark, overlay: overlay,
      encoder: encoder)
    // Frames drawn while the speech is being made are encoded alone, the sound apart, and
    // both are muxed as they are.
    let video = output.scratchPath(.video, in: scratch)
    let picture = (scratch as NSString).appendingPathComponent("picture.mp4")
    let sound = (scratch as NSString).appendingPathComponent("sound.m4a")
    let drawn = try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await feed.run(into: sink, sound: sound) }
      do {
        let drawn = try await compositor.encode(
          plans: plans, speech: events, backdrops: backdrops, video: video, picture: picture,
          previews: overlay == nil
            ? SceneCompositor.Previews(gifSeconds: self.gifSeconds, gifMaxWidth: 480) : nil,
          meter: meter)
        try await group.waitForAll()
        return drawn
      } catch {
        group.cancelAll()
        throw error
      }
    }
    if !drawn.hasSound {
      try await VideoEncoder.mux(picture: picture, sound: sound, to: video)
    }
    progress(RenderProgress(stage: .frames, fraction: 1))
    let scenes = drawn.scenes
    let previewFrames = drawn.previews
    let duration = scenes.reduce(0) { $0 + $1.duration }

    let words = SceneSpeech.timeline(scenes)
    let cues = Captions.cues(from: words)
    try output.write(Captions.srt(cues), .srt, in: scratch)
    try output.write(Captions.webVTT(cues), .vtt, in: scratch)
    try output.write(Captions.ass(cues, width: size.width, height: size.height), .ass, in: scratch)

    // The previews and the captioned copy each read the finished video and nothing else, so
    // they run side by side: ffmpeg's GIF and JPEG steps are single-threaded.
    progress(RenderProgress(stage: .previews, fraction: 0))
    let encoder = encoder
    let gifSeconds = gifSeconds
    async let thumbnail: Void = {
      if let previewFrames, previewFrames.isComplete {
        try await previewFrames.writeThumbnail(
          to: output.scratchPath(.thumbnail, in: scratch), scratch: scratch)
      } else {
        try await Previews.thumbnail(
          of: video, at: min(1.0, duration / 2), to: output.scratchPath(.thumbnail, in: scratch))
      }
    }()
    async let gif: Void = {
      if let previewFrames, previewFrames.isComplete {
        try await previewFrames.writeGIF(
          maxWidth: 480, to: output.scratchPath(.gif, in: scratch), scratch: scratch)
      } else {
        try await Previews.gif(
          of: video, seconds: min(gifSeconds, duration), maxWidth: 480,
          to: output.scratchPath(.gif, in: scratch))
      }
    }()
    async let captioned: Void =
      request.caption == true
      ? CaptionBurner.burn(
        assFile: output.scratchPath(.ass, in: scratch), into: video,
        to: output.scratchPath(.captionedVideo, in: scratch), settings: encoder) : ()
    try await thumbnail
    try await gif
    progress(RenderProgress(stage: .previews, fraction: 1))
    try await captioned

    var kinds: [OutputFiles.Kind] = [.video, .thumbnail, .gif, .srt, .vtt, .ass]
    if request.caption == true {
      kinds.append(.captionedVideo)
      progress(RenderProgress(stage: .captions, fraction: 1))
    }
    try output.moveIntoPlace(kinds, from: scratch)

    return RenderedVideo(
      videoPath: output.path(.video), thumbnailPath: output.path(.thumbnail),
      gifPath: output.path(.gif), srtPath: output.path(.srt), vttPath: output.path(.vtt),
      assPath: output.path(.ass),
      captionedVideoPath: request.caption == true ? output.path(.captionedVideo) : nil,
      duration: Double(scenes.reduce(0) { $0 + $1.frameCount }) / fps,
      speechDuration: scenes.reduce(0) { $0 + $1.track.duration }, width: size.width,
      height: size.height, fps: fps, sceneCount: plans.count)
  }
}

/// Downloads each URL once per render even when several scenes use it.
private actor OncePerRenderMedia: MediaResolver {
  let base: any MediaResolver
  private var resolved: [String: String] = [:]

  init(base: any MediaResolver) {
    self.base = base
  }

  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  {
    if let path = resolved["url:" + url] { return path }
    let path = try await base.file(forURL: url, kind: kind, field: field)
    resolved["url:" + url] = path
    return path
  }

  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
    try await base.talkingPhoto(id, field: field)
  }

  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    if let path = resolved["asset:" + id] { return path }
    let path = try await base.file(forAsset: id, kind: kind, field: field)
    resolved["asset:" + id] = path
    return path
  }
}
