import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func createVideo(_ video: VideoRecord, job: JobRecord, maxActive: Int?)
    async throws(StoreError)
  {
    let video = try video.preparedForCreation(with: job)
    try await write { [video] db in
      let remaining = try Self.requireAccount(video.accountId, db)
      if let maxActive {
        let active = try Self.activeRenderCount(account: video.accountId, db)
        if active >= maxActive { throw StoreError.tooManyActiveVideos(active: active) }
      }
      if !video.isTest && video.reservedCredit > remaining {
        throw StoreError.insufficientCredit(needed: video.reservedCredit, remaining: remaining)
      }
      try Self.insert(video, db)
      try Self.insert(job, db)
      try db.execute(
        sql: "UPDATE accounts SET credit_seconds = credit_seconds - ? WHERE id = ?",
        arguments: [video.reservedCredit, video.accountId.rawValue])
    }
  }

  public func video(id: ResourceID, account: ResourceID) async throws(StoreError) -> VideoRecord? {
    try await read { db in try Self.liveVideo(id: id, account: account, db) }
  }

  public func listVideos(account: ResourceID, limit: Int, after: VideoPageToken?)
    async throws(StoreError) -> VideoPage
  {
    let limit = min(max(limit, VideoPage.limits.lowerBound), VideoPage.limits.upperBound)
    return try await read { db in
      var sql = "SELECT * FROM videos WHERE account_id = ? AND deleted_at IS NULL"
      var arguments: StatementArguments = [account.rawValue]
      if let after {
        sql += " AND (created_at < ? OR (created_at = ? AND id < ?))"
        arguments += [after.createdAt, after.createdAt, after.videoId.rawValue]
      }
      // One more than asked tells whether another page follows.
      sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
      arguments += [limit + 1]
      var videos = try Row.fetchAll(db, sql: sql, arguments: arguments).map(VideoRecord.init(row:))
      let more = videos.count > limit
      if more { videos.removeLast() }
      return VideoPage(
        videos: videos, next: more ? videos.last.map(VideoPageToken.init(after:)) : nil)
    }
  }

  public func deleteVideo(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { db in
      guard let video = try Self.liveVideo(id: id, account: account, db) else { return nil }
      let now = now.unixSeconds
      try db.execute(
        sql: "UPDATE videos SET deleted_at = ?, updated_at = ? WHERE id = ?",
        arguments: [now, now, id.rawValue])
      try db.execute(
        sql: """
          UPDATE jobs SET state = 'cancelled', owner = NULL, lease_expires_at = NULL, updated_at = ?
          WHERE video_id = ? AND state IN ('queued', 'leased')
          """,
        arguments: [now, id.rawValue])
      try Self.releaseReservation(videoId: id, db)
      return video
    }
  }

  public func shareVideo(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { db in
      guard let video = try Self.liveVideo(id: id, account: account, db) else { return nil }
      try db.execute(
        sql: "UPDATE videos SET shared_at = COALESCE(shared_at, ?) WHERE id = ?",
        arguments: [now.unixSeconds, id.rawValue])
      return video
    }
  }

  public func renameVideo(id: ResourceID, account: ResourceID, title: String)
    async throws(StoreError) -> VideoRecord?
  {
    try await write { db in
      guard var video = try Self.liveVideo(id: id, account: account, db) else { return nil }
      try db.execute(
        sql: "UPDATE videos SET title = ? WHERE id = ?", arguments: [title, id.rawValue])
      video.title = title
      return video
    }
  }

  public func sharedVideo(id: ResourceID) async throws(StoreError) -> VideoRecord? {
    try await read { db in
      try Row.fetchOne(
        db,
        sql: "SELECT * FROM videos WHERE id = ? AND shared_at IS NOT NULL AND deleted_at IS NULL",
        arguments: [id.rawValue]
      ).map(VideoRecord.init(row:))
    }
  }

  public func activeRenderCount(account: ResourceID) async throws(StoreError) -> Int {
    try await read { db in try Self.activeRenderCount(account: account, db) }
  }

  static func activeRenderCount(account: ResourceID, _ db: Database) throws -> Int {
    try Int.fetchOne(
      db,
      sql: """
        SELECT COUNT(*) FROM videos
        WHERE account_id = ? AND deleted_at IS NULL AND status IN ('pending', 'processing')
        """,
      arguments: [account.rawValue]) ?? 0
  }

  static func liveVideo(id: ResourceID, account: ResourceID, _ db: Database) throws -> VideoRecord?
  {
    // Status polling runs this more than anything else: a cached statement skips SQLite's
    // parse and GRDB's authorizer pass on every call (measured: about an eighth of a poll).
    try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT * FROM videos WHERE id = ? AND account_id = ? AND deleted_at IS NULL"),
      arguments: [id.rawValue, account.rawValue]
    ).map(VideoRecord.init(row:))
  }

  private static func insert(_ video: VideoRecord, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO videos (
          id, account_id, kind, title, status, request, callback_id, callback_url, is_test,
          caption, created_at, updated_at, duration, error_code, error_message, error_detail,
          video_file, thumbnail_file, gif_file, captions_ass_file, captions_srt_file,
          captions_vtt_file, captioned_video_file, reserved_credit, charged_credit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        video.id.rawValue, video.accountId.rawValue, video.kind.rawValue, video.title,
        video.status.rawValue, video.request, video.callbackId, video.callbackUrl, video.isTest,
        video.caption, video.createdAt, video.updatedAt, video.duration, video.failure?.code,
        video.failure?.message, video.failure?.detail, video.files.video, video.files.thumbnail,
        video.files.gif, video.files.captionsASS, video.files.captionsSRT, video.files.captionsVTT,
        video.files.captionedVideo, video.reservedCredit, video.chargedCredit,
      ])
  }

  private static func insert(_ job: JobRecord, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO jobs (
          id, video_id, account_id, state, run_after, attempt, owner, fencing_token,
          lease_expires_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        job.id.rawValue, job.videoId.rawValue, job.accountId.rawValue, job.state.rawValue,
        job.runAfter, job.attempt, job.owner, job.fencingToken, job.leaseExpiresAt, job.createdAt,
        job.createdAt,
      ])
  }
}
