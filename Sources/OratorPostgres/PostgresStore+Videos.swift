import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func createVideo(_ video: VideoRecord, job: JobRecord, maxActive: Int?)
    async throws(StoreError)
  {
    let video = try video.preparedForCreation(with: job)
    try await write { [video] connection in
      // The account row stays locked to the end, so two videos created at once on two
      // nodes cannot both spend the same credit, nor both take the last active slot.
      let remaining = try await Self.requireAccount(video.accountId, lock: true, connection)
      if let maxActive {
        let active = try await Self.activeRenderCount(account: video.accountId, connection)
        if active >= maxActive { throw StoreError.tooManyActiveVideos(active: active) }
      }
      if !video.isTest && video.reservedCredit > remaining {
        throw StoreError.insufficientCredit(needed: video.reservedCredit, remaining: remaining)
      }
      try await Self.insert(video, connection)
      try await Self.insert(job, connection)
      try await connection.run(
        """
        UPDATE accounts SET credit_seconds = credit_seconds - \(video.reservedCredit)
        WHERE id = \(video.accountId.rawValue)
        """)
    }
  }

  public func video(id: ResourceID, account: ResourceID) async throws(StoreError) -> VideoRecord? {
    try await read { connection in try await Self.liveVideo(id: id, account: account, connection) }
  }

  public func listVideos(account: ResourceID, limit: Int, after: VideoPageToken?)
    async throws(StoreError) -> VideoPage
  {
    let limit = min(max(limit, VideoPage.limits.lowerBound), VideoPage.limits.upperBound)
    return try await read { connection in
      // One more than asked tells whether another page follows. Ids are lowercase hex of one
      // length, so every collation orders them as SQLite and Swift's `<` do.
      let query: PostgresQuery =
        if let after {
          """
          SELECT * FROM videos WHERE account_id = \(account.rawValue) AND deleted_at IS NULL
            AND (created_at < \(after.createdAt)
              OR (created_at = \(after.createdAt) AND id < \(after.videoId.rawValue)))
          ORDER BY created_at DESC, id DESC LIMIT \(limit + 1)
          """
        } else {
          """
          SELECT * FROM videos WHERE account_id = \(account.rawValue) AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC LIMIT \(limit + 1)
          """
        }
      var videos = try await connection.all(query).map { row throws(StoreError) in
        try VideoRecord(row: row)
      }
      let more = videos.count > limit
      if more { videos.removeLast() }
      return VideoPage(
        videos: videos, next: more ? videos.last.map(VideoPageToken.init(after:)) : nil)
    }
  }

  public func deleteVideo(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { connection in
      // Jobs first, then the video, then the account: the order claims and completions take
      // their locks in, so a delete and a completion can never wait on each other.
      try await connection.run("SELECT id FROM jobs WHERE video_id = \(id.rawValue) FOR UPDATE")
      guard
        let video = try await Self.liveVideo(id: id, account: account, lock: true, connection)
      else { return nil }
      let now = now.unixSeconds
      try await connection.run(
        "UPDATE videos SET deleted_at = \(now), updated_at = \(now) WHERE id = \(id.rawValue)")
      try await connection.run(
        """
        UPDATE jobs SET state = 'cancelled', owner = NULL, lease_expires_at = NULL,
          updated_at = \(now)
        WHERE video_id = \(id.rawValue) AND state IN ('queued', 'leased')
        """)
      try await Self.releaseReservation(videoId: id, connection)
      return video
    }
  }

  public func shareVideo(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { connection in
      guard let video = try await Self.liveVideo(id: id, account: account, connection) else {
        return nil
      }
      try await connection.run(
        """
        UPDATE videos SET shared_at = COALESCE(shared_at, \(now.unixSeconds))
        WHERE id = \(id.rawValue)
        """)
      return video
    }
  }

  public func renameVideo(id: ResourceID, account: ResourceID, title: String)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { connection in
      guard var video = try await Self.liveVideo(id: id, account: account, connection) else {
        return nil
      }
      try await connection.run("UPDATE videos SET title = \(title) WHERE id = \(id.rawValue)")
      video.title = title
      return video
    }
  }

  public func sharedVideo(id: ResourceID) async throws(StoreError) -> VideoRecord? {
    try await read { connection in
      try await connection.one(
        """
        SELECT * FROM videos
        WHERE id = \(id.rawValue) AND shared_at IS NOT NULL AND deleted_at IS NULL
        """
      ).map { row throws(StoreError) in try VideoRecord(row: row) }
    }
  }

  public func activeRenderCount(account: ResourceID) async throws(StoreError) -> Int {
    try await read { connection in try await Self.activeRenderCount(account: account, connection) }
  }

  static func activeRenderCount(account: ResourceID, _ connection: PostgresConnection)
    async throws -> Int
  {
    try await connection.one(
      """
      SELECT COUNT(*) AS active FROM videos
      WHERE account_id = \(account.rawValue) AND deleted_at IS NULL
        AND status IN ('pending', 'processing')
      """
    ).map { row throws(StoreError) in try row.required("active", as: Int.self) } ?? 0
  }

  static func liveVideo(
    id: ResourceID, account: ResourceID, lock: Bool = false, _ connection: PostgresConnection
  ) async throws -> VideoRecord? {
    let locking = lock ? " FOR UPDATE" : ""
    return try await connection.one(
      """
      SELECT * FROM videos
      WHERE id = \(id.rawValue) AND account_id = \(account.rawValue) AND deleted_at IS NULL\(unescaped: locking)
      """
    ).map { row throws(StoreError) in try VideoRecord(row: row) }
  }

  private static func insert(_ video: VideoRecord, _ connection: PostgresConnection) async throws {
    let files = video.files
    try await connection.run(
      """
      INSERT INTO videos (
        id, account_id, kind, title, status, request, callback_id, callback_url, is_test,
        caption, created_at, updated_at, duration, error_code, error_message, error_detail,
        video_file, thumbnail_file, gif_file, captions_ass_file, captions_srt_file,
        captions_vtt_file, captioned_video_file, reserved_credit, charged_credit)
      VALUES (
        \(video.id.rawValue), \(video.accountId.rawValue), \(video.kind.rawValue), \(video.title),
        \(video.status.rawValue), \(video.request.bytea), \(video.callbackId),
        \(video.callbackUrl), \(video.isTest), \(video.caption), \(video.createdAt),
        \(video.updatedAt), \(video.duration), \(video.failure?.code), \(video.failure?.message),
        \(video.failure?.detail), \(files.video), \(files.thumbnail), \(files.gif),
        \(files.captionsASS), \(files.captionsSRT), \(files.captionsVTT), \(files.captionedVideo),
        \(video.reservedCredit), \(video.chargedCredit))
      """)
  }

  private static func insert(_ job: JobRecord, _ connection: PostgresConnection) async throws {
    try await connection.run(
      """
      INSERT INTO jobs (
        id, video_id, account_id, state, run_after, attempt, owner, fencing_token,
        lease_expires_at, created_at, updated_at)
      VALUES (
        \(job.id.rawValue), \(job.videoId.rawValue), \(job.accountId.rawValue),
        \(job.state.rawValue), \(job.runAfter), \(job.attempt), \(job.owner), \(job.fencingToken),
        \(job.leaseExpiresAt), \(job.createdAt), \(job.createdAt))
      """)
  }
}
