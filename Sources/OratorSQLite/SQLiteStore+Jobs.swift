import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func claimJob(owner: String, leaseFor: Duration, now: Date, kinds: Set<VideoKind>)
    async throws(StoreError) -> JobLease?
  {
    let now = now.unixSeconds
    let kindList = kinds.map(\.rawValue).sorted()
    let expiresAt = now + max(1, leaseFor.wholeSecondsRoundedUp)
    let policy = retryPolicy
    // The IMMEDIATE transaction holds SQLite's write lock from the first read, so no other
    // connection, in this process or another, can pick the same row in between.
    return try await write { db in
      while let row = try Self.oldestRunnable(now: now, kinds: kindList, db) {
        let job = try JobRecord(row: row)
        if job.state == .leased && !policy.allowsRetry(afterAttempt: job.attempt) {
          // Its last worker vanished: running it again would break the bound on attempts.
          try Self.failVideo(of: job, with: .workerLost(attempts: job.attempt), now: now, db)
          continue
        }
        let lease = JobLease(
          jobId: job.id, videoId: job.videoId, accountId: job.accountId, owner: owner,
          fencingToken: job.fencingToken + 1, expiresAt: expiresAt, attempt: job.attempt + 1)
        try db.execute(
          sql: """
            UPDATE jobs SET state = 'leased', owner = ?, fencing_token = ?, attempt = ?,
              lease_expires_at = ?, updated_at = ?
            WHERE id = ?
            """,
          arguments: [
            owner, lease.fencingToken, lease.attempt, expiresAt, now, job.id.rawValue,
          ])
        try db.execute(
          sql: "UPDATE videos SET status = 'processing', updated_at = ? WHERE id = ?",
          arguments: [now, job.videoId.rawValue])
        return lease
      }
      return nil
    }
  }

  public func heartbeat(_ lease: JobLease, extendTo: Date) async throws(StoreError) -> Bool {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE jobs SET lease_expires_at = ?
          WHERE id = ? AND fencing_token = ? AND state = 'leased'
          """,
        arguments: [extendTo.unixSeconds, lease.jobId.rawValue, lease.fencingToken])
      return db.changesCount > 0
    }
  }

  public func recordProgress(_ lease: JobLease, fraction: Double) async throws(StoreError)
    -> Bool
  {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE videos SET progress = ?
          WHERE id = ? AND EXISTS (
            SELECT 1 FROM jobs WHERE id = ? AND fencing_token = ? AND state = 'leased')
          """,
        arguments: [
          min(max(fraction, 0), 1), lease.videoId.rawValue, lease.jobId.rawValue,
          lease.fencingToken,
        ])
      return db.changesCount > 0
    }
  }

  /// The oldest runnable job of `kinds`: the older of the oldest expired lease and the oldest
  /// due queued job, each read from its own partial index (`jobs_leased` by expiry,
  /// `jobs_queued` in queue order, rowid breaking ties), so a claim costs the same with twenty
  /// thousand jobs waiting as with one.
  private static func oldestRunnable(now: Int, kinds: [String], _ db: Database) throws -> Row? {
    let placeholders = kinds.map { _ in "?" }.joined(separator: ", ")
    let kindValues = kinds.map { $0 as any DatabaseValueConvertible }
    let expired = try Row.fetchOne(
      db,
      sql: """
        SELECT *, rowid AS claim_order FROM jobs INDEXED BY jobs_leased
        WHERE state = 'leased' AND lease_expires_at <= ? AND kind IN (\(placeholders))
        ORDER BY created_at, rowid LIMIT 1
        """,
      arguments: StatementArguments([now] + kindValues))
    let queued = try Row.fetchOne(
      db,
      sql: """
        SELECT *, rowid AS claim_order FROM jobs INDEXED BY jobs_queued
        WHERE state = 'queued' AND run_after <= ? AND kind IN (\(placeholders))
        ORDER BY created_at, rowid LIMIT 1
        """,
      arguments: StatementArguments([now] + kindValues))
    func order(_ row: Row) -> (Int, Int64) { (row["created_at"], row["claim_order"]) }
    return [expired, queued].compactMap { $0 }.min { order($0) < order($1) }
  }

  public func releaseJob(_ lease: JobLease, now: Date) async throws(StoreError) -> Bool {
    try await write { db in
      guard try Self.holds(lease, db) else { return false }
      let now = now.unixSeconds
      // The fencing token stays: the next claim raises it, which fences off this lease.
      try db.execute(
        sql: """
          UPDATE jobs SET state = 'queued', owner = NULL, lease_expires_at = NULL,
            attempt = MAX(attempt - 1, 0), updated_at = ?
          WHERE id = ?
          """,
        arguments: [now, lease.jobId.rawValue])
      if lease.attempt <= 1 {
        try db.execute(
          sql: """
            UPDATE videos SET status = 'pending', updated_at = ?
            WHERE id = ? AND status = 'processing'
            """,
          arguments: [now, lease.videoId.rawValue])
      }
      return true
    }
  }

  public func completeJob(_ lease: JobLease, result: VideoResult, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { db in
      guard try Self.holds(lease, db) else { return false }
      let now = now.unixSeconds
      try db.execute(
        sql: """
          UPDATE jobs SET state = 'completed', lease_expires_at = NULL, updated_at = ? WHERE id = ?
          """,
        arguments: [now, lease.jobId.rawValue])
      let files = result.files
      try db.execute(
        sql: """
          UPDATE videos SET status = 'completed', updated_at = ?, duration = ?,
            error_code = NULL, error_message = NULL, error_detail = NULL,
            video_file = ?, thumbnail_file = ?, gif_file = ?, captions_ass_file = ?,
            captions_srt_file = ?, captions_vtt_file = ?, captioned_video_file = ?,
            spoken_language = ?
          WHERE id = ?
          """,
        arguments: [
          now, result.duration, files.video, files.thumbnail, files.gif, files.captionsASS,
          files.captionsSRT, files.captionsVTT, files.captionedVideo, result.spokenLanguage,
          lease.videoId.rawValue,
        ])
      let isTest =
        try Bool.fetchOne(
          db, sql: "SELECT is_test FROM videos WHERE id = ?", arguments: [lease.videoId.rawValue])
        ?? false
      let charge = isTest ? 0 : CreditEstimate.charge(forDuration: result.duration)
      try Self.settle(videoId: lease.videoId, charge: charge, db)
      try Self.enqueueCompletedEvents(videoId: lease.videoId, now: now, db)
      return true
    }
  }

  public func failJob(
    _ lease: JobLease, failure: VideoFailure, retryable: Bool, notBefore: Duration?, now: Date
  ) async throws(StoreError) -> JobFailureOutcome {
    let policy = retryPolicy
    return try await write { db in
      guard try Self.holds(lease, db),
        let row = try Row.fetchOne(
          db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [lease.jobId.rawValue])
      else { return .leaseLost }
      let job = try JobRecord(row: row)
      let now = now.unixSeconds
      guard retryable && policy.allowsRetry(afterAttempt: job.attempt) else {
        try Self.failVideo(of: job, with: failure, now: now, db)
        return .videoFailed
      }
      let delay = max(policy.delay(afterAttempt: job.attempt), notBefore ?? .zero)
      let runAfter = now + delay.wholeSecondsRoundedUp
      try Self.requeue(job, runAfter: runAfter, now: now, db)
      return .retryScheduled(runAfter: runAfter)
    }
  }

  public func reapExpiredLeases(now: Date) async throws(StoreError) -> [JobLease] {
    let policy = retryPolicy
    return try await write { db in
      let now = now.unixSeconds
      let expired = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM jobs WHERE state = 'leased' AND lease_expires_at <= ?
          ORDER BY created_at, rowid
          """,
        arguments: [now]
      ).map(JobRecord.init(row:))
      var leases: [JobLease] = []
      for job in expired {
        if let lease = job.lease { leases.append(lease) }
        if policy.allowsRetry(afterAttempt: job.attempt) {
          try Self.requeue(job, runAfter: now, now: now, db)
        } else {
          try Self.failVideo(of: job, with: .workerLost(attempts: job.attempt), now: now, db)
        }
      }
      return leases
    }
  }

  /// Whether `lease` is still the job's current lease. A deleted video's job is cancelled,
  /// so this also refuses work on deleted videos.
  private static func holds(_ lease: JobLease, _ db: Database) throws -> Bool {
    try Bool.fetchOne(
      db,
      sql: """
        SELECT 1 FROM jobs
        WHERE id = ? AND video_id = ? AND fencing_token = ? AND state = 'leased'
        """,
      arguments: [lease.jobId.rawValue, lease.videoId.rawValue, lease.fencingToken]) ?? false
  }

  /// Back in the queue; the video stays `processing`, since to its owner the render goes on.
  private static func requeue(_ job: JobRecord, runAfter: Int, now: Int, _ db: Database) throws {
    try db.execute(
      sql: """
        UPDATE jobs SET state = 'queued', owner = NULL, lease_expires_at = NULL, run_after = ?,
          updated_at = ?
        WHERE id = ?
        """,
      arguments: [runAfter, now, job.id.rawValue])
  }

  /// Ends the job for good: the video is failed with `failure` and its credit given back.
  private static func failVideo(
    of job: JobRecord, with failure: VideoFailure, now: Int, _ db: Database
  ) throws {
    try db.execute(
      sql: """
        UPDATE jobs SET state = 'failed', lease_expires_at = NULL, updated_at = ? WHERE id = ?
        """,
      arguments: [now, job.id.rawValue])
    try db.execute(
      sql: """
        UPDATE videos SET status = 'failed', updated_at = ?, error_code = ?, error_message = ?,
          error_detail = ?
        WHERE id = ?
        """,
      arguments: [now, failure.code, failure.message, failure.detail, job.videoId.rawValue])
    try releaseReservation(videoId: job.videoId, db)
    try enqueueFailedEvents(videoId: job.videoId, message: failure.message, now: now, db)
  }
}

extension SQLiteStore {
  public func queueStats(now: Date) async throws(StoreError) -> QueueStats {
    let nowSeconds = now.unixSeconds
    return try await read { db in
      let jobs = try Row.fetchOne(
        db,
        sql: """
          SELECT
            COUNT(*) FILTER (WHERE state = 'queued') AS queued,
            MIN(created_at) FILTER (WHERE state = 'queued' AND run_after <= ?) AS oldest,
            COUNT(*) FILTER (WHERE state = 'leased') AS running
          FROM jobs WHERE state IN ('queued', 'leased')
          """, arguments: [nowSeconds])
      let pending =
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM webhook_events
            WHERE delivered_at IS NULL AND gave_up_at IS NULL
            """) ?? 0
      let oldest: Int? = jobs?["oldest"]
      return QueueStats(
        queuedJobs: jobs?["queued"] ?? 0,
        oldestQueuedSeconds: oldest.map { max(0, nowSeconds - $0) } ?? 0,
        runningJobs: jobs?["running"] ?? 0, pendingWebhookEvents: pending)
    }
  }
}
