/// The Video resource of `GET /v3/videos/{id}` and `GET /v3/videos`. Translated videos are
/// videos too; they carry `output_language`.
public struct V3Video: Codable, Sendable, Equatable {
  public var id: String
  /// `pending`, `processing`, `completed` or `failed`.
  public var status: String
  public var title: String?
  public var createdAt: Int?
  public var completedAt: Int?
  public var duration: Double?
  public var videoUrl: String?
  public var captionedVideoUrl: String?
  public var subtitleUrl: String?
  public var thumbnailUrl: String?
  public var gifUrl: String?
  public var videoPageUrl: String?
  public var folderId: String?
  public var failureCode: String?
  public var failureMessage: String?
  public var outputLanguage: String?
  /// How far the render is, 0…1 (Orator's addition; clients that do not know it ignore it).
  public var progress: Double?

  public init(
    id: String, status: String, title: String? = nil, createdAt: Int? = nil,
    completedAt: Int? = nil, duration: Double? = nil, videoUrl: String? = nil,
    captionedVideoUrl: String? = nil, subtitleUrl: String? = nil, thumbnailUrl: String? = nil,
    gifUrl: String? = nil, videoPageUrl: String? = nil, folderId: String? = nil,
    failureCode: String? = nil, failureMessage: String? = nil, outputLanguage: String? = nil,
    progress: Double? = nil
  ) {
    self.id = id
    self.status = status
    self.title = title
    self.createdAt = createdAt
    self.completedAt = completedAt
    self.duration = duration
    self.videoUrl = videoUrl
    self.captionedVideoUrl = captionedVideoUrl
    self.subtitleUrl = subtitleUrl
    self.thumbnailUrl = thumbnailUrl
    self.gifUrl = gifUrl
    self.videoPageUrl = videoPageUrl
    self.folderId = folderId
    self.failureCode = failureCode
    self.failureMessage = failureMessage
    self.outputLanguage = outputLanguage
    self.progress = progress
  }

  enum CodingKeys: String, CodingKey {
    case id, status, title, duration, progress
    case createdAt = "created_at"
    case completedAt = "completed_at"
    case videoUrl = "video_url"
    case captionedVideoUrl = "captioned_video_url"
    case subtitleUrl = "subtitle_url"
    case thumbnailUrl = "thumbnail_url"
    case gifUrl = "gif_url"
    case videoPageUrl = "video_page_url"
    case folderId = "folder_id"
    case failureCode = "failure_code"
    case failureMessage = "failure_message"
    case outputLanguage = "output_language"
  }
}

/// What `POST /v3/videos` answers.
public struct V3VideoCreated: Codable, Sendable, Equatable {
  public var videoId: String
  public var status: String
  public var outputFormat: String?

  public init(videoId: String, status: String, outputFormat: String? = "mp4") {
    self.videoId = videoId
    self.status = status
    self.outputFormat = outputFormat
  }

  enum CodingKeys: String, CodingKey {
    case videoId = "video_id"
    case status
    case outputFormat = "output_format"
  }
}

/// One row of `GET /v3/videos/statuses`.
public struct V3VideoStatusItem: Codable, Sendable, Equatable {
  public var videoId: String?
  /// `queued`, `processing`, `completed`, `failed` or `not_found`.
  public var status: String
  public var error: V3StatusError?

  public init(videoId: String?, status: String, error: V3StatusError? = nil) {
    self.videoId = videoId
    self.status = status
    self.error = error
  }

  enum CodingKeys: String, CodingKey {
    case videoId = "video_id"
    case status, error
  }
}

public struct V3StatusError: Codable, Sendable, Equatable {
  public var code: String?
  public var message: String?

  public init(code: String?, message: String?) {
    self.code = code
    self.message = message
  }
}
