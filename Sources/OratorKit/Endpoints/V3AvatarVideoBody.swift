import HeyGenAPI

/// A generate request as v3's `POST /v3/videos` body of `type: "avatar"`, when v3 can say
/// all of it: one scene, an avatar (its style as a look) or a talking photo (its id is its
/// look's), a script or an audio track, a
/// colour or picture background, a frame size v3's `aspect_ratio` and `resolution` name, and
/// the request's title, captions, callback, folder and test flag. Anything else (several
/// scenes, text overlays, offsets and scales, video backgrounds, other frame
/// sizes, watermarks) makes it nil; ``V3StudioVideoBody`` may say it instead.
struct V3AvatarVideoBody: Encodable {
  var avatarId: String
  var speech: V3SpeechBody
  var background: BackgroundBody?
  var fit: String?
  var options: V3VideoOptionsBody

  struct BackgroundBody: Encodable {
    var type: String
    var value: String?
    var url: String?
    var assetId: String?

    enum CodingKeys: String, CodingKey {
      case type, value, url
      case assetId = "asset_id"
    }
  }

  init?(_ request: VideoGenerateRequest) {
    guard request.videoInputs.count == 1, let scene = request.videoInputs.first,
      scene.text == nil, let options = V3VideoOptionsBody(request),
      let character = scene.character, let lookID = Self.lookID(character),
      let speech = V3SpeechBody(scene.voice)
    else { return nil }

    avatarId = lookID
    self.speech = speech
    self.options = options
    switch scene.background {
    case nil:
      background = nil
    case .color(let value):
      background = BackgroundBody(type: "color", value: value)
    case .image(let image):
      guard image.url != nil || image.imageAssetId != nil else { return nil }
      switch image.fit {
      case nil, .cover: fit = nil
      case .contain: fit = "contain"
      default: return nil
      }
      background = BackgroundBody(type: "image", url: image.url, assetId: image.imageAssetId)
    case .video:
      return nil
    }
  }

  /// The look a character names, or nil when it has what a look cannot say: an offset, a
  /// scale, matting, a circle colour, a talking-photo style. An avatar's style is a look of
  /// its own; a talking photo's id is its look's id (v3 makes each photo a `photo_avatar`
  /// look, and HeyGen's own n8n node sends talking-photo ids as `avatar_id`).
  static func lookID(_ character: Character) -> String? {
    switch character {
    case .avatar(let avatar):
      guard avatar.offset == nil, avatar.scale == nil || avatar.scale == 1,
        avatar.matting != true, avatar.circleBackgroundColor == nil
      else { return nil }
      switch avatar.avatarStyle ?? .normal {
      case .normal: return avatar.avatarId
      case .closeUp: return avatar.avatarId + "-close-up"
      case .circle: return avatar.avatarId + "-circle"
      }
    case .talkingPhoto(let photo):
      guard photo.offset == nil, photo.scale == nil || photo.scale == 1,
        photo.circleBackgroundColor == nil, photo.talkingPhotoStyle == nil
      else { return nil }
      return photo.talkingPhotoId
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("avatar", forKey: .type)
    try c.encode(avatarId, forKey: .avatarId)
    try c.encodeIfPresent(background, forKey: .background)
    try c.encodeIfPresent(fit, forKey: .fit)
    try speech.encode(to: encoder)
    try options.encode(to: encoder)
  }

  enum CodingKeys: String, CodingKey {
    case type, background, fit
    case avatarId = "avatar_id"
  }
}

/// What every v3 create body says besides its scenes: the frame (v3's `aspect_ratio` and
/// `resolution`), title, captions, callback, folder and test flag, encoded flat beside the
/// body's own keys. Nil when the request asks for what v3 has no field for (a caption mode,
/// an aspect ratio of its own, a frame rate, a watermark) or a frame v3 cannot name.
struct V3VideoOptionsBody: Encodable {
  var aspectRatio: String
  var resolution: String
  var title: String?
  var caption: Caption?
  var callbackUrl: String?
  var callbackId: String?
  var folderId: String?
  var test: Bool?

  struct Caption: Encodable {
    var fileFormat = "srt"
    var style = "default"

    enum CodingKeys: String, CodingKey {
      case style
      case fileFormat = "file_format"
    }
  }

  init?(_ request: VideoGenerateRequest) {
    guard request.captionMode == nil, request.aspectRatio == nil, request.fps == nil,
      request.enableWatermark == nil, request.watermark == nil,
      let frame = Self.frame(request.dimension ?? Dimension(width: 1920, height: 1080))
    else { return nil }
    (aspectRatio, resolution) = frame
    title = request.title
    caption = request.caption == true ? Caption() : nil
    callbackUrl = request.callbackUrl
    callbackId = request.callbackId
    folderId = request.folderId
    test = request.test
  }

  /// The `aspect_ratio` and `resolution` that make exactly this frame, if any do.
  static func frame(_ size: Dimension) -> (aspectRatio: String, resolution: String)? {
    for (resolution, short) in [("720p", 720), ("1080p", 1080), ("4k", 2160)] {
      let shapes: [(String, Int, Int)] = [
        ("16:9", short * 16 / 9, short), ("9:16", short, short * 16 / 9), ("1:1", short, short),
        ("4:5", short, short * 5 / 4), ("5:4", short * 5 / 4, short),
      ]
      if let shape = shapes.first(where: { $0.1 == size.width && $0.2 == size.height }) {
        return (shape.0, resolution)
      }
    }
    return nil
  }

  enum CodingKeys: String, CodingKey {
    case resolution, title, caption, test
    case aspectRatio = "aspect_ratio"
    case callbackUrl = "callback_url"
    case callbackId = "callback_id"
    case folderId = "folder_id"
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(aspectRatio, forKey: .aspectRatio)
    try c.encode(resolution, forKey: .resolution)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(caption, forKey: .caption)
    try c.encodeIfPresent(callbackUrl, forKey: .callbackUrl)
    try c.encodeIfPresent(callbackId, forKey: .callbackId)
    try c.encodeIfPresent(folderId, forKey: .folderId)
    try c.encodeIfPresent(test, forKey: .test)
  }
}
