import Foundation
import HeyGenAPI

/// The input limits of `POST /v2/video/generate` (heygen-api.md, Part 1 "Limits").
public struct VideoInputLimits: Sendable, Equatable {
  public var scenes: ClosedRange<Int> = 1...50
  public var inputTextCharacters = 5000
  public var speed: ClosedRange<Double> = 0.5...1.5
  public var pitch: ClosedRange<Double> = -50...50
  public var dimension: ClosedRange<Int> = 128...4096
  public var scale: ClosedRange<Double> = 0...5
  public var fps: ClosedRange<Double> = 10...60
  public var silenceSeconds: ClosedRange<Double> = 0.1...600
  public var overlayCharacters = 1000

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
    if let mode = request.captionMode, !["file_only", "burn_in"].contains(mode) {
      throw InvalidField(
        path: "caption_mode", message: "must be file_only or burn_in, got \"\(mode)\"")
    }
    for (index, scene) in request.videoInputs.enumerated() {
      try validate(scene, at: "video_inputs[\(index)]")
    }
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
      try validateScale(avatar.scale, at: "\(path).character.scale")
      try validateColor(
        avatar.circleBackgroundColor, at: "\(path).character.circle_background_color")
    case .talkingPhoto(let photo):
      if photo.talkingPhotoId.isEmpty {
        throw InvalidField(
          path: "\(path).character.talking_photo_id", message: "is required", isMissing: true)
      }
      try validateScale(photo.scale, at: "\(path).character.scale")
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
      if let size = text.fontSize, !(1...1000).contains(size) {
        throw InvalidField(path: "\(path).text.font_size", message: "must be between 1 and 1000")
      }
    }
  }

  private func validate(_ voice: Voice, at path: String) throws(InvalidField) {
    switch voice {
    case .text(let text):
      if text.voiceId.isEmpty {
        throw InvalidField(path: "\(path).voice_id", message: "is required", isMissing: true)
      }
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
    case .audio(let audio):
      if isBlank(audio.audioUrl) && isBlank(audio.audioAssetId) {
        throw InvalidField(
          path: "\(path).audio_url",
          message: "Either audio_url or audio_asset_id needs to be provided.",
          isMissing: true)
      }
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
    case .video(let video):
      if isBlank(video.url) && isBlank(video.videoAssetId) {
        throw InvalidField(
          path: "\(path).url", message: "Either url or video_asset_id needs to be provided.",
          isMissing: true)
      }
    }
  }

  private func validateScale(_ scale: Double?, at path: String) throws(InvalidField) {
    if let scale, !limits.scale.contains(scale) || scale == 0 {
      throw InvalidField(
        path: path,
        message: "must be greater than 0 and at most \(limits.scale.upperBound), got \(scale)")
    }
  }

  private func validateColor(_ value: String?, at path: String) throws(InvalidField) {
    if let value, RGBColor(hex: value) == nil {
      throw InvalidField(path: path, message: "must be a hex colour like #1A2B3C, got \"\(value)\"")
    }
  }

  private func isBlank(_ value: String?) -> Bool {
    value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
  }
}
