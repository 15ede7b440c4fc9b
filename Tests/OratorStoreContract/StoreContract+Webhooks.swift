import Foundation
import OratorCore
import Testing

extension StoreFixture {
  @discardableResult
  func makeEndpoint(
    for account: Account, url: String = "https://hooks.example/all",
    events: [WebhookEventType]? = nil, status: String = "enabled", createdAt: Int = 0
  ) async throws -> WebhookEndpoint {
    let endpoint = WebhookEndpoint(
      id: ResourceID(random: random), accountId: account.id, url: url, events: events,
      secret: "secret-\(url.suffix(3))", status: status, createdAt: start.unixSeconds + createdAt)
    try await store.addWebhookEndpoint(endpoint)
    return endpoint
  }

  /// A video with a per-request callback URL, claimed by a worker.
  func claimedVideo(for account: Account, kind: VideoKind = .generated, request: Data? = nil)
    async throws -> (VideoRecord, JobLease)
  {
    let (made, job) = self.video(for: account)
    var video = made
    video.kind = kind
    video.callbackUrl = "https://client.example/callback"
    if let request { video.request = request }
    try await store.createVideo(video, job: job)
    let lease = try #require(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: at(1)))
    return (video, lease)
  }
}

extension StoreContract {
  public func webhookEndpointsBelongToTheirAccount() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let ada = try await fixture.makeAccount()
    let bob = try await fixture.makeAccount(name: "Bob")
    let first = try await fixture.makeEndpoint(for: ada, url: "https://a.example/one")
    var second = try await fixture.makeEndpoint(
      for: ada, url: "https://a.example/two", events: [.avatarVideoFail], createdAt: 5)
    #expect(try await store.webhookEndpoints(account: ada.id) == [first, second])
    #expect(try await store.webhookEndpoints(account: bob.id).isEmpty)

    second.url = "https://a.example/moved"
    second.events = nil
    second.status = "disabled"
    second.secret = "whsec_rotated"
    var stolen = second
    stolen.accountId = bob.id
    #expect(try await store.updateWebhookEndpoint(stolen) == false)
    #expect(try await store.updateWebhookEndpoint(second))
    #expect(try await store.webhookEndpoints(account: ada.id) == [first, second])
    #expect(
      try await store.deleteWebhookEndpoint(id: first.id, account: bob.id, now: fixture.at(1))
        == false)
    #expect(
      try await store.deleteWebhookEndpoint(id: first.id, account: ada.id, now: fixture.at(1)))
    #expect(try await store.webhookEndpoints(account: ada.id) == [second])

    await #expect(throws: StoreError.self) { try await store.addWebhookEndpoint(second) }
    var stray = second
    stray.id = ResourceID(random: fixture.random)
    stray.accountId = ResourceID(random: fixture.random)
    await #expect(throws: StoreError.unknownAccount(stray.accountId)) {
      try await store.addWebhookEndpoint(stray)
    }
  }

  /// Every event name HeyGen's clients may ask for is kept and read back as given, those
  /// Orator never sends included, on add and on update; an endpoint that wants only events
  /// Orator never sends gets nothing queued.
  public func everyHeyGenEventNameRoundTrips() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let all = WebhookEventType.allCases
    #expect(all.count == 30)
    var endpoint = try await fixture.makeEndpoint(
      for: account, url: "https://hooks.example/all", events: all)
    #expect(try await store.webhookEndpoints(account: account.id) == [endpoint])
    endpoint.events = [.personalizedVideo, .batchFinished, .videoTranslatePreflightDownloadFailed]
    #expect(try await store.updateWebhookEndpoint(endpoint))
    #expect(try await store.webhookEndpoints(account: account.id).first?.events == endpoint.events)
    #expect(!endpoint.wants(.avatarVideoSuccess) && endpoint.wants(.batchFinished))
  }

  /// Completing a video writes its events in the same transaction: every enabled endpoint
  /// that wants them, and the main event (not the GIF one) for the callback URL.
  public func completionQueuesEvents() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let all = try await fixture.makeEndpoint(for: account, url: "https://hooks.example/all")
    try await fixture.makeEndpoint(
      for: account, url: "https://hooks.example/fails", events: [.avatarVideoFail])
    try await fixture.makeEndpoint(
      for: account, url: "https://hooks.example/off", status: "disabled")
    let (video, lease) = try await fixture.claimedVideo(for: account)
    #expect(try await store.webhookEventLog(account: account.id, endpoint: nil, limit: 10).isEmpty)

    let result = VideoResult(duration: 4, files: StoreFixture.files)
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(10)))
    // A refused, late completion writes nothing more.
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(11)) == false)

    let deliveries = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(10))
    let sent = deliveries.map { "\($0.event.type.rawValue) \($0.url) \($0.secret ?? "-")" }
    #expect(
      sent.sorted() == [
        "avatar_video.success https://client.example/callback -",
        "avatar_video.success https://hooks.example/all secret-all",
        "avatar_video_gif.success https://hooks.example/all secret-all",
      ])
    let payload = try JSONDecoder().decode(
      VideoEventPayload.self, from: Data(try #require(deliveries.first).event.payload))
    #expect(payload.videoId == video.id.rawValue && payload.callbackId == "cb-1")
    #expect(payload.videoFile == "v/video.mp4" && payload.gifFile == "v/preview.gif")
    #expect(deliveries.allSatisfy { $0.event.attempts == 0 && $0.event.accountId == account.id })
    #expect(
      try await store.webhookEventLog(account: account.id, endpoint: all.id, limit: 10).count == 2)
  }

  /// A failed video (here: its last worker vanished) reports the failure; a translation's
  /// events are `video_translate.*` and carry the target language.
  public func failuresAndTranslationsQueueTheirEvents() async throws {
    let fixture = try await fixture(retryPolicy: RetryPolicy(maxAttempts: 1))
    let store = fixture.store
    let account = try await fixture.makeAccount()
    try await fixture.makeEndpoint(for: account)
    let (lost, _) = try await fixture.claimedVideo(for: account)
    // Claiming after the lease ran out fails the video instead of running it a second time.
    #expect(
      try await store.claimJob(owner: "w", leaseFor: .seconds(60), now: fixture.at(61)) == nil)

    let spec = TranslationSpec(
      source: .url("https://example.com/talk.mp4"), outputLanguage: "Spanish",
      outputLanguageCode: "es", title: "Charla")
    let (translated, lease) = try await fixture.claimedVideo(
      for: account, kind: .translated, request: spec.encoded())
    #expect(
      try await store.failJob(
        lease, failure: VideoFailure(code: 7, message: "no speech"), retryable: false,
        now: fixture.at(70)) == .videoFailed)

    let log = try await store.webhookEventLog(account: account.id, endpoint: nil, limit: 10)
    var seen: [String] = []
    for entry in log {
      let payload = try JSONDecoder().decode(
        VideoEventPayload.self, from: Data(entry.event.payload))
      seen.append(
        "\(entry.event.type.rawValue) \(payload.videoId == lost.id.rawValue ? "lost" : "") "
          + "\(payload.videoId == translated.id.rawValue ? "translated" : "") "
          + "\(payload.message ?? "-") \(payload.outputLanguage ?? "-") "
          + (entry.event.endpointId == nil ? "callback" : "endpoint"))
    }
    let workerLost = VideoFailure.workerLost(attempts: 1).message
    #expect(
      seen.sorted() == [
        "avatar_video.fail lost  \(workerLost) - callback",
        "avatar_video.fail lost  \(workerLost) - endpoint",
        "avatar_video_gif.fail lost  \(workerLost) - endpoint",
        "video_translate.fail  translated no speech Spanish callback",
        "video_translate.fail  translated no speech Spanish endpoint",
      ])
  }

  /// A claimed event is held: no other dispatcher gets it until the hold ends, and what an
  /// attempt decides (delivered, retry later, give up) is kept with the attempt itself.
  public func webhookClaimsHoldAndAttemptsAreRecorded() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let endpoint = try await fixture.makeEndpoint(for: account)
    for index in 0..<3 {
      let (_, lease) = try await fixture.claimedVideo(for: account)
      let result = VideoResult(duration: 1, files: VideoFiles(video: "v\(index).mp4"))
      #expect(try await store.completeJob(lease, result: result, now: fixture.at(10 + index)))
    }
    // Three videos, each with an endpoint event and a callback event.
    let first = try await store.claimWebhookEvents(
      limit: 4, leaseFor: .seconds(30), now: fixture.at(20))
    #expect(first.count == 4)
    #expect(first.map(\.event.createdAt) == first.map(\.event.createdAt).sorted())
    let rest = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(21))
    #expect(rest.count == 2)
    #expect(Set((first + rest).map(\.event.id)).count == 6)
    #expect(
      try await store.claimWebhookEvents(limit: 10, leaseFor: .seconds(30), now: fixture.at(49))
        .isEmpty)

    let delivered = first[0].event.id
    let retried = first[1].event.id
    let abandoned = first[2].event.id
    try await store.recordDeliveryAttempt(
      eventId: delivered,
      attempt: DeliveryAttempt(
        at: fixture.at(22).unixSeconds, statusCode: 200, error: nil,
        durationMilliseconds: 12),
      outcome: .delivered)
    try await store.recordDeliveryAttempt(
      eventId: retried,
      attempt: DeliveryAttempt(
        at: fixture.at(22).unixSeconds, statusCode: 500, error: "HTTP 500",
        durationMilliseconds: 30),
      outcome: .retry(at: fixture.at(100).unixSeconds))
    try await store.recordDeliveryAttempt(
      eventId: abandoned,
      attempt: DeliveryAttempt(
        at: fixture.at(23).unixSeconds, statusCode: nil,
        error: "refused", durationMilliseconds: 1),
      outcome: .gaveUp)

    // The hold has ended for the three not yet attempted; the retried one waits for its time.
    let again = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(300), now: fixture.at(51))
    #expect(Set(again.map(\.event.id)) == Set((first.dropFirst(3) + rest).map(\.event.id)))
    let later = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(100))
    #expect(later.map(\.event.id) == [retried])
    #expect(later.first?.event.attempts == 1)

    let log = try await store.webhookEventLog(account: account.id, endpoint: nil, limit: 100)
    #expect(log.count == 6)
    let byId = Dictionary(uniqueKeysWithValues: log.map { ($0.event.id, $0) })
    #expect(byId[delivered]?.event.deliveredAt == fixture.at(22).unixSeconds)
    #expect(
      byId[delivered]?.attempts == [
        DeliveryAttempt(
          at: fixture.at(22).unixSeconds, statusCode: 200, error: nil, durationMilliseconds: 12)
      ])
    #expect(byId[retried]?.event.nextAttemptAt == fixture.at(130).unixSeconds)
    #expect(byId[abandoned]?.event.gaveUpAt == fixture.at(23).unixSeconds)
    #expect(byId[abandoned]?.attempts.first?.error == "refused")
    #expect(log.map(\.event.createdAt) == log.map(\.event.createdAt).sorted(by: >))
    #expect(
      try await store.webhookEventLog(account: account.id, endpoint: endpoint.id, limit: 100)
        .allSatisfy { $0.event.endpointId == endpoint.id })
    #expect(
      try await store.webhookEventLog(account: account.id, endpoint: nil, limit: 2).count == 2)
  }

  /// Deleting an endpoint gives up its pending events; they stay in the log.
  public func deletedEndpointsEventsAreGivenUp() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let endpoint = try await fixture.makeEndpoint(for: account)
    let (_, lease) = try await fixture.claimedVideo(for: account)
    let result = VideoResult(duration: 1, files: VideoFiles(video: "v.mp4"))
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(5)))
    #expect(
      try await store.deleteWebhookEndpoint(
        id: endpoint.id, account: account.id, now: fixture.at(6)))
    let deliveries = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(7))
    #expect(deliveries.map(\.url) == ["https://client.example/callback"])
    let log = try await store.webhookEventLog(account: account.id, endpoint: endpoint.id, limit: 10)
    #expect(log.map(\.event.gaveUpAt) == [fixture.at(6).unixSeconds])
  }

  /// Disabling an endpoint gives up its pending events when they come due; re-enabling it
  /// does not bring them back, and the video's own callback is unaffected.
  public func disabledEndpointsEventsAreGivenUp() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    var endpoint = try await fixture.makeEndpoint(for: account)
    let (_, lease) = try await fixture.claimedVideo(for: account)
    let result = VideoResult(duration: 1, files: VideoFiles(video: "v.mp4"))
    #expect(try await store.completeJob(lease, result: result, now: fixture.at(5)))
    endpoint.status = "disabled"
    #expect(try await store.updateWebhookEndpoint(endpoint))
    let deliveries = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(7))
    #expect(deliveries.map(\.url) == ["https://client.example/callback"])
    endpoint.status = "enabled"
    #expect(try await store.updateWebhookEndpoint(endpoint))
    // Later claims (after the callback's hold) bring back the callback only.
    let later = try await store.claimWebhookEvents(
      limit: 10, leaseFor: .seconds(30), now: fixture.at(60))
    #expect(later.map(\.url) == ["https://client.example/callback"])
    let log = try await store.webhookEventLog(account: account.id, endpoint: endpoint.id, limit: 10)
    #expect(!log.isEmpty && log.allSatisfy { $0.event.gaveUpAt == fixture.at(7).unixSeconds })
  }

  /// Two stores on one database stand for two API nodes: their dispatchers never take the
  /// same event.
  public func twoStoresNeverClaimTheSameEvent() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount(credit: 100_000)
    for _ in 0..<3 { try await fixture.makeEndpoint(for: account) }
    for index in 0..<10 {
      try await fixture.makeVideo(for: account, reserve: 1, createdAt: index)
    }
    let result = VideoResult(duration: 1, files: VideoFiles(video: "v.mp4"))
    while let lease = try await fixture.store.claimJob(
      owner: "w", leaseFor: .seconds(60), now: fixture.at(20))
    {
      #expect(try await fixture.store.completeJob(lease, result: result, now: fixture.at(21)))
    }
    let stores = [fixture.store, try await fixture.reopened()]
    let now = fixture.at(30)
    let claimed = try await withThrowingTaskGroup(of: [ResourceID].self) { group in
      for dispatcher in 0..<6 {
        let store = stores[dispatcher % 2]
        group.addTask {
          var mine: [ResourceID] = []
          while true {
            let batch = try await store.claimWebhookEvents(
              limit: 2, leaseFor: .seconds(300), now: now)
            if batch.isEmpty { return mine }
            mine += batch.map(\.event.id)
          }
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(claimed.count == 30)
    #expect(Set(claimed).count == 30)
  }

  /// A second record with a taken id or key hash is a `.conflict`, whichever the store.
  public func duplicatesAreConflicts() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount()
    let issued = APIKeyIssuer(random: fixture.random)
      .issue(for: account.id, label: "laptop", createdAt: fixture.start.unixSeconds)
    try await fixture.store.addKey(issued.record, hash: issued.hash)
    let sameHash = KeyRecord(
      id: ResourceID(random: fixture.random), accountId: account.id, label: "copy",
      hint: issued.record.hint, createdAt: fixture.start.unixSeconds)
    for attempt in [
      { try await fixture.store.addKey(sameHash, hash: issued.hash) },
      { try await fixture.store.createAccount(account, credit: 1) },
    ] as [@Sendable () async throws -> Void] {
      do {
        try await attempt()
        Issue.record("a duplicate was stored")
      } catch let error as StoreError {
        guard case .conflict = error else {
          Issue.record("expected .conflict, got \(error)")
          continue
        }
      }
    }
  }
}
