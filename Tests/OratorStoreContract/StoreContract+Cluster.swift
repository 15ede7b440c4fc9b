import Foundation
import OratorCore
import Testing

/// What several processes on one database rely on: a claimed job handed back untouched,
/// start-up's key made once, one shared secret, and a readiness ping.
extension StoreContract {
  /// A job claimed for a worker that never got it goes back to the queue as it was: the
  /// attempt is not counted, the video is pending again, and the stale lease is fenced off.
  public func releasedJobKeepsItsAttempt() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let video = try await fixture.makeVideo(for: account)
    let first = try #require(
      try await store.claimJob(owner: "gone", leaseFor: .seconds(30), now: fixture.at(1)))
    #expect(first.attempt == 1)
    #expect(try await store.video(id: video.id, account: account.id)?.status == .processing)

    #expect(try await store.releaseJob(first, now: fixture.at(2)))
    #expect(try await store.video(id: video.id, account: account.id)?.status == .pending)
    // Runnable at once, not after the lease would have run out.
    let second = try #require(
      try await store.claimJob(owner: "next", leaseFor: .seconds(30), now: fixture.at(2)))
    #expect(second.jobId == first.jobId)
    #expect(second.attempt == 1)
    #expect(second.fencingToken > first.fencingToken)

    // The released lease counts for nothing any more.
    #expect(try await store.releaseJob(first, now: fixture.at(3)) == false)
    #expect(try await store.heartbeat(first, extendTo: fixture.at(60)) == false)
    let result = VideoResult(duration: 3, files: StoreFixture.files)
    #expect(try await store.completeJob(first, result: result, now: fixture.at(3)) == false)
    #expect(try await store.completeJob(second, result: result, now: fixture.at(4)))
    #expect(try await store.video(id: video.id, account: account.id)?.status == .completed)
  }

  /// A retried job handed back keeps the attempts before it, and its video stays processing.
  public func releasingARetryKeepsEarlierAttempts() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let video = try await fixture.makeVideo(for: account)
    let first = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(10), now: fixture.at(0)))
    let second = try #require(
      try await store.claimJob(owner: "gone", leaseFor: .seconds(10), now: fixture.at(10)))
    #expect(second.attempt == 2 && second.fencingToken > first.fencingToken)
    #expect(try await store.releaseJob(second, now: fixture.at(11)))
    #expect(try await store.video(id: video.id, account: account.id)?.status == .processing)
    let third = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(10), now: fixture.at(11)))
    #expect(third.attempt == 2)
  }

  /// Nodes starting together with the same `--api-key` on an empty database: one account,
  /// one key, and every node's key lookup finds it.
  public func startupKeyIsMadeOnceByManyProcesses() async throws {
    let fixture = try await fixture()
    let stores = [fixture.store, try await fixture.reopened(), try await fixture.reopened()]
    let hash = APIKeyHash(key: "orator-shared-start-key")
    let added = try await withThrowingTaskGroup(of: ResourceID?.self) { group in
      for node in 0..<9 {
        let store = stores[node % stores.count]
        group.addTask {
          let random = SystemRandomSource()
          let account = Account(
            id: ResourceID(random: random), name: "default", createdAt: 1_700_000_000)
          let key = KeyRecord(
            id: ResourceID(random: random), accountId: account.id, label: "--api-key",
            hint: "-key", createdAt: 1_700_000_000)
          return try await store.addStartupKey(
            key, hash: hash, newAccount: account, credit: 500, onlyIfNoAccount: false)
        }
      }
      return try await group.reduce(into: [ResourceID?]()) { $0.append($1) }
    }
    #expect(added.compactMap { $0 }.count == 1, "\(added)")
    let accounts = try await fixture.store.accounts()
    #expect(accounts.count == 1)
    let account = try #require(accounts.first)
    #expect(try await fixture.store.keys(account: account.id).count == 1)
    #expect(try await fixture.store.remainingCredit(account: account.id) == 500)
    for store in stores {
      #expect(try await store.account(forKeyHash: hash)?.id == account.id)
    }

    // A first start without a key makes nothing once an account exists; another key given
    // with --api-key joins the existing account.
    let random = SystemRandomSource()
    let stray = Account(id: ResourceID(random: random), name: "default", createdAt: 0)
    let printed = KeyRecord(
      id: ResourceID(random: random), accountId: stray.id, label: "first start", hint: "abcd",
      createdAt: 0)
    #expect(
      try await fixture.store.addStartupKey(
        printed, hash: APIKeyHash(key: "printed"), newAccount: stray, credit: 1,
        onlyIfNoAccount: true) == nil)
    let second = KeyRecord(
      id: ResourceID(random: random), accountId: stray.id, label: "--api-key", hint: "ther",
      createdAt: 0)
    #expect(
      try await fixture.store.addStartupKey(
        second, hash: APIKeyHash(key: "another"), newAccount: stray, credit: 1,
        onlyIfNoAccount: false) == account.id)
    #expect(try await fixture.store.accounts().count == 1)
    #expect(try await fixture.store.keys(account: account.id).count == 2)
  }

  /// The first start on an empty database prints one key, however many processes start.
  public func firstStartKeyIsPrintedOnce() async throws {
    let fixture = try await fixture()
    let stores = [fixture.store, try await fixture.reopened()]
    let added = try await withThrowingTaskGroup(of: ResourceID?.self) { group in
      for node in 0..<6 {
        let store = stores[node % stores.count]
        group.addTask {
          let random = SystemRandomSource()
          let account = Account(id: ResourceID(random: random), name: "default", createdAt: 0)
          let key = KeyRecord(
            id: ResourceID(random: random), accountId: account.id, label: "first start",
            hint: "\(node)", createdAt: 0)
          return try await store.addStartupKey(
            key, hash: APIKeyHash(key: "first-\(node)"), newAccount: account, credit: 10,
            onlyIfNoAccount: true)
        }
      }
      return try await group.reduce(into: [ResourceID?]()) { $0.append($1) }
    }
    #expect(added.compactMap { $0 }.count == 1, "\(added)")
    let accounts = try await fixture.store.accounts()
    #expect(accounts.count == 1)
    #expect(try await fixture.store.keys(account: try #require(accounts.first).id).count == 1)
  }

  /// Every process asking for the secret at once gets the same bytes: the first one stored.
  public func sharedSecretIsStoredOnce() async throws {
    let fixture = try await fixture()
    let stores = [fixture.store, try await fixture.reopened()]
    let secrets = try await withThrowingTaskGroup(of: [UInt8].self) { group in
      for node in 0..<8 {
        let store = stores[node % stores.count]
        group.addTask {
          try await store.sharedSecret(
            name: "url-signing-key", candidate: [UInt8](repeating: UInt8(node), count: 32))
        }
      }
      return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
    }
    let first = try #require(secrets.first)
    #expect(secrets.allSatisfy { $0 == first })
    #expect(first.count == 32 && Set(first).count == 1 && first[0] < 8)
    let reopened = try await fixture.reopened()
    #expect(
      try await reopened.sharedSecret(name: "url-signing-key", candidate: [9, 9, 9]) == first)
    // Other names are other secrets.
    #expect(try await reopened.sharedSecret(name: "other", candidate: [1, 2, 3]) == [1, 2, 3])
    try await reopened.ping()
  }

  /// The claim stays correct over a long queue with finished jobs, leases and retries mixed
  /// in: the oldest runnable job of the asked kinds comes first.
  public func claimOrderHoldsOverALongQueue() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 1_000_000)
    var videos: [VideoRecord] = []
    for index in 0..<30 {
      var (video, job) = fixture.video(for: account, reserve: 1, createdAt: index)
      if index % 3 == 2 {
        video.kind = .translated
        job = JobRecord.queued(id: job.id, for: video)
      }
      try await store.createVideo(video, job: job)
      videos.append(video)
    }
    // Finish the three oldest jobs, whatever their kind.
    for _ in 0..<3 {
      let lease = try #require(
        try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(100)))
      #expect(
        try await store.completeJob(
          lease, result: VideoResult(duration: 1, files: StoreFixture.files), now: fixture.at(100)))
    }
    // A generated-only claimer skips the translations in between.
    var claimed: [ResourceID] = []
    while let lease = try await store.claimJob(
      owner: "remote", leaseFor: .seconds(30), now: fixture.at(100), kinds: [.generated])
    {
      claimed.append(lease.videoId)
    }
    let expected = videos.enumerated().filter { $0.offset >= 3 && $0.offset % 3 != 2 }.map {
      $0.element.id
    }
    #expect(claimed == expected)
    // Every kind: the translations are left, oldest first.
    let next = try await store.claimJob(
      owner: "local", leaseFor: .seconds(30), now: fixture.at(100))
    #expect(next?.videoId == videos[5].id)
  }
}
