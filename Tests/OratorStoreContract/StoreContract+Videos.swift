import Foundation
import OratorCore
import Testing

extension StoreContract {
  public func createClaimComplete() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 30)
    #expect(try await store.video(id: video.id, account: account.id)?.status == .pending)
    #expect(try await store.remainingCredit(account: account.id) == 70)
    #expect(try await store.activeRenderCount(account: account.id) == 1)

    let lease = try #require(
      try await store.claimJob(owner: "worker-1", leaseFor: .seconds(60), now: fixture.at(1)))
    #expect(lease.videoId == video.id && lease.accountId == account.id)
    #expect(lease.owner == "worker-1" && lease.attempt == 1)
    #expect(lease.expiresAt == fixture.at(61).unixSeconds)
    #expect(try await store.video(id: video.id, account: account.id)?.status == .processing)
    #expect(
      try await store.claimJob(owner: "worker-2", leaseFor: .seconds(60), now: fixture.at(2)) == nil
    )
    #expect(try await store.heartbeat(lease, extendTo: fixture.at(120)))

    let result = VideoResult(duration: 12.4, files: StoreFixture.files, spokenLanguage: "en")
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(30)))
    let done = try #require(try await store.video(id: video.id, account: account.id))
    #expect(done.status == .completed)
    #expect(done.files == StoreFixture.files)
    #expect(done.spokenLanguage == "en")
    #expect(done.duration == 12.4)
    #expect(done.chargedCredit == 13 && done.reservedCredit == 0)
    #expect(done.updatedAt == fixture.at(30).unixSeconds)
    #expect(done.failure == nil)
    #expect(try await store.remainingCredit(account: account.id) == 87)
    #expect(try await store.activeRenderCount(account: account.id) == 0)
    // Finished work is not handed out again, nor finished twice.
    #expect(
      try await store.claimJob(owner: "worker-2", leaseFor: .seconds(60), now: fixture.at(500))
        == nil)
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(31)) == false)
  }

  public func insufficientCreditLeavesNothing() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 10)
    let (video, job) = fixture.video(for: account, reserve: 11)

    await #expect(throws: StoreError.insufficientCredit(needed: 11, remaining: 10)) {
      try await store.createVideo(video, job: job)
    }
    #expect(try await store.video(id: video.id, account: account.id) == nil)
    #expect(try await store.listVideos(account: account.id, limit: 10, after: nil).videos.isEmpty)
    #expect(try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(1)) == nil)
    #expect(try await store.remainingCredit(account: account.id) == 10)
    // Exactly the balance is enough.
    try await fixture.makeVideo(for: account, reserve: 10)
    #expect(try await store.remainingCredit(account: account.id) == 0)
  }

  public func duplicateVideoIsRefusedWhole() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 10)
    let job = JobRecord.queued(id: ResourceID(random: fixture.random), for: video)
    await #expect(throws: StoreError.self) {
      try await fixture.store.createVideo(video, job: job)
    }
    #expect(try await fixture.store.remainingCredit(account: account.id) == 90)
  }

  public func testVideosCostNothing() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 0)
    let video = try await fixture.makeVideo(for: account, reserve: 50, isTest: true)
    #expect(try await store.video(id: video.id, account: account.id)?.reservedCredit == 0)

    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(1)))
    let result = VideoResult(duration: 12.3, files: VideoFiles(video: "t/video.mp4"))
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(2)))
    #expect(try await store.video(id: video.id, account: account.id)?.chargedCredit == 0)
    #expect(try await store.remainingCredit(account: account.id) == 0)
  }

  public func deleteWhileLeased() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 40)
    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(1)))

    let deleted = try await store.deleteVideo(id: video.id, account: account.id, now: fixture.at(5))
    #expect(deleted?.id == video.id)
    #expect(try await store.video(id: video.id, account: account.id) == nil)
    #expect(try await store.remainingCredit(account: account.id) == 100)
    #expect(try await store.activeRenderCount(account: account.id) == 0)

    let result = VideoResult(duration: 3, files: StoreFixture.files)
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(6)) == false)
    #expect(try await store.heartbeat(lease, extendTo: fixture.at(60)) == false)
    #expect(
      try await store.failJob(
        lease, failure: VideoFailure(code: 1, message: "x"), retryable: true, now: fixture.at(6))
        == .leaseLost)
    // Not even once its lease would have run out.
    #expect(
      try await store.claimJob(owner: "w2", leaseFor: .seconds(30), now: fixture.at(100)) == nil)
    #expect(try await store.remainingCredit(account: account.id) == 100)
    #expect(
      try await store.deleteVideo(id: video.id, account: account.id, now: fixture.at(7)) == nil)
  }

  public func deleteQueuedVideo() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount(credit: 100)
    let video = try await fixture.makeVideo(for: account, reserve: 40)
    #expect(
      try await fixture.store.deleteVideo(id: video.id, account: account.id, now: fixture.at(1))
        == video)
    #expect(
      try await fixture.store.claimJob(owner: "w", leaseFor: .seconds(30), now: fixture.at(2))
        == nil)
    #expect(
      try await fixture.store.listVideos(account: account.id, limit: 10, after: nil).videos.isEmpty)
  }

  public func paginationReturnsEveryVideoOnce() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount(credit: 10_000)
    let other = try await fixture.makeAccount(name: "Grace")
    try await fixture.makeVideo(for: other)
    var made: [VideoRecord] = []
    // Several videos share a second, so the order must also break ties.
    for index in 0..<23 {
      made.append(try await fixture.makeVideo(for: account, reserve: 1, createdAt: index / 3))
    }
    let newestFirst = made.sorted {
      ($0.createdAt, $0.id.rawValue) > ($1.createdAt, $1.id.rawValue)
    }.map(\.id)

    for limit in [1, 2, 5, 7, 22, 23, 24, 100] {
      var seen: [ResourceID] = []
      var token: VideoPageToken?
      var pages = 0
      repeat {
        let page = try await store.listVideos(account: account.id, limit: limit, after: token)
        #expect(page.videos.count <= limit)
        seen += page.videos.map(\.id)
        // The token travels through a query string as text.
        token = try page.next.map { try #require(VideoPageToken(string: $0.string)) }
        pages += 1
      } while token != nil && pages < 100
      #expect(seen == newestFirst, "limit \(limit)")
      #expect(pages == (23 + limit - 1) / limit, "limit \(limit)")
    }
    // Limits outside 1…100 are clamped.
    #expect(try await store.listVideos(account: account.id, limit: 0, after: nil).videos.count == 1)
    #expect(
      try await store.listVideos(account: account.id, limit: 1000, after: nil).videos.count == 23)
  }

  public func reopeningKeepsEverything() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount(credit: 100)
    let issued = APIKeyIssuer(random: fixture.random)
      .issue(for: account.id, label: "server", createdAt: fixture.start.unixSeconds)
    try await fixture.store.addKey(issued.record, hash: issued.hash)
    let video = try await fixture.makeVideo(for: account, reserve: 25)
    let lease = try #require(
      try await fixture.store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(1)))

    // A restart: a new store on the same database, the first one gone.
    let restarted = try await fixture.reopened()
    #expect(try await restarted.account(forKeyHash: APIKeyHash(key: issued.key)) == account)
    #expect(try await restarted.video(id: video.id, account: account.id)?.status == .processing)
    #expect(try await restarted.remainingCredit(account: account.id) == 75)
    #expect(try await restarted.heartbeat(lease, extendTo: fixture.at(90)))
    let result = VideoResult(duration: 20, files: StoreFixture.files)
    #expect(try await restarted.completeJob(lease, result: result, now: fixture.at(40)))
    #expect(try await restarted.remainingCredit(account: account.id) == 80)
  }
}

extension StoreContract {
  /// A rename changes the title only, and only of the account's own live video.
  public func renameKeepsEverythingElse() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount()
    let stranger = try await fixture.makeAccount(name: "Grace")
    let (video, job) = fixture.video(for: account)
    try await fixture.store.createVideo(video, job: job)
    let renamed = try await fixture.store.renameVideo(
      id: video.id, account: account.id, title: "New title")
    #expect(renamed?.title == "New title")
    var expected = video
    expected.title = "New title"
    #expect(try await fixture.store.video(id: video.id, account: account.id) == expected)
    #expect(
      try await fixture.store.renameVideo(id: video.id, account: stranger.id, title: "x") == nil)
    _ = try await fixture.store.deleteVideo(id: video.id, account: account.id, now: fixture.at(1))
    #expect(
      try await fixture.store.renameVideo(id: video.id, account: account.id, title: "y") == nil)
  }
}
