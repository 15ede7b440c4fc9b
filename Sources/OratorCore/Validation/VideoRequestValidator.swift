import Foundation
import HeyGenAPI

/// The input limits of `POST /v2/video/generate` (heygen-api.md, Part 1 "Limits").
public struct VideoInputLimits: Sendable, Equatable {
  public var scenes: ClosedRange<Int> = 1...50
  public var inputTextCharacters = 5000
  public var speed: ClosedRange<Double> = 0.5...1.5
  public var pitch: ClosedRange<Double> = -50...50
  public var volume: ClosedRange<Double> = 0...1
  /// A watermark picture's `scale` (in sixths of the frame's width) and corner offsets.
  public var watermarkScale: ClosedRange<Double> = 0.1...6
  public var watermarkOffset: ClosedRange<Double> = 0...0.5
  public var dimension: ClosedRange<Int> = 128...4096
  public var scale: ClosedRange<Double> = 0...5
  public var fps: ClosedRange<Double> = 10...60
  public var silenceSeconds: ClosedRange<Double> = 0.1...600
  public var overlayCharacters = 1000
  /// A presenter's `offset`, in frames: ±1 already moves it fully out of the picture.
  public var offset: ClosedRange<Double> = -1...1
  /// A text overlay's `position` and `width`, in units of the frame.
  public var overlayPosition: ClosedRange<Double> = 0...1
  public var overlayWidth: ClosedRange<Double> = 0.01...1
  public var overlayFontSize: ClosedRange<Double> = 1...1000
  public var overlayLineHeight: ClosedRange<Double> = 0.5...5
  /// One `<break time="…"/>` pause.
  public var pauseSeconds: Double = 60
  /// The whole video, as estimated from its scripts, pauses and silences before anything is
  /// rendered; the renderer holds the real length to the same limit.
  public var videoSeconds: Double = 30 * 60
  /// Free text the server stores and echoes back.
  public var titleCharacters = TextLength.title
  public var callbackIdCharacters = TextLength.callbackId
  public var folderIdCharacters = TextLength.folderId
  public var urlCharacters = TextLength.url
  /// Ids of avatars, voices, talking photos and assets.
  public var idCharacters = TextLength.id
  /// Short names: emotion, locale, font family and weight, alignment, styles, aspect ratio.
  public var nameCharacters = TextLength.name

  public init() {}
}

/// Checks everything about a generate request that does not need the catalogue or the
/// network, so that the API refuses bad input before anything is queued.
public struct VideoRequestValidator: Sendable {
  public var limits: VideoInputLimits

  public init(limits: VideoInputLimits = VideoInputLimits()) {
    self.limits = limits
  }

  public func validate(_ request: VideoGenerateRequest) throws(InvalidField) {
    let count = request.videoInputs.count
    guard limits.scenes.contains(count) else {
      throw InvalidField(
        path: "video_inputs",
        message:
          "must have \(limits.scenes.lowerBound) to \(limits.scenes.upperBound) scenes, got \(count)",
        isMissing: count == 0)
    }
    if let dimension = request.dimension {
      try check(dimension.width, at: "dimension.width")
      try check(dimension.height, at: "dimension.height")
    }
    if let fps = request.fps, !limits.fps.contains(fps) {
      throw InvalidField(
        path: "fps",
        message: "must be between \(Int(limits.fps.lowerBound)) and \(Int(limits.fps.upperBound))")
    }
    try checkLength(request.title, limit: limits.titleCharacters, at: "title")
    try checkLength(request.callbackId, limit: limits.callbackIdCharacters, at: "callback_id")
    try checkLength(request.callbackUrl, limit: limits.urlCharacters, at: "callback_url")
    try checkLength(request.folderId, limit: limits.folderIdCharacters, at: "folder_id")
    try checkLength(request.aspectRatio, limit: limits.nameCharacters, at: "aspect_ratio")
    if let mode = request.captionMode, !["file_only", "burn_in"].contains(mode) {
      throw InvalidField(
        path: "caption_mode", message: "must be file_only or burn_in, got \"\(mode)\"")
    }
    for (index, scene) in request.videoInputs.enumerated() {
      try validate(scene, at: "video_inputs[\(index)]")
    }
    if let watermark = request.watermark { try validate(watermark) }
    try checkLength(of: request)
  }

  /// Refuses a video whose estimated length is over the limit, naming the scene that takes
  /// it over, before anything is queued.
  private func checkLength(of request: VideoGenerateRequest) throws(InvalidField) {
    let estimate = VideoLengthEstimate()
    var total = 0.0
    for (index, scene) in request.videoInputs.enumerated() {
      total += estimate.seconds(for: scene.voice)
      guard total > limits.videoSeconds else { continue }
      let field =
        if case .silence = scene.voice {
          "video_inputs[\(index)].voice.duration"
        } else {
          "video_inputs[\(index)].voice.input_text"
        }
      throw InvalidField(
        path: field,
        message:
          "takes the video to about \(Self.minutes(total)) minutes; a video may last at most \(Self.minutes(limits.videoSeconds)) minutes"
      )
    }
  }

  private static func minutes(_ seconds: Double) -> String {
    let minutes = seconds / 60
    return minutes >= 10 || minutes == minutes.rounded()
      ? String(Int(minutes.rounded())) : String(format: "%.1f", minutes)
  }

  private func check(_ size: Int, at path: String) throws(InvalidField) {
    guard limits.dimension.contains(size) else {
      throw InvalidField(
        path: path,
        message:
          "must be between \(limits.dimension.lowerBound) and \(limits.dimension.upperBound), got \(size)"
      )
    }
    guard size % 2 == 0 else {
      throw InvalidField(path: path, message: "must be even, got \(size)")
    }
  }

  private func validate(_ scene: VideoInput, at path: String) throws(InvalidField) {
    switch scene.character {
    case .avatar(let avatar):
      if avatar.avatarId.isEmpty {
        throw InvalidField(
          path: "\(path).character.avatar_id", message: "is required", isMissing: true)
      }
      try checkLength(
        avatar.avatarId, limit: limits.idCharacters, at: "\(path).character.avatar_id")
      try validateScale(avatar.scale, at: "\(path).character.scale")
      try validateOffset(avatar.offset, at: "\(path).character.offset")
      try validateColor(
        avatar.circleBackgroundColor, at: "\(path).character.circle_background_color")
    case .talkingPhoto(let photo):
      if photo.talkingPhotoId.isEmpty {
        throw InvalidField(
          path: "\(path).character.talking_photo_id", message: "is required", isMissing: true)
      }
      try checkLength(
        photo.talkingPhotoId, limit: limits.idCharacters,
        at: "\(path).character.talking_photo_id")
      try checkLength(
        photo.talkingPhotoStyle, limit: limits.nameCharacters,
        at: "\(path).character.talking_photo_style")
      try validateScale(photo.scale, at: "\(path).character.scale")
      try validateOffset(photo.offset, at: "\(path).character.offset")
      try validateColor(
        photo.circleBackgroundColor, at: "\(path).character.circle_background_color")
    case nil:
      break
    }
    try validate(scene.voice, at: "\(path).voice")
    if let background = scene.background {
      try validate(background, at: "\(path).background")
    }
    if let text = scene.text {
      if text.text.count > limits.overlayCharacters {
        throw InvalidField(
          path: "\(path).text.text",
          message: "must be at most \(limits.overlayCharacters) characters")
      }
      try validateColor(text.color, at: "\(path).text.color")
      try validate(text, at: "\(path).text")
    }
  }

  private func validate(_ text: TextOverlay, at path: String) throws(InvalidField) {
    try check(text.fontSize, in: limits.overlayFontSize, at: "\(path).font_size")
    try check(text.lineHeight, in: limits.overlayLineHeight, at: "\(path).line_height")
    try check(text.width, in: limits.overlayWidth, at: "\(path).width")
    try check(text.position?.x, in: limits.overlayPosition, at: "\(path).position.x")
    try check(text.position?.y, in: limits.overlayPosition, at: "\(path).position.y")
    try checkLength(text.fontFamily, limit: limits.nameCharacters, at: "\(path).font_family")
    try checkLength(text.fontWeight, limit: limits.nameCharacters, at: "\(path).font_weight")
    try checkLength(text.textAlign, limit: limits.nameCharacters, at: "\(path).text_align")
  }

  private func validate(_ voice: Voice, at path: String) throws(InvalidField) {
    switch voice {
    case .text(let text):
      if text.voiceId.isEmpty {
        throw InvalidField(path: "\(path).voice_id", message: "is required", isMissing: true)
      }
      try checkLength(text.voiceId, limit: limits.idCharacters, at: "\(path).voice_id")
      try checkLength(text.emotion, limit: limits.nameCharacters, at: "\(path).emotion")
      try checkLength(text.locale, limit: limits.nameCharacters, at: "\(path).locale")
      if text.inputText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        throw InvalidField(
          path: "\(path).input_text", message: "must not be empty", isMissing: true)
      }
      if text.inputText.count > limits.inputTextCharacters {
        throw InvalidField(
          path: "\(path).input_text",
          message:
            "must be at most \(limits.inputTextCharacters) characters, got \(text.inputText.count)")
      }
      if let speed = text.speed, !limits.speed.contains(speed) {
        throw InvalidField(
          path: "\(path).speed",
          message:
            "must be between \(limits.speed.lowerBound) and \(limits.speed.upperBound), got \(speed)"
        )
      }
      if let pitch = text.pitch, !limits.pitch.contains(pitch) {
        throw InvalidField(
          path: "\(path).pitch",
          message:
            "must be between \(Int(limits.pitch.lowerBound)) and \(Int(limits.pitch.upperBound)), got \(pitch)"
        )
      }
      try checkVolume(text.volume, at: "\(path).volume")
      if let longest = BreakTag.pauses(in: text.inputText).max(), longest > limits.pauseSeconds {
        throw InvalidField(
          path: "\(path).input_text",
          message:
            "has a <break> of \(Self.seconds(longest)) s; a pause may last at most \(Self.seconds(limits.pauseSeconds)) s"
        )
      }
    case .audio(let audio):
      if isBlank(audio.audioUrl) && isBlank(audio.audioAssetId) {
        throw InvalidField(
          path: "\(path).audio_url",
          message: "Either audio_url or audio_asset_id needs to be provided.",
          isMissing: true)
      }
      try checkLength(audio.audioUrl, limit: limits.urlCharacters, at: "\(path).audio_url")
      try checkLength(
        audio.audioAssetId, limit: limits.idCharacters, at: "\(path).audio_asset_id")
      try checkVolume(audio.volume, at: "\(path).volume")
    case .silence(let silence):
      if let duration = silence.duration, !limits.silenceSeconds.contains(duration) {
        throw InvalidField(
          path: "\(path).duration",
          message:
            "must be between \(limits.silenceSeconds.lowerBound) and \(limits.silenceSeconds.upperBound) seconds"
        )
      }
    }
  }

  private func validate(_ background: Background, at path: String) throws(InvalidField) {
    switch background {
    case .color(let value):
      try validateColor(value, at: "\(path).value")
    case .image(let image):
      if isBlank(image.url) && isBlank(image.imageAssetId) {
        throw InvalidField(
          path: "\(path).url", message: "Either url or image_asset_id needs to be provided.",
          isMissing: true)
      }
      try checkLength(image.url, limit: limits.urlCharacters, at: "\(path).url")
      try checkLength(
        image.imageAssetId, limit: limits.idCharacters, at: "\(path).image_asset_id")
    case .video(let video):
      if isBlank(video.url) && isBlank(video.videoAssetId) {
        throw InvalidField(
          path: "\(path).url", message: "Either url or video_asset_id needs to be provided.",
          isMissing: true)
      }
      try checkLength(video.url, limit: limits.urlCharacters, at: "\(path).url")
      try checkLength(
        video.videoAssetId, limit: limits.idCharacters, at: "\(path).video_asset_id")
      try checkVolume(video.soundVolume, at: "\(path).sound_volume")
    }
  }

  private func validateScale(_ scale: Double?, at path: String) throws(InvalidField) {
    if let scale, !limits.scale.contains(scale) || scale == 0 {
      throw InvalidField(
        path: path,
        message: "must be greater than 0 and at most \(limits.scale.upperBound), got \(scale)")
    }
  }

  private func validateOffset(_ offset: Offset?, at path: String) throws(InvalidField) {
    try check(offset?.x, in: limits.offset, at: "\(path).x")
    try check(offset?.y, in: limits.offset, at: "\(path).y")
  }

  /// A number that must lie in `range` when given.
  private func check(_ value: Double?, in range: ClosedRange<Double>, at path: String)
    throws(InvalidField)
  {
    guard let value, !range.contains(value) else { return }
    throw InvalidField(
      path: path,
      message:
        "must be between \(Self.number(range.lowerBound)) and \(Self.number(range.upperBound)), got \(Self.number(value))"
    )
  }

  private func checkLength(_ value: String?, limit: Int, at path: String) throws(InvalidField) {
    try TextLength.check(value, limit: limit, at: path)
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  private static func seconds(_ value: Double) -> String { number((value * 10).rounded() / 10) }

  private func validateColor(_ value: String?, at path: String) throws(InvalidField) {
    if let value, RGBColor(hex: value) == nil {
      throw InvalidField(path: path, message: "must be a hex colour like #1A2B3C, got \"\(value)\"")
    }
  }

  private func isBlank(_ value: String?) -> Bool {
    value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
  }
}

extension VideoRequestValidator {
  fileprivate func checkVolume(_ volume: Double?, at path: String) throws(InvalidField) {
    guard let volume, !limits.volume.contains(volume) else { return }
    throw InvalidField(path: path, message: "must be between 0 and 1, got \(volume)")
  }

  fileprivate func validate(_ watermark: ImageWatermark) throws(InvalidField) {
    if isBlankText(watermark.url) && isBlankText(watermark.assetId) {
      throw InvalidField(
        path: "watermark.url", message: "is required (or watermark.asset_id)", isMissing: true)
    }
    try TextLength.check(watermark.url, limit: limits.urlCharacters, at: "watermark.url")
    try TextLength.check(watermark.assetId, limit: limits.idCharacters, at: "watermark.asset_id")
    for (value, range, path) in [
      (watermark.scale, limits.watermarkScale, "watermark.scale"),
      (watermark.opacity, limits.volume, "watermark.opacity"),
      (watermark.offsetX, limits.watermarkOffset, "watermark.offset_x"),
      (watermark.offsetY, limits.watermarkOffset, "watermark.offset_y"),
    ] {
      if let value, !range.contains(value) {
        throw InvalidField(
          path: path,
          message: "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
      }
    }
  }

  private func isBlankText(_ value: String?) -> Bool {
    value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
  }
}
