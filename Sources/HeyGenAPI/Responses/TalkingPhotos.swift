/// `data` of `POST /v1/talking_photo`.
public struct UploadedTalkingPhoto: Codable, Sendable, Equatable {
  public var talkingPhotoId: String
  /// A link to the stored picture.
  public var talkingPhotoUrl: String

  public init(talkingPhotoId: String, talkingPhotoUrl: String) {
    self.talkingPhotoId = talkingPhotoId
    self.talkingPhotoUrl = talkingPhotoUrl
  }

  enum CodingKeys: String, CodingKey {
    case talkingPhotoId = "talking_photo_id"
    case talkingPhotoUrl = "talking_photo_url"
  }
}

/// `data` of `GET /v1/talking_photo.list`.
public struct TalkingPhotoSummaryList: Codable, Sendable, Equatable {
  public var list: [TalkingPhotoSummary]

  public init(list: [TalkingPhotoSummary]) {
    self.list = list
  }
}

/// One photo of `GET /v1/talking_photo.list`: HeyGen's SDK reads `id`, `image_url` and
/// `circle_image`; the names `/v2/avatars` uses come along for clients that read those.
public struct TalkingPhotoSummary: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var imageUrl: String
  public var circleImage: String

  public init(id: String, name: String, imageUrl: String, circleImage: String) {
    self.id = id
    self.name = name
    self.imageUrl = imageUrl
    self.circleImage = circleImage
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case imageUrl = "image_url"
    case circleImage = "circle_image"
    case talkingPhotoId = "talking_photo_id"
    case talkingPhotoName = "talking_photo_name"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id =
      try c.decodeIfPresent(String.self, forKey: .id)
      ?? c.decode(String.self, forKey: .talkingPhotoId)
    name =
      try c.decodeIfPresent(String.self, forKey: .name) ?? c.decodeIfPresent(
        String.self, forKey: .talkingPhotoName) ?? ""
    imageUrl = try c.decode(String.self, forKey: .imageUrl)
    circleImage = try c.decodeIfPresent(String.self, forKey: .circleImage) ?? imageUrl
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(imageUrl, forKey: .imageUrl)
    try c.encode(circleImage, forKey: .circleImage)
    try c.encode(id, forKey: .talkingPhotoId)
    try c.encode(name, forKey: .talkingPhotoName)
  }
}

/// `data` of `DELETE /v2/talking_photo/<id>`.
public struct TalkingPhotoDeleted: Codable, Sendable, Equatable {
  public var talkingPhotoId: String

  public init(talkingPhotoId: String) {
    self.talkingPhotoId = talkingPhotoId
  }

  enum CodingKeys: String, CodingKey {
    case talkingPhotoId = "talking_photo_id"
  }
}
