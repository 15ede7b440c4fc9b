import Foundation

/// A video as the store keeps it: the request that asked for it, where it is, and what came
/// out. The request stays raw JSON so that a later version reads it as it was sent.
public struct VideoRecord: Sendable, Equatable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var kind: VideoKind
  public var title: String
  public var status: VideoStatus
  /// The request body as received (`POST /v2/video/generate` or a translate request).
  public var request: Data
  public var callbackId: String?
  public var callbackUrl: String?
  /// HeyGen's `test: true`: rendered, watermarked, and free.
  public var isTest: Bool
  /// `caption: true`: captions files and a captioned copy are made.
  public var caption: Bool
  /// Unix seconds.
  public var createdAt: Int
  /// Unix seconds.
  public var updatedAt: Int
  /// Seconds of video, once completed.
  public var duration: Double?
  public var failure: VideoFailure?
  public var files: VideoFiles
  /// Credit seconds held back for this video while it renders; zero once settled.
  public var reservedCredit: Int
  /// Credit seconds charged for the finished video.
  public var chargedCredit: Int
  /// The source's language as a translation recognised it (see `VideoResult`).
  public var spokenLanguage: String?
  /// When `POST /v1/video/share` made its public page available; nil while it has none.
  public var sharedAt: Int?
  /// How far the current render is, 0…1, as its worker last reported; nil before any report.
  public var progress: Double?

  public init(
    id: ResourceID, accountId: ResourceID, kind: VideoKind = .generated, title: String,
    status: VideoStatus = .pending, request: Data, callbackId: String? = nil,
    callbackUrl: String? = nil, isTest: Bool = false, caption: Bool = false, createdAt: Int,
    updatedAt: Int? = nil, duration: Double? = nil, failure: VideoFailure? = nil,
    files: VideoFiles = VideoFiles(), reservedCredit: Int = 0, chargedCredit: Int = 0,
    spokenLanguage: String? = nil, sharedAt: Int? = nil, progress: Double? = nil
  ) {
    self.id = id
    self.accountId = accountId
    self.kind = kind
    self.title = title
    self.status = status
    self.request = request
    self.callbackId = callbackId
    self.callbackUrl = callbackUrl
    self.isTest = isTest
    self.caption = caption
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.duration = duration
    self.failure = failure
    self.files = files
    self.reservedCredit = reservedCredit
    self.chargedCredit = chargedCredit
    self.spokenLanguage = spokenLanguage
    self.sharedAt = sharedAt
    self.progress = progress
  }
}

extension VideoRecord {
  /// The video as a store writes it together with its first job, which must be queued and
  /// belong to this video and account. A test video is free, so it holds no credit back.
  public func preparedForCreation(with job: JobRecord) throws(StoreError) -> VideoRecord {
    guard job.videoId == id, job.accountId == accountId else {
      throw .invalidRecord("job \(job.id) is not for video \(id) of its account")
    }
    guard job.state == .queued else {
      throw .invalidRecord("a new job must be queued, not \(job.state.rawValue)")
    }
    var video = self
    if video.isTest { video.reservedCredit = 0 }
    return video
  }
}
