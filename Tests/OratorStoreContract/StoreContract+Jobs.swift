import Foundation
import OratorCore
import Testing

extension StoreContract {
  public func expiredLeaseIsClaimedAgain() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    try await fixture.makeVideo(for: account)
    let first = try #require(
      try await store.claimJob(owner: "stalled", leaseFor: .seconds(30), now: fixture.at(0)))
    #expect(
      try await store.claimJob(owner: "fresh", leaseFor: .seconds(30), now: fixture.at(29)) == nil)

    let second = try #require(
      try await store.claimJob(owner: "fresh", leaseFor: .seconds(30), now: fixture.at(30)))
    #expect(second.jobId == first.jobId)
    #expect(second.fencingToken > first.fencingToken)
    #expect(second.attempt == 2 && second.owner == "fresh")

    // The stalled worker comes back: everything it tries is refused and changes nothing.
    let result = VideoResult(duration: 5, files: StoreFixture.files)
    #expect(try await store.heartbeat(first, extendTo: fixture.at(100)) == false)
    #expect(try await store.completeJob(first, result: result, now: fixture.at(31)) == false)
    #expect(
      try await store.failJob(
        first, failure: VideoFailure(code: 9, message: "late"), retryable: false,
        now: fixture.at(31))
        == .leaseLost)
    #expect(try await store.video(id: second.videoId, account: account.id)?.status == .processing)
    #expect(try await store.completeJob(second, result: result, now: fixture.at(32)))
    #expect(try await store.video(id: second.videoId, account: account.id)?.status == .completed)
  }

  public func heartbeatKeepsLease() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    try await fixture.makeVideo(for: account)
    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(0)))
    #expect(try await store.heartbeat(lease, extendTo: fixture.at(90)))
    #expect(
      try await store.claimJob(owner: "other", leaseFor: .seconds(30), now: fixture.at(60)) == nil)
    #expect(try await store.reapExpiredLeases(now: fixture.at(60)).isEmpty)
    #expect(
      try await store.claimJob(owner: "other", leaseFor: .seconds(30), now: fixture.at(90)) != nil)
  }

  public func progressIsRecordedWhileTheLeaseHolds() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let video = try await fixture.makeVideo(for: account)
    #expect(try await store.video(id: video.id, account: account.id)?.progress == nil)
    let first = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(0)))
    #expect(try await store.recordProgress(first, fraction: 0.25))
    #expect(try await store.video(id: video.id, account: account.id)?.progress == 0.25)
    // Out-of-range reports are kept within 0…1.
    #expect(try await store.recordProgress(first, fraction: 7))
    #expect(try await store.video(id: video.id, account: account.id)?.progress == 1)

    // Taken over after its lease ran out: the old worker's reports change nothing.
    let second = try #require(
      try await store.claimJob(owner: "other", leaseFor: .seconds(30), now: fixture.at(31)))
    #expect(try await store.recordProgress(first, fraction: 0.9) == false)
    #expect(try await store.recordProgress(second, fraction: 0.5))
    #expect(try await store.video(id: video.id, account: account.id)?.progress == 0.5)
  }

  public func failJobRetriesWithBackoffThenFails() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 30)
    let failure = VideoFailure(code: 40_119, message: "Speech failed", detail: "espeak-ng exited 1")

    let first = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(0)))
    #expect(
      try await store.failJob(first, failure: failure, retryable: true, now: fixture.at(10))
        == .retryScheduled(runAfter: fixture.at(15).unixSeconds))
    #expect(try await store.video(id: video.id, account: account.id)?.status == .processing)
    #expect(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(14)) == nil)

    let second = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(15)))
    #expect(second.attempt == 2 && second.fencingToken > first.fencingToken)
    #expect(
      try await store.failJob(second, failure: failure, retryable: true, now: fixture.at(20))
        == .retryScheduled(runAfter: fixture.at(45).unixSeconds))
    #expect(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(44)) == nil)

    let third = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(45)))
    #expect(third.attempt == 3)
    #expect(
      try await store.failJob(third, failure: failure, retryable: true, now: fixture.at(50))
        == .videoFailed)

    let failed = try #require(try await store.video(id: video.id, account: account.id))
    #expect(failed.status == .failed)
    #expect(failed.failure == failure)
    #expect(failed.reservedCredit == 0 && failed.chargedCredit == 0)
    #expect(try await store.remainingCredit(account: account.id) == 100)
    #expect(try await store.activeRenderCount(account: account.id) == 0)
    #expect(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(10_000)) == nil)
  }

  public func nonRetryableFailureEndsAtOnce() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 30)
    let failure = VideoFailure(code: 400_175, message: "Unknown avatar")
    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(0)))
    #expect(
      try await store.failJob(lease, failure: failure, retryable: false, now: fixture.at(1))
        == .videoFailed)
    #expect(try await store.video(id: video.id, account: account.id)?.failure == failure)
    #expect(try await store.remainingCredit(account: account.id) == 100)
  }

  public func injectedRetryPolicyIsUsed() async throws {
    let fixture = try await fixture(
      retryPolicy: RetryPolicy(maxAttempts: 2, firstDelay: .seconds(1), multiplier: 2))
    let store = fixture.store
    let account = try await fixture.makeAccount()
    try await fixture.makeVideo(for: account)
    let failure = VideoFailure(code: 1, message: "flaky")
    let first = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(0)))
    #expect(
      try await store.failJob(first, failure: failure, retryable: true, now: fixture.at(0))
        == .retryScheduled(runAfter: fixture.at(1).unixSeconds))
    let second = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(1)))
    #expect(
      try await store.failJob(second, failure: failure, retryable: true, now: fixture.at(2))
        == .videoFailed)
  }

  public func reaperTakesBackExpiredLeases() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    try await fixture.makeVideo(for: account)
    let lease = try #require(
      try await store.claimJob(owner: "gone", leaseFor: .seconds(30), now: fixture.at(0)))
    #expect(try await store.reapExpiredLeases(now: fixture.at(29)).isEmpty)
    #expect(try await store.reapExpiredLeases(now: fixture.at(30)) == [lease])
    #expect(try await store.heartbeat(lease, extendTo: fixture.at(60)) == false)
    let again = try #require(
      try await store.claimJob(owner: "next", leaseFor: .seconds(30), now: fixture.at(31)))
    #expect(again.jobId == lease.jobId && again.fencingToken > lease.fencingToken)
  }

  public func workerLostOnEveryAttemptFailsTheVideo() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 10)
    var now = 0
    for attempt in 1...3 {
      let lease = try #require(
        try await store.claimJob(owner: "crashy", leaseFor: .seconds(30), now: fixture.at(now)))
      #expect(lease.attempt == attempt)
      now += 30
    }
    // The third worker vanished too: the job is not handed out a fourth time.
    #expect(
      try await store.claimJob(owner: "crashy", leaseFor: .seconds(30), now: fixture.at(now)) == nil
    )
    let failed = try #require(try await store.video(id: video.id, account: account.id))
    #expect(failed.status == .failed)
    #expect(failed.failure?.code == VideoFailure.workerLost(attempts: 3).code)
    #expect(try await store.remainingCredit(account: account.id) == 100)
  }

  public func claimsTakeOldestFirst() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let older = try await fixture.makeVideo(for: account, createdAt: 0)
    let newer = try await fixture.makeVideo(for: account, createdAt: 5)
    let first = try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(10))
    let second = try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(10))
    #expect(first?.videoId == older.id)
    #expect(second?.videoId == newer.id)
  }

  /// A claim limited to generated videos passes over an older translation, which an
  /// unrestricted claim then takes.
  public func claimsLimitedToKindsSkipOtherKinds() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    var (translation, translationJob) = fixture.video(for: account, createdAt: 0)
    translation.kind = .translated
    translationJob = JobRecord.queued(id: translationJob.id, for: translation)
    try await store.createVideo(translation, job: translationJob)
    let generated = try await fixture.makeVideo(for: account, createdAt: 5)
    let remote = try await store.claimJob(
      owner: "remote", leaseFor: .seconds(30), now: fixture.at(10), kinds: [.generated])
    #expect(remote?.videoId == generated.id)
    #expect(
      try await store.claimJob(
        owner: "remote", leaseFor: .seconds(30), now: fixture.at(10), kinds: [.generated]) == nil)
    let local = try await store.claimJob(
      owner: "local", leaseFor: .seconds(30), now: fixture.at(10))
    #expect(local?.videoId == translation.id)
  }

  /// Two stores on one database stand for two processes: between them, every job is
  /// claimed exactly once.
  public func twoStoresNeverClaimTheSameJob() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount(credit: 100_000)
    let jobs = 40
    for index in 0..<jobs {
      try await fixture.makeVideo(for: account, reserve: 1, createdAt: index % 4)
    }
    let stores = [fixture.store, try await fixture.reopened()]
    let now = fixture.at(100)
    let leases = try await withThrowingTaskGroup(of: [JobLease].self) { group in
      for worker in 0..<6 {
        let store = stores[worker % 2]
        group.addTask {
          var mine: [JobLease] = []
          while let lease = try await store.claimJob(
            owner: "worker-\(worker)", leaseFor: .seconds(600), now: now)
          {
            mine.append(lease)
          }
          return mine
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(leases.count == jobs)
    #expect(Set(leases.map(\.jobId)).count == jobs)
    #expect(leases.allSatisfy { $0.fencingToken == 1 && $0.attempt == 1 })
  }
}

extension StoreContract {
  /// A failure for want of a resource asks for a longer wait than the policy's own backoff.
  public func failJobWaitsAtLeastWhatItIsAsked() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    try await fixture.makeVideo(for: account)
    let failure = VideoFailure(code: 500, message: "Rendering failed", detail: "disk full")
    let first = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(0)))
    #expect(
      try await store.failJob(
        first, failure: failure, retryable: true, notBefore: .seconds(60), now: fixture.at(1))
        == .retryScheduled(runAfter: fixture.at(61).unixSeconds))
    #expect(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(60)) == nil)
    let second = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(61)))
    // The policy's own backoff wins when it is the longer one.
    #expect(
      try await store.failJob(
        second, failure: failure, retryable: true, notBefore: .seconds(1), now: fixture.at(62))
        == .retryScheduled(runAfter: fixture.at(62).unixSeconds + 25))
  }
}

extension StoreContract {
  public func queueStatsCountWaitingAndRunningJobs() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    #expect(
      try await store.queueStats(now: fixture.at(0))
        == QueueStats(
          queuedJobs: 0, oldestQueuedSeconds: 0, runningJobs: 0, pendingWebhookEvents: 0))
    try await fixture.makeVideo(for: account, createdAt: 0)
    try await fixture.makeVideo(for: account, createdAt: 5)
    try await fixture.makeVideo(for: account, createdAt: 8)
    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(10)))
    // The oldest was claimed: the oldest waiting one was queued at 5.
    let busy = try await store.queueStats(now: fixture.at(20))
    #expect(busy.queuedJobs == 2 && busy.runningJobs == 1, "\(busy)")
    #expect(busy.oldestQueuedSeconds == 15, "\(busy)")
    #expect(
      try await store.completeJob(
        lease, result: VideoResult(duration: 5, files: StoreFixture.files), now: fixture.at(21)))
    let after = try await store.queueStats(now: fixture.at(21))
    #expect(after.queuedJobs == 2 && after.runningJobs == 0, "\(after)")
  }
}
