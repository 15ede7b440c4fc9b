/// `data` of `POST /v2/video/generate`.
public struct VideoGenerateResult: Codable, Sendable, Equatable {
  public var videoId: String

  public init(videoId: String) { self.videoId = videoId }

  enum CodingKeys: String, CodingKey { case videoId = "video_id" }
}

/// `data.error` of a failed video: an integer code, as HeyGen sends it.
public struct VideoErrorDetail: Codable, Sendable, Equatable {
  public var code: Int
  public var message: String
  public var detail: String

  public init(code: Int, message: String, detail: String) {
    self.code = code
    self.message = message
    self.detail = detail
  }
}

/// `data` of `GET /v1/video_status.get`. Every key is always present, null when unknown.
public struct VideoStatusData: Codable, Sendable, Equatable {
  public var id: String
  public var status: String
  public var videoUrl: String?
  public var thumbnailUrl: String?
  public var gifUrl: String?
  public var captionUrl: String?
  public var videoUrlCaption: String?
  public var duration: Double?
  public var createdAt: Int
  public var callbackId: String?
  public var error: VideoErrorDetail?
  /// How far the render is, 0…1; null once failed (Orator's addition).
  public var progress: Double?

  public init(
    id: String, status: String, videoUrl: String? = nil, thumbnailUrl: String? = nil,
    gifUrl: String? = nil, captionUrl: String? = nil, videoUrlCaption: String? = nil,
    duration: Double? = nil, createdAt: Int, callbackId: String? = nil,
    error: VideoErrorDetail? = nil, progress: Double? = nil
  ) {
    self.id = id
    self.status = status
    self.videoUrl = videoUrl
    self.thumbnailUrl = thumbnailUrl
    self.gifUrl = gifUrl
    self.captionUrl = captionUrl
    self.videoUrlCaption = videoUrlCaption
    self.duration = duration
    self.createdAt = createdAt
    self.callbackId = callbackId
    self.error = error
    self.progress = progress
  }

  enum CodingKeys: String, CodingKey {
    case id, status, progress
    case videoUrl = "video_url"
    case thumbnailUrl = "thumbnail_url"
    case gifUrl = "gif_url"
    case captionUrl = "caption_url"
    case videoUrlCaption = "video_url_caption"
    case duration
    case createdAt = "created_at"
    case callbackId = "callback_id"
    case error
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(status, forKey: .status)
    try c.encode(videoUrl, forKey: .videoUrl)
    try c.encode(thumbnailUrl, forKey: .thumbnailUrl)
    try c.encode(gifUrl, forKey: .gifUrl)
    try c.encode(captionUrl, forKey: .captionUrl)
    try c.encode(videoUrlCaption, forKey: .videoUrlCaption)
    try c.encode(duration, forKey: .duration)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encode(callbackId, forKey: .callbackId)
    try c.encode(error, forKey: .error)
    try c.encode(progress, forKey: .progress)
  }
}

/// One row of `GET /v1/video.list`.
public struct VideoListItem: Codable, Sendable, Equatable {
  public var videoId: String
  public var videoTitle: String
  public var status: String
  public var createdAt: Int
  public var type: String

  public init(videoId: String, videoTitle: String, status: String, createdAt: Int, type: String) {
    self.videoId = videoId
    self.videoTitle = videoTitle
    self.status = status
    self.createdAt = createdAt
    self.type = type
  }

  enum CodingKeys: String, CodingKey {
    case videoId = "video_id"
    case videoTitle = "video_title"
    case status
    case createdAt = "created_at"
    case type
  }
}

/// `data` of `GET /v1/video.list`: a page and the token of the next one (null at the end).
public struct VideoListData: Codable, Sendable, Equatable {
  public var videos: [VideoListItem]
  public var token: String?

  public init(videos: [VideoListItem], token: String?) {
    self.videos = videos
    self.token = token
  }

  enum CodingKeys: String, CodingKey { case videos, token }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(videos, forKey: .videos)
    try c.encode(token, forKey: .token)
  }
}

/// Body of `POST /v1/video/share` and `DELETE /v1/video.delete`.
public struct VideoIdBody: Codable, Sendable, Equatable {
  public var videoId: String?

  public init(videoId: String?) { self.videoId = videoId }

  enum CodingKeys: String, CodingKey { case videoId = "video_id" }
}
