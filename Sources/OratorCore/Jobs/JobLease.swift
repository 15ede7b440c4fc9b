/// A worker's claim on a job, good until `expiresAt` unless renewed by a heartbeat. Every
/// call that changes the job presents the lease; the store accepts it only while
/// `fencingToken` is still the job's newest, so a worker that stalled and came back cannot
/// overwrite the result of the worker that took over. Codable so that remote workers can
/// carry it over HTTP.
public struct JobLease: Sendable, Equatable, Codable {
  public var jobId: ResourceID
  public var videoId: ResourceID
  /// The video's owner, to read the video with `Store.video(id:account:)`.
  public var accountId: ResourceID
  public var owner: String
  public var fencingToken: Int64
  /// Unix seconds.
  public var expiresAt: Int
  /// 1 for the first attempt.
  public var attempt: Int

  public init(
    jobId: ResourceID, videoId: ResourceID, accountId: ResourceID, owner: String,
    fencingToken: Int64, expiresAt: Int, attempt: Int
  ) {
    self.jobId = jobId
    self.videoId = videoId
    self.accountId = accountId
    self.owner = owner
    self.fencingToken = fencingToken
    self.expiresAt = expiresAt
    self.attempt = attempt
  }
}
