/// An avatar group of `GET /v3/avatars`: one person.
public struct V3AvatarGroup: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var createdAt: Int
  public var looksCount: Int
  public var gender: String?
  public var defaultVoiceId: String?
  public var previewImageUrl: String?
  public var previewVideoUrl: String?

  public init(
    id: String, name: String, createdAt: Int, looksCount: Int, gender: String?,
    defaultVoiceId: String?, previewImageUrl: String?, previewVideoUrl: String?
  ) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
    self.looksCount = looksCount
    self.gender = gender
    self.defaultVoiceId = defaultVoiceId
    self.previewImageUrl = previewImageUrl
    self.previewVideoUrl = previewVideoUrl
  }

  enum CodingKeys: String, CodingKey {
    case id, name, gender
    case createdAt = "created_at"
    case looksCount = "looks_count"
    case defaultVoiceId = "default_voice_id"
    case previewImageUrl = "preview_image_url"
    case previewVideoUrl = "preview_video_url"
  }
}

/// A look of `GET /v3/avatars/looks`: its `id` is what `POST /v3/videos` takes as `avatar_id`.
public struct V3AvatarLook: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  /// `studio_avatar`, `digital_twin` or `photo_avatar`.
  public var avatarType: String
  public var groupId: String?
  public var gender: String?
  public var defaultVoiceId: String?
  public var previewImageUrl: String?
  public var previewVideoUrl: String?
  public var imageWidth: Int?
  public var imageHeight: Int?
  /// `portrait`, `landscape` or `square`.
  public var preferredOrientation: String?
  public var supportedApiEngines: [String]
  public var tags: [String]

  public init(
    id: String, name: String, avatarType: String, groupId: String?, gender: String?,
    defaultVoiceId: String?, previewImageUrl: String?, previewVideoUrl: String?,
    imageWidth: Int?, imageHeight: Int?, preferredOrientation: String?,
    supportedApiEngines: [String], tags: [String]
  ) {
    self.id = id
    self.name = name
    self.avatarType = avatarType
    self.groupId = groupId
    self.gender = gender
    self.defaultVoiceId = defaultVoiceId
    self.previewImageUrl = previewImageUrl
    self.previewVideoUrl = previewVideoUrl
    self.imageWidth = imageWidth
    self.imageHeight = imageHeight
    self.preferredOrientation = preferredOrientation
    self.supportedApiEngines = supportedApiEngines
    self.tags = tags
  }

  enum CodingKeys: String, CodingKey {
    case id, name, gender, tags
    case avatarType = "avatar_type"
    case groupId = "group_id"
    case defaultVoiceId = "default_voice_id"
    case previewImageUrl = "preview_image_url"
    case previewVideoUrl = "preview_video_url"
    case imageWidth = "image_width"
    case imageHeight = "image_height"
    case preferredOrientation = "preferred_orientation"
    case supportedApiEngines = "supported_api_engines"
  }
}

/// A voice of `GET /v3/voices` and `GET /v3/voices/{id}`.
public struct V3Voice: Codable, Sendable, Equatable {
  public var voiceId: String
  public var name: String
  public var language: String
  public var gender: String
  /// `public` or `private`.
  public var type: String
  public var supportPause: Bool
  public var supportLocale: Bool
  public var previewAudioUrl: String?
  /// Orator's extension: the engine that speaks the voice, as `?engine=` filters it.
  public var engine: String?
  /// Orator's extension: the voice's BCP 47 locale.
  public var locale: String?

  public init(
    voiceId: String, name: String, language: String, gender: String, type: String,
    supportPause: Bool, supportLocale: Bool, previewAudioUrl: String?, engine: String?,
    locale: String?
  ) {
    self.voiceId = voiceId
    self.name = name
    self.language = language
    self.gender = gender
    self.type = type
    self.supportPause = supportPause
    self.supportLocale = supportLocale
    self.previewAudioUrl = previewAudioUrl
    self.engine = engine
    self.locale = locale
  }

  enum CodingKeys: String, CodingKey {
    case name, language, gender, type, engine, locale
    case voiceId = "voice_id"
    case supportPause = "support_pause"
    case supportLocale = "support_locale"
    case previewAudioUrl = "preview_audio_url"
  }
}

/// The body of `POST /v3/avatars`: a union on `type`; Orator makes `photo` avatars (a talking
/// photo as a group with one look).
public struct V3AvatarCreateRequest: Decodable, Sendable, Equatable {
  public var type: String
  public var name: String?
  public var file: V3AssetInput?
  public var avatarGroupId: String?

  enum CodingKeys: String, CodingKey {
    case type, name, file
    case avatarGroupId = "avatar_group_id"
  }
}

/// `data` of `POST /v3/avatars`.
public struct V3AvatarCreated: Codable, Sendable, Equatable {
  public var avatarGroup: V3AvatarGroup
  public var avatarItem: V3AvatarLook

  public init(avatarGroup: V3AvatarGroup, avatarItem: V3AvatarLook) {
    self.avatarGroup = avatarGroup
    self.avatarItem = avatarItem
  }

  enum CodingKeys: String, CodingKey {
    case avatarGroup = "avatar_group"
    case avatarItem = "avatar_item"
  }
}

/// `PATCH /v3/avatars/looks/{look_id}`: what may change of a look.
public struct V3LookUpdate: Decodable, Sendable, Equatable {
  public var name: String?
}
