/// `video_inputs[].character`: an avatar or a talking photo, told apart by `type`.
public enum Character: Codable, Sendable, Equatable {
  case avatar(AvatarCharacter)
  case talkingPhoto(TalkingPhotoCharacter)

  enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: TypeKey.self)
    let type = try c.decodeIfPresent(String.self, forKey: .type) ?? "avatar"
    switch type {
    case "avatar": self = .avatar(try AvatarCharacter(from: decoder))
    case "talking_photo": self = .talkingPhoto(try TalkingPhotoCharacter(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: c,
        debugDescription: "unknown character type \"\(type)\" (expected avatar or talking_photo)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: TypeKey.self)
    switch self {
    case .avatar(let avatar):
      try c.encode("avatar", forKey: .type)
      try avatar.encode(to: encoder)
    case .talkingPhoto(let photo):
      try c.encode("talking_photo", forKey: .type)
      try photo.encode(to: encoder)
    }
  }
}

/// How the avatar is framed.
public enum AvatarStyle: String, Codable, Sendable, Equatable, CaseIterable {
  case normal
  case closeUp
  case circle
}

public struct AvatarCharacter: Codable, Sendable, Equatable {
  public var avatarId: String
  public var avatarStyle: AvatarStyle?
  public var scale: Double?
  public var offset: Offset?
  public var matting: Bool?
  public var circleBackgroundColor: String?

  public init(
    avatarId: String, avatarStyle: AvatarStyle? = nil, scale: Double? = nil,
    offset: Offset? = nil, matting: Bool? = nil, circleBackgroundColor: String? = nil
  ) {
    self.avatarId = avatarId
    self.avatarStyle = avatarStyle
    self.scale = scale
    self.offset = offset
    self.matting = matting
    self.circleBackgroundColor = circleBackgroundColor
  }

  enum CodingKeys: String, CodingKey {
    case avatarId = "avatar_id"
    case avatarStyle = "avatar_style"
    case scale
    case offset
    case matting
    case circleBackgroundColor = "circle_background_color"
  }
}

public struct TalkingPhotoCharacter: Codable, Sendable, Equatable {
  public var talkingPhotoId: String
  public var talkingPhotoStyle: String?
  public var scale: Double?
  public var offset: Offset?
  public var circleBackgroundColor: String?

  public init(
    talkingPhotoId: String, talkingPhotoStyle: String? = nil, scale: Double? = nil,
    offset: Offset? = nil, circleBackgroundColor: String? = nil
  ) {
    self.talkingPhotoId = talkingPhotoId
    self.talkingPhotoStyle = talkingPhotoStyle
    self.scale = scale
    self.offset = offset
    self.circleBackgroundColor = circleBackgroundColor
  }

  enum CodingKeys: String, CodingKey {
    case talkingPhotoId = "talking_photo_id"
    case talkingPhotoStyle = "talking_photo_style"
    case scale
    case offset
    case circleBackgroundColor = "circle_background_color"
  }
}
