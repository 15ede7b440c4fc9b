/// One unit of render work in the queue. A job is written together with its video, so a
/// video that exists always has its job: nothing submitted is lost.
public struct JobRecord: Sendable, Equatable, Codable {
  public var id: ResourceID
  public var videoId: ResourceID
  public var accountId: ResourceID
  public var state: JobState
  /// Unix seconds before which the job is not handed out (backoff after a failure).
  public var runAfter: Int
  /// Attempts started so far.
  public var attempt: Int
  /// The worker holding the lease, while leased.
  public var owner: String?
  /// Grows with every lease, so a worker whose lease was taken over cannot finish the job.
  public var fencingToken: Int64
  /// Unix seconds, while leased.
  public var leaseExpiresAt: Int?
  /// Unix seconds.
  public var createdAt: Int

  public init(
    id: ResourceID, videoId: ResourceID, accountId: ResourceID, state: JobState = .queued,
    runAfter: Int, attempt: Int = 0, owner: String? = nil, fencingToken: Int64 = 0,
    leaseExpiresAt: Int? = nil, createdAt: Int
  ) {
    self.id = id
    self.videoId = videoId
    self.accountId = accountId
    self.state = state
    self.runAfter = runAfter
    self.attempt = attempt
    self.owner = owner
    self.fencingToken = fencingToken
    self.leaseExpiresAt = leaseExpiresAt
    self.createdAt = createdAt
  }

  /// A job for `video`, runnable at once.
  public static func queued(id: ResourceID, for video: VideoRecord) -> JobRecord {
    JobRecord(
      id: id, videoId: video.id, accountId: video.accountId, runAfter: video.createdAt,
      createdAt: video.createdAt)
  }
}

extension JobRecord {
  /// The lease this job is held under; nil unless leased.
  public var lease: JobLease? {
    guard state == .leased, let owner, let leaseExpiresAt else { return nil }
    return JobLease(
      jobId: id, videoId: videoId, accountId: accountId, owner: owner,
      fencingToken: fencingToken, expiresAt: leaseExpiresAt, attempt: attempt)
  }
}
