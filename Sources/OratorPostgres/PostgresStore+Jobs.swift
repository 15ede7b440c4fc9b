import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func claimJob(owner: String, leaseFor: Duration, now: Date, kinds: Set<VideoKind>)
    async throws(StoreError) -> JobLease?
  {
    let now = now.unixSeconds
    let kindList = kinds.map(\.rawValue).sorted()
    let expiresAt = now + max(1, leaseFor.wholeSecondsRoundedUp)
    let policy = retryPolicy
    return try await write { connection in
      while let job = try await Self.oldestRunnable(now: now, kinds: kindList, connection) {
        if job.state == .leased && !policy.allowsRetry(afterAttempt: job.attempt) {
          // Its last worker vanished: running it again would break the bound on attempts.
          try await Self.failVideo(
            of: job, with: .workerLost(attempts: job.attempt), now: now, connection)
          continue
        }
        let lease = JobLease(
          jobId: job.id, videoId: job.videoId, accountId: job.accountId, owner: owner,
          fencingToken: job.fencingToken + 1, expiresAt: expiresAt, attempt: job.attempt + 1)
        try await connection.run(
          """
          UPDATE jobs SET state = 'leased', owner = \(owner), fencing_token = \(lease.fencingToken),
            attempt = \(lease.attempt), lease_expires_at = \(expiresAt), updated_at = \(now)
          WHERE id = \(job.id.rawValue)
          """)
        try await connection.run(
          """
          UPDATE videos SET status = 'processing', updated_at = \(now)
          WHERE id = \(job.videoId.rawValue)
          """)
        return lease
      }
      return nil
    }
  }

  /// The oldest runnable job of `kinds`, locked: the older of the oldest expired lease and the
  /// oldest due queued job. Each comes from its own partial index in one short probe
  /// (`jobs_leased` by expiry, `jobs_queued` in queue order), so the claim costs the same with
  /// twenty thousand jobs waiting, or hundreds of live leases, as with one job. SKIP LOCKED: a
  /// job another node is claiming right now is passed over, not waited for, so concurrent
  /// claimers each take a different job; the one of the two rows not taken is released when
  /// the transaction ends.
  private static func oldestRunnable(
    now: Int, kinds: [String], _ connection: PostgresConnection
  ) async throws -> JobRecord? {
    var candidates: [(job: JobRecord, order: (Int, Int64))] = []
    for query in [expiredLeaseQuery(now: now, kinds: kinds), queuedQuery(now: now, kinds: kinds)] {
      if let row = try await connection.one(query) {
        let job = try JobRecord(row: row)
        candidates.append((job, (job.createdAt, try row.required("seq", as: Int64.self))))
      }
    }
    return candidates.min { $0.order < $1.order }?.job
  }

  static func queuedQuery(now: Int, kinds: [String]) -> PostgresQuery {
    """
    SELECT * FROM jobs
    WHERE state = 'queued' AND run_after <= \(now) AND kind = ANY(\(kinds))
    ORDER BY created_at, seq LIMIT 1
    FOR UPDATE SKIP LOCKED
    """
  }

  static func expiredLeaseQuery(now: Int, kinds: [String]) -> PostgresQuery {
    """
    SELECT * FROM jobs
    WHERE state = 'leased' AND lease_expires_at <= \(now) AND kind = ANY(\(kinds))
    ORDER BY created_at, seq LIMIT 1
    FOR UPDATE SKIP LOCKED
    """
  }

  public func heartbeat(_ lease: JobLease, extendTo: Date) async throws(StoreError) -> Bool {
    try await write { connection in
      try await connection.run(
        """
        UPDATE jobs SET lease_expires_at = \(extendTo.unixSeconds)
        WHERE id = \(lease.jobId.rawValue) AND fencing_token = \(lease.fencingToken)
          AND state = 'leased'
        RETURNING id
        """) > 0
    }
  }

  public func recordProgress(_ lease: JobLease, fraction: Double) async throws(StoreError)
    -> Bool
  {
    let fraction = min(max(fraction, 0), 1)
    return try await write { connection in
      try await connection.run(
        """
        UPDATE videos SET progress = \(fraction)
        WHERE id = \(lease.videoId.rawValue) AND EXISTS (
          SELECT 1 FROM jobs WHERE id = \(lease.jobId.rawValue)
            AND fencing_token = \(lease.fencingToken) AND state = 'leased')
        RETURNING id
        """) > 0
    }
  }

  public func releaseJob(_ lease: JobLease, now: Date) async throws(StoreError) -> Bool {
    try await write { connection in
      guard try await Self.holds(lease, connection) else { return false }
      let now = now.unixSeconds
      // The fencing token stays: the next claim raises it, which fences off this lease.
      try await connection.run(
        """
        UPDATE jobs SET state = 'queued', owner = NULL, lease_expires_at = NULL,
          attempt = GREATEST(attempt - 1, 0), updated_at = \(now)
        WHERE id = \(lease.jobId.rawValue)
        """)
      if lease.attempt <= 1 {
        try await connection.run(
          """
          UPDATE videos SET status = 'pending', updated_at = \(now)
          WHERE id = \(lease.videoId.rawValue) AND status = 'processing'
          """)
      }
      return true
    }
  }

  public func completeJob(_ lease: JobLease, result: VideoResult, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { connection in
      guard try await Self.holds(lease, connection) else { return false }
      let now = now.unixSeconds
      try await connection.run(
        """
        UPDATE jobs SET state = 'completed', lease_expires_at = NULL, updated_at = \(now)
        WHERE id = \(lease.jobId.rawValue)
        """)
      let files = result.files
      let video = try await connection.one(
        """
        UPDATE videos SET status = 'completed', updated_at = \(now), duration = \(result.duration),
          error_code = NULL, error_message = NULL, error_detail = NULL,
          video_file = \(files.video), thumbnail_file = \(files.thumbnail), gif_file = \(files.gif),
          captions_ass_file = \(files.captionsASS), captions_srt_file = \(files.captionsSRT),
          captions_vtt_file = \(files.captionsVTT),
          captioned_video_file = \(files.captionedVideo),
          spoken_language = \(result.spokenLanguage)
        WHERE id = \(lease.videoId.rawValue)
        RETURNING is_test
        """)
      let isTest = try video?.required("is_test", as: Bool.self) ?? false
      let charge = isTest ? 0 : CreditEstimate.charge(forDuration: result.duration)
      try await Self.settle(videoId: lease.videoId, charge: charge, connection)
      try await Self.enqueueCompletedEvents(videoId: lease.videoId, now: now, connection)
      return true
    }
  }

  public func failJob(
    _ lease: JobLease, failure: VideoFailure, retryable: Bool, notBefore: Duration?, now: Date
  ) async throws(StoreError) -> JobFailureOutcome {
    let policy = retryPolicy
    return try await write { connection in
      guard let job = try await Self.held(lease, connection) else { return .leaseLost }
      let now = now.unixSeconds
      guard retryable && policy.allowsRetry(afterAttempt: job.attempt) else {
        try await Self.failVideo(of: job, with: failure, now: now, connection)
        return .videoFailed
      }
      let delay = max(policy.delay(afterAttempt: job.attempt), notBefore ?? .zero)
      let runAfter = now + delay.wholeSecondsRoundedUp
      try await Self.requeue(job, runAfter: runAfter, now: now, connection)
      return .retryScheduled(runAfter: runAfter)
    }
  }

  public func reapExpiredLeases(now: Date) async throws(StoreError) -> [JobLease] {
    let policy = retryPolicy
    return try await write { connection in
      let now = now.unixSeconds
      // A lease a claimer is taking over right now is its business: skip it.
      let expired = try await connection.all(
        """
        SELECT * FROM jobs WHERE state = 'leased' AND lease_expires_at <= \(now)
        ORDER BY created_at, seq
        FOR UPDATE SKIP LOCKED
        """
      ).map { row throws(StoreError) in try JobRecord(row: row) }
      var leases: [JobLease] = []
      for job in expired {
        if let lease = job.lease { leases.append(lease) }
        if policy.allowsRetry(afterAttempt: job.attempt) {
          try await Self.requeue(job, runAfter: now, now: now, connection)
        } else {
          try await Self.failVideo(
            of: job, with: .workerLost(attempts: job.attempt), now: now, connection)
        }
      }
      return leases
    }
  }

  /// Whether `lease` is still the job's current lease, locking the job for the rest of the
  /// transaction. A deleted video's job is cancelled, so this also refuses work on deleted
  /// videos.
  private static func holds(_ lease: JobLease, _ connection: PostgresConnection) async throws
    -> Bool
  {
    try await held(lease, connection) != nil
  }

  /// The job, locked, while `lease` is still its current lease; nil otherwise.
  private static func held(_ lease: JobLease, _ connection: PostgresConnection) async throws
    -> JobRecord?
  {
    try await connection.one(
      """
      SELECT * FROM jobs
      WHERE id = \(lease.jobId.rawValue) AND video_id = \(lease.videoId.rawValue)
        AND fencing_token = \(lease.fencingToken) AND state = 'leased'
      FOR UPDATE
      """
    ).map { row throws(StoreError) in try JobRecord(row: row) }
  }

  /// Back in the queue; the video stays `processing`, since to its owner the render goes on.
  private static func requeue(
    _ job: JobRecord, runAfter: Int, now: Int, _ connection: PostgresConnection
  ) async throws {
    try await connection.run(
      """
      UPDATE jobs SET state = 'queued', owner = NULL, lease_expires_at = NULL,
        run_after = \(runAfter), updated_at = \(now)
      WHERE id = \(job.id.rawValue)
      """)
  }

  /// Ends the job for good: the video is failed with `failure` and its credit given back.
  private static func failVideo(
    of job: JobRecord, with failure: VideoFailure, now: Int, _ connection: PostgresConnection
  ) async throws {
    try await connection.run(
      """
      UPDATE jobs SET state = 'failed', lease_expires_at = NULL, updated_at = \(now)
      WHERE id = \(job.id.rawValue)
      """)
    try await connection.run(
      """
      UPDATE videos SET status = 'failed', updated_at = \(now), error_code = \(failure.code),
        error_message = \(failure.message), error_detail = \(failure.detail)
      WHERE id = \(job.videoId.rawValue)
      """)
    try await releaseReservation(videoId: job.videoId, connection)
    try await enqueueFailedEvents(
      videoId: job.videoId, message: failure.message, now: now, connection)
  }
}

extension PostgresStore {
  public func queueStats(now: Date) async throws(StoreError) -> QueueStats {
    let nowSeconds = now.unixSeconds
    return try await read { connection in
      let jobs = try await connection.one(
        """
        SELECT
          COUNT(*) FILTER (WHERE state = 'queued') AS queued,
          MIN(created_at) FILTER (WHERE state = 'queued' AND run_after <= \(nowSeconds)) AS oldest,
          COUNT(*) FILTER (WHERE state = 'leased') AS running
        FROM jobs WHERE state IN ('queued', 'leased')
        """)
      let pending = try await connection.one(
        """
        SELECT COUNT(*) AS pending FROM webhook_events
        WHERE delivered_at IS NULL AND gave_up_at IS NULL
        """)
      let oldest = try jobs?.optional("oldest", as: Int.self)
      return QueueStats(
        queuedJobs: try jobs?.required("queued", as: Int.self) ?? 0,
        oldestQueuedSeconds: oldest.map { max(0, nowSeconds - $0) } ?? 0,
        runningJobs: try jobs?.required("running", as: Int.self) ?? 0,
        pendingWebhookEvents: try pending?.required("pending", as: Int.self) ?? 0)
    }
  }
}
