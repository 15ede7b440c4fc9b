// Shapes of `/v2/avatars`, `/v2/avatar/<id>/details` and the avatar group endpoints.
// Every key is always encoded, nulls included: strict clients (pydantic, serde) reject
// missing ones.

/// `data` of `GET /v2/avatars`: `talking_photos` is always an array, never null.
public struct AvatarListData: Codable, Sendable, Equatable {
  public var avatars: [AvatarListItem]
  public var talkingPhotos: [TalkingPhotoListItem]

  public init(avatars: [AvatarListItem], talkingPhotos: [TalkingPhotoListItem] = []) {
    self.avatars = avatars
    self.talkingPhotos = talkingPhotos
  }

  enum CodingKeys: String, CodingKey {
    case avatars
    case talkingPhotos = "talking_photos"
  }
}

/// One item of `data.talking_photos` in `GET /v2/avatars`.
public struct TalkingPhotoListItem: Codable, Sendable, Equatable {
  public var talkingPhotoId: String
  public var talkingPhotoName: String
  public var previewImageUrl: String

  public init(talkingPhotoId: String, talkingPhotoName: String, previewImageUrl: String) {
    self.talkingPhotoId = talkingPhotoId
    self.talkingPhotoName = talkingPhotoName
    self.previewImageUrl = previewImageUrl
  }

  enum CodingKeys: String, CodingKey {
    case talkingPhotoId = "talking_photo_id"
    case talkingPhotoName = "talking_photo_name"
    case previewImageUrl = "preview_image_url"
  }
}

/// `data` of `GET /v2/avatar/<avatar_id>/details`.
public struct AvatarDetails: Codable, Sendable, Equatable {
  /// Always `"avatar"`.
  public var type: String
  public var id: String
  public var name: String
  public var gender: String
  public var previewImageUrl: String
  public var previewVideoUrl: String
  public var premium: Bool
  public var isPublic: Bool
  public var defaultVoiceId: String?
  public var tags: [String]

  public init(
    type: String = "avatar", id: String, name: String, gender: String, previewImageUrl: String,
    previewVideoUrl: String, premium: Bool = false, isPublic: Bool = true, defaultVoiceId: String?,
    tags: [String]
  ) {
    self.type = type
    self.id = id
    self.name = name
    self.gender = gender
    self.previewImageUrl = previewImageUrl
    self.previewVideoUrl = previewVideoUrl
    self.premium = premium
    self.isPublic = isPublic
    self.defaultVoiceId = defaultVoiceId
    self.tags = tags
  }

  enum CodingKeys: String, CodingKey {
    case type, id, name, gender
    case previewImageUrl = "preview_image_url"
    case previewVideoUrl = "preview_video_url"
    case premium
    case isPublic = "is_public"
    case defaultVoiceId = "default_voice_id"
    case tags
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(type, forKey: .type)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(gender, forKey: .gender)
    try c.encode(previewImageUrl, forKey: .previewImageUrl)
    try c.encode(previewVideoUrl, forKey: .previewVideoUrl)
    try c.encode(premium, forKey: .premium)
    try c.encode(isPublic, forKey: .isPublic)
    try c.encode(defaultVoiceId, forKey: .defaultVoiceId)
    try c.encode(tags, forKey: .tags)
  }
}

/// One item of `data.avatar_group_list` in `GET /v2/avatar_group.list`.
public struct AvatarGroup: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var createdAt: Int
  public var numLooks: Int
  public var previewImage: String
  /// `PUBLIC` for the presenters Orator ships with.
  public var groupType: String
  public var trainStatus: String?
  public var defaultVoiceId: String?

  public init(
    id: String, name: String, createdAt: Int, numLooks: Int, previewImage: String,
    groupType: String, trainStatus: String?, defaultVoiceId: String?
  ) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
    self.numLooks = numLooks
    self.previewImage = previewImage
    self.groupType = groupType
    self.trainStatus = trainStatus
    self.defaultVoiceId = defaultVoiceId
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case createdAt = "created_at"
    case numLooks = "num_looks"
    case previewImage = "preview_image"
    case groupType = "group_type"
    case trainStatus = "train_status"
    case defaultVoiceId = "default_voice_id"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encode(numLooks, forKey: .numLooks)
    try c.encode(previewImage, forKey: .previewImage)
    try c.encode(groupType, forKey: .groupType)
    try c.encode(trainStatus, forKey: .trainStatus)
    try c.encode(defaultVoiceId, forKey: .defaultVoiceId)
  }
}

/// `data` of `GET /v2/avatar_group.list`.
public struct AvatarGroupListData: Codable, Sendable, Equatable {
  public var totalCount: Int
  public var avatarGroupList: [AvatarGroup]

  public init(avatarGroupList: [AvatarGroup]) {
    self.totalCount = avatarGroupList.count
    self.avatarGroupList = avatarGroupList
  }

  enum CodingKeys: String, CodingKey {
    case totalCount = "total_count"
    case avatarGroupList = "avatar_group_list"
  }
}

/// One look of `data.avatar_list` in `GET /v2/avatar_group/<id>/avatars`. Carries both key
/// sets seen in the wild: the avatar shape of `/v2/avatars` (read by HeyGen's MCP server)
/// and the look keys of HeyGen's reference (`id`, `image_url`, `name`, `status`, …).
public struct AvatarGroupLook: Codable, Sendable, Equatable {
  public var avatar: AvatarListItem
  public var groupId: String
  public var createdAt: Int
  /// `completed` for every built-in look.
  public var status: String
  public var isMotion: Bool
  public var motionPreviewUrl: String?

  public init(
    avatar: AvatarListItem, groupId: String, createdAt: Int, status: String = "completed",
    isMotion: Bool = false, motionPreviewUrl: String? = nil
  ) {
    self.avatar = avatar
    self.groupId = groupId
    self.createdAt = createdAt
    self.status = status
    self.isMotion = isMotion
    self.motionPreviewUrl = motionPreviewUrl
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case imageUrl = "image_url"
    case groupId = "group_id"
    case createdAt = "created_at"
    case status
    case isMotion = "is_motion"
    case motionPreviewUrl = "motion_preview_url"
  }

  public init(from decoder: any Decoder) throws {
    avatar = try AvatarListItem(from: decoder)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    groupId = try c.decode(String.self, forKey: .groupId)
    createdAt = try c.decode(Int.self, forKey: .createdAt)
    status = try c.decode(String.self, forKey: .status)
    isMotion = try c.decode(Bool.self, forKey: .isMotion)
    motionPreviewUrl = try c.decodeIfPresent(String.self, forKey: .motionPreviewUrl)
  }

  public func encode(to encoder: any Encoder) throws {
    try avatar.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(avatar.avatarId, forKey: .id)
    try c.encode(avatar.avatarName, forKey: .name)
    try c.encode(avatar.previewImageUrl, forKey: .imageUrl)
    try c.encode(groupId, forKey: .groupId)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encode(status, forKey: .status)
    try c.encode(isMotion, forKey: .isMotion)
    try c.encode(motionPreviewUrl, forKey: .motionPreviewUrl)
  }
}

/// `data` of `GET /v2/avatar_group/<id>/avatars`.
public struct AvatarGroupLooksData: Codable, Sendable, Equatable {
  public var avatarList: [AvatarGroupLook]

  public init(avatarList: [AvatarGroupLook]) {
    self.avatarList = avatarList
  }

  enum CodingKeys: String, CodingKey {
    case avatarList = "avatar_list"
  }
}
