/// `data` of `GET /v2/user/remaining_quota`; all four `details` are always present.
public struct RemainingQuota: Codable, Sendable, Equatable {
  public struct Details: Codable, Sendable, Equatable {
    public var api: Int
    public var streamingAvatar: Int
    public var streamingAvatarInstanceQuota: Int
    public var seat: Int

    public init(
      api: Int, streamingAvatar: Int = 0, streamingAvatarInstanceQuota: Int = 0, seat: Int = 0
    ) {
      self.api = api
      self.streamingAvatar = streamingAvatar
      self.streamingAvatarInstanceQuota = streamingAvatarInstanceQuota
      self.seat = seat
    }

    enum CodingKeys: String, CodingKey {
      case api
      case streamingAvatar = "streaming_avatar"
      case streamingAvatarInstanceQuota = "streaming_avatar_instance_quota"
      case seat
    }
  }

  public var remainingQuota: Int
  public var details: Details

  public init(remainingQuota: Int, details: Details) {
    self.remainingQuota = remainingQuota
    self.details = details
  }

  enum CodingKeys: String, CodingKey {
    case remainingQuota = "remaining_quota"
    case details
  }
}

/// `data` of `POST /v1/asset`.
public struct UploadedAsset: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var fileType: String
  public var url: String
  public var imageKey: String?
  public var folderId: String
  public var meta: String?
  public var createdTs: Int

  public init(
    id: String, name: String, fileType: String, url: String, imageKey: String?,
    folderId: String = "", meta: String? = nil, createdTs: Int
  ) {
    self.id = id
    self.name = name
    self.fileType = fileType
    self.url = url
    self.imageKey = imageKey
    self.folderId = folderId
    self.meta = meta
    self.createdTs = createdTs
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case fileType = "file_type"
    case url
    case imageKey = "image_key"
    case folderId = "folder_id"
    case meta
    case createdTs = "created_ts"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(fileType, forKey: .fileType)
    try c.encode(url, forKey: .url)
    try c.encode(imageKey, forKey: .imageKey)
    try c.encode(folderId, forKey: .folderId)
    try c.encode(meta, forKey: .meta)
    try c.encode(createdTs, forKey: .createdTs)
  }
}
