/// `video_inputs[].background`: a colour, an image or a video, told apart by `type`.
public enum Background: Codable, Sendable, Equatable {
  case color(String)
  case image(ImageBackground)
  case video(VideoBackground)

  enum CodingKeys: String, CodingKey { case type, value }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let type = try c.decodeIfPresent(String.self, forKey: .type) ?? "color"
    switch type {
    case "color": self = .color(try c.decodeIfPresent(String.self, forKey: .value) ?? "#f6f6fc")
    case "image": self = .image(try ImageBackground(from: decoder))
    case "video": self = .video(try VideoBackground(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: c,
        debugDescription: "unknown background type \"\(type)\" (expected color, image or video)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .color(let value):
      try c.encode("color", forKey: .type)
      try c.encode(value, forKey: .value)
    case .image(let image):
      try c.encode("image", forKey: .type)
      try image.encode(to: encoder)
    case .video(let video):
      try c.encode("video", forKey: .type)
      try video.encode(to: encoder)
    }
  }
}

/// How a picture is fitted into the frame.
public enum BackgroundFit: String, Codable, Sendable, Equatable, CaseIterable {
  /// Fill the frame, cropping the overflow, centred.
  case cover
  /// Show the whole picture, letterboxed.
  case contain
  /// Like cover; HeyGen's studio crop with its default centre.
  case crop
  /// Original size, centred.
  case none
}

public struct ImageBackground: Codable, Sendable, Equatable {
  public var url: String?
  public var imageAssetId: String?
  public var fit: BackgroundFit?

  public init(url: String? = nil, imageAssetId: String? = nil, fit: BackgroundFit? = nil) {
    self.url = url
    self.imageAssetId = imageAssetId
    self.fit = fit
  }

  enum CodingKeys: String, CodingKey {
    case url
    case imageAssetId = "image_asset_id"
    case fit
  }
}

/// What a video background does when the scene is longer or shorter than the clip.
public enum PlayStyle: String, Codable, Sendable, Equatable, CaseIterable {
  /// Repeat the clip for the length of the scene.
  case loop
  /// Show the clip's first frame for the whole scene.
  case freeze
  /// Stretch or squeeze the clip in time to the scene's length.
  case fitToScene = "fit_to_scene"
  /// Play once, then hold the last frame.
  case once
  /// Alias some clients send for `once`.
  case fullVideo = "full_video"
}

public struct VideoBackground: Codable, Sendable, Equatable {
  public var url: String?
  public var videoAssetId: String?
  public var playStyle: PlayStyle?
  public var fit: BackgroundFit?
  /// Orator extension: how loud the clip's own sound plays under the scene, 0…1; absent or 0,
  /// the clip is silent (as HeyGen's background videos are). A v3 studio `video` scene's
  /// `playback` arrives here.
  public var soundVolume: Double?

  public init(
    url: String? = nil, videoAssetId: String? = nil, playStyle: PlayStyle? = nil,
    fit: BackgroundFit? = nil, soundVolume: Double? = nil
  ) {
    self.url = url
    self.videoAssetId = videoAssetId
    self.playStyle = playStyle
    self.fit = fit
    self.soundVolume = soundVolume
  }

  enum CodingKeys: String, CodingKey {
    case url
    case videoAssetId = "video_asset_id"
    case playStyle = "play_style"
    case fit
    case soundVolume = "sound_volume"
  }
}

/// `video_inputs[].text`: a text overlay drawn over the scene.
public struct TextOverlay: Codable, Sendable, Equatable {
  public var text: String
  public var fontFamily: String?
  public var fontSize: Double?
  public var fontWeight: String?
  public var color: String?
  /// Position of the text box's top-left corner in units of the frame (0…1).
  public var position: Offset?
  public var textAlign: String?
  public var lineHeight: Double?
  /// Width of the text box in units of the frame (0…1).
  public var width: Double?

  public init(
    text: String, fontFamily: String? = nil, fontSize: Double? = nil, fontWeight: String? = nil,
    color: String? = nil, position: Offset? = nil, textAlign: String? = nil,
    lineHeight: Double? = nil, width: Double? = nil
  ) {
    self.text = text
    self.fontFamily = fontFamily
    self.fontSize = fontSize
    self.fontWeight = fontWeight
    self.color = color
    self.position = position
    self.textAlign = textAlign
    self.lineHeight = lineHeight
    self.width = width
  }

  enum CodingKeys: String, CodingKey {
    case text
    case fontFamily = "font_family"
    case fontSize = "font_size"
    case fontWeight = "font_weight"
    case color, position
    case textAlign = "text_align"
    case lineHeight = "line_height"
    case width
  }
}
