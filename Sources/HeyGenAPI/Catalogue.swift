// Shapes of the avatar and voice catalogue as `/v2/avatars` and `/v2/voices` serve them.
// Every key is always present: strict clients (pydantic, serde) reject missing ones.

/// One item of `data.avatars` in `GET /v2/avatars`.
public struct AvatarListItem: Codable, Sendable, Equatable {
  public var avatarId: String
  public var avatarName: String
  public var gender: String
  public var previewImageUrl: String
  public var previewVideoUrl: String
  public var premium: Bool
  public var type: String?
  public var tags: [String]
  public var defaultVoiceId: String?

  public init(
    avatarId: String, avatarName: String, gender: String, previewImageUrl: String,
    previewVideoUrl: String, premium: Bool = false, type: String? = "avatar", tags: [String],
    defaultVoiceId: String?
  ) {
    self.avatarId = avatarId
    self.avatarName = avatarName
    self.gender = gender
    self.previewImageUrl = previewImageUrl
    self.previewVideoUrl = previewVideoUrl
    self.premium = premium
    self.type = type
    self.tags = tags
    self.defaultVoiceId = defaultVoiceId
  }

  enum CodingKeys: String, CodingKey {
    case avatarId = "avatar_id"
    case avatarName = "avatar_name"
    case gender
    case previewImageUrl = "preview_image_url"
    case previewVideoUrl = "preview_video_url"
    case premium, type, tags
    case defaultVoiceId = "default_voice_id"
  }

  /// Lenient where HeyGen's own catalogue is: `premium`, `type`, `tags` and
  /// `default_voice_id` may be missing or null there.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    avatarId = try c.decode(String.self, forKey: .avatarId)
    avatarName = try c.decodeIfPresent(String.self, forKey: .avatarName) ?? avatarId
    gender = try c.decodeIfPresent(String.self, forKey: .gender) ?? "unknown"
    previewImageUrl = try c.decodeIfPresent(String.self, forKey: .previewImageUrl) ?? ""
    previewVideoUrl = try c.decodeIfPresent(String.self, forKey: .previewVideoUrl) ?? ""
    premium = try c.decodeIfPresent(Bool.self, forKey: .premium) ?? false
    type = try c.decodeIfPresent(String.self, forKey: .type)
    tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
    defaultVoiceId = try c.decodeIfPresent(String.self, forKey: .defaultVoiceId)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(avatarId, forKey: .avatarId)
    try c.encode(avatarName, forKey: .avatarName)
    try c.encode(gender, forKey: .gender)
    try c.encode(previewImageUrl, forKey: .previewImageUrl)
    try c.encode(previewVideoUrl, forKey: .previewVideoUrl)
    try c.encode(premium, forKey: .premium)
    try c.encode(type, forKey: .type)
    try c.encode(tags, forKey: .tags)
    try c.encode(defaultVoiceId, forKey: .defaultVoiceId)
  }
}

/// One item of `data.voices` in `GET /v2/voices`.
public struct VoiceListItem: Codable, Sendable, Equatable {
  public var voiceId: String
  public var language: String
  public var gender: String
  public var name: String
  public var previewAudio: String
  public var supportPause: Bool
  public var emotionSupport: Bool
  public var supportInteractiveAvatar: Bool
  /// BCP 47 tag of the voice, e.g. `en-US` (an extension HeyGen clients ignore).
  public var locale: String

  public init(
    voiceId: String, language: String, gender: String, name: String, previewAudio: String,
    supportPause: Bool = true, emotionSupport: Bool = false,
    supportInteractiveAvatar: Bool = false, locale: String
  ) {
    self.voiceId = voiceId
    self.language = language
    self.gender = gender
    self.name = name
    self.previewAudio = previewAudio
    self.supportPause = supportPause
    self.emotionSupport = emotionSupport
    self.supportInteractiveAvatar = supportInteractiveAvatar
    self.locale = locale
  }

  enum CodingKeys: String, CodingKey {
    case voiceId = "voice_id"
    case language, gender, name
    case previewAudio = "preview_audio"
    case supportPause = "support_pause"
    case emotionSupport = "emotion_support"
    case supportInteractiveAvatar = "support_interactive_avatar"
    case locale
  }

  /// Lenient where HeyGen's own list is: no `locale` there, and the flags may be missing.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    voiceId = try c.decode(String.self, forKey: .voiceId)
    language = try c.decodeIfPresent(String.self, forKey: .language) ?? ""
    gender = try c.decodeIfPresent(String.self, forKey: .gender) ?? "unknown"
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? voiceId
    previewAudio = try c.decodeIfPresent(String.self, forKey: .previewAudio) ?? ""
    supportPause = try c.decodeIfPresent(Bool.self, forKey: .supportPause) ?? false
    emotionSupport = try c.decodeIfPresent(Bool.self, forKey: .emotionSupport) ?? false
    supportInteractiveAvatar =
      try c.decodeIfPresent(Bool.self, forKey: .supportInteractiveAvatar) ?? false
    locale = try c.decodeIfPresent(String.self, forKey: .locale) ?? ""
  }
}

/// The `--list --json` output of `orator render` and the union of the two list endpoints.
public struct CatalogueListing: Codable, Sendable, Equatable {
  public var avatars: [AvatarListItem]
  public var voices: [VoiceListItem]

  public init(avatars: [AvatarListItem], voices: [VoiceListItem]) {
    self.avatars = avatars
    self.voices = voices
  }
}
