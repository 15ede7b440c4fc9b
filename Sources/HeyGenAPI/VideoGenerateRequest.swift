// Wire types of `POST /v2/video/generate`. Hand-written so that decoding can be as lenient as
// real HeyGen clients need: explicit nulls, unknown keys, `dimensions` for `dimension`,
// `elevanlabs_settings` for `elevenlabs_settings`.

/// The body of `POST /v2/video/generate`.
public struct VideoGenerateRequest: Codable, Sendable, Equatable {
  public var videoInputs: [VideoInput]
  public var dimension: Dimension?
  public var caption: Bool?
  public var captionMode: String?
  public var title: String?
  public var callbackId: String?
  public var callbackUrl: String?
  public var folderId: String?
  public var test: Bool?
  public var aspectRatio: String?
  public var fps: Double?
  public var enableWatermark: Bool?
  /// A picture over every frame (Orator's extension; v3's `watermark`).
  public var watermark: ImageWatermark?

  public init(
    videoInputs: [VideoInput], dimension: Dimension? = nil, caption: Bool? = nil,
    captionMode: String? = nil, title: String? = nil, callbackId: String? = nil,
    callbackUrl: String? = nil, folderId: String? = nil, test: Bool? = nil,
    aspectRatio: String? = nil, fps: Double? = nil, enableWatermark: Bool? = nil,
    watermark: ImageWatermark? = nil
  ) {
    self.videoInputs = videoInputs
    self.dimension = dimension
    self.caption = caption
    self.captionMode = captionMode
    self.title = title
    self.callbackId = callbackId
    self.callbackUrl = callbackUrl
    self.folderId = folderId
    self.test = test
    self.aspectRatio = aspectRatio
    self.fps = fps
    self.enableWatermark = enableWatermark
    self.watermark = watermark
  }

  enum CodingKeys: String, CodingKey {
    case videoInputs = "video_inputs"
    case dimension
    case dimensions
    case caption
    case captionMode = "caption_mode"
    case title
    case callbackId = "callback_id"
    case callbackUrl = "callback_url"
    case folderId = "folder_id"
    case test
    case aspectRatio = "aspect_ratio"
    case fps
    case enableWatermark = "enable_watermark"
    case watermark
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    videoInputs = try c.decode([VideoInput].self, forKey: .videoInputs)
    dimension =
      try c.decodeIfPresent(Dimension.self, forKey: .dimension)
      ?? c.decodeIfPresent(Dimension.self, forKey: .dimensions)
    caption = try c.decodeIfPresent(Bool.self, forKey: .caption)
    captionMode = try c.decodeIfPresent(String.self, forKey: .captionMode)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    callbackId = try c.decodeIfPresent(String.self, forKey: .callbackId)
    callbackUrl = try c.decodeIfPresent(String.self, forKey: .callbackUrl)
    folderId = try c.decodeIfPresent(String.self, forKey: .folderId)
    test = try c.decodeIfPresent(Bool.self, forKey: .test)
    aspectRatio = try c.decodeIfPresent(String.self, forKey: .aspectRatio)
    fps = try c.decodeIfPresent(Double.self, forKey: .fps)
    enableWatermark = try c.decodeIfPresent(Bool.self, forKey: .enableWatermark)
    watermark = try c.decodeIfPresent(ImageWatermark.self, forKey: .watermark)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(videoInputs, forKey: .videoInputs)
    try c.encodeIfPresent(dimension, forKey: .dimension)
    try c.encodeIfPresent(caption, forKey: .caption)
    try c.encodeIfPresent(captionMode, forKey: .captionMode)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(callbackId, forKey: .callbackId)
    try c.encodeIfPresent(callbackUrl, forKey: .callbackUrl)
    try c.encodeIfPresent(folderId, forKey: .folderId)
    try c.encodeIfPresent(test, forKey: .test)
    try c.encodeIfPresent(aspectRatio, forKey: .aspectRatio)
    try c.encodeIfPresent(fps, forKey: .fps)
    try c.encodeIfPresent(enableWatermark, forKey: .enableWatermark)
    try c.encodeIfPresent(watermark, forKey: .watermark)
  }
}

/// Output size in pixels.
public struct Dimension: Codable, Sendable, Equatable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  public static let fullHD = Dimension(width: 1920, height: 1080)
}

/// One scene: who speaks, what they say, and what is behind them.
public struct VideoInput: Codable, Sendable, Equatable {
  public var character: Character?
  public var voice: Voice
  public var background: Background?
  public var text: TextOverlay?

  public init(
    character: Character? = nil, voice: Voice, background: Background? = nil,
    text: TextOverlay? = nil
  ) {
    self.character = character
    self.voice = voice
    self.background = background
    self.text = text
  }
}

/// A 2D offset in units of the frame size (HeyGen's `offset`, −1…1 moves a full frame).
public struct Offset: Codable, Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  enum CodingKeys: String, CodingKey { case x, y }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    x = try c.decodeIfPresent(Double.self, forKey: .x) ?? 0
    y = try c.decodeIfPresent(Double.self, forKey: .y) ?? 0
  }
}
