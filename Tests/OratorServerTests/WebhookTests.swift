import Crypto
import Foundation
import Testing

/// Webhook endpoints and delivery, against a real receiver on loopback: signed bodies, the
/// per-video callback URL, retries with backoff, delivery after a crash, event filters and
/// account isolation.
@Suite(.serialized) struct WebhookTests {
  static let fast = ["--webhook-first-retry-seconds", "1", "--webhook-timeout-seconds", "2"]
  /// Quick retries, but a receiver in this busy test process gets time to answer: for tests
  /// that count deliveries exactly, since an answer later than the timeout is (by design,
  /// at least once) delivered again.
  static let patient = [
    "--webhook-first-retry-seconds", "1", "--webhook-timeout-seconds", "15",
  ]

  func addEndpoint(
    _ server: TestServer, url: String, events: [String]? = nil, key: String = TestServer.apiKey
  ) async throws -> JSONValue {
    var body: [String: Any] = ["url": url]
    if let events { body["events"] = events }
    let response = try await server.post("/v1/webhook/endpoint.add", json: body, key: key)
    try #require(
      response.status == 200, "endpoint.add answered \(response.status): \(response.text)")
    #expect(response.json["code"].int == 100 && response.json["message"] == .string("Success"))
    return response.json["data"]
  }

  static func hmac(_ body: Data, secret: String) -> String {
    HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
      .map { String(format: "%02x", $0) }.joined()
  }

  @Test func managesEndpointsPerAccount() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(workers: 0) { server in
      let added = try await addEndpoint(
        server, url: receiver.baseURL + "/hooks", events: ["avatar_video.success"])
      let id = try #require(added["endpoint_id"].string)
      #expect(id.count == 32 && added["secret"].string?.count == 64)
      #expect(added["status"] == .string("enabled"))
      #expect(added["events"].array == [.string("avatar_video.success")])

      let names = try await server.get("/v1/webhook/webhook.list")
      #expect(names.json["data"].array?.contains(.string("avatar_video_gif.success")) == true)

      let patch = try await server.request(
        .PATCH, "/v1/webhook/endpoint.update",
        body: JSONSerialization.data(withJSONObject: ["endpoint_id": id, "events": NSNull()]))
      #expect(patch.status == 200 && patch.json["data"]["events"].isNull, "\(patch.text)")

      // Nothing answers on a closed port: refused, naming the field.
      let dead = try await server.post(
        "/v1/webhook/endpoint.add", json: ["url": "http://127.0.0.1:\(try TestServer.freePort())/x"]
      )
      #expect(dead.status == 400 && dead.text.contains("url"), "\(dead.text)")
      let unknown = try await server.post(
        "/v1/webhook/endpoint.add", json: ["url": receiver.baseURL + "/h", "events": ["nope"]])
      #expect(unknown.status == 400 && unknown.text.contains("events[0]"), "\(unknown.text)")

      // Another account sees none of them and cannot delete them.
      let other = try await server.createKey()
      let theirs = try await server.get("/v1/webhook/endpoint.list", key: other.key)
      #expect(theirs.json["data"].array?.isEmpty == true, "\(theirs.text)")
      let stolen = try await server.delete(
        "/v1/webhook/endpoint.delete?endpoint_id=\(id)", key: other.key)
      #expect(stolen.status == 404)

      let deleted = try await server.delete("/v1/webhook/endpoint.delete?endpoint_id=\(id)")
      #expect(deleted.status == 200 && deleted.json["data"].isNull)
      let list = try await server.get("/v1/webhook/endpoint.list")
      #expect(list.json["data"].array?.isEmpty == true)
    }
  }

  @Test func deliversSignedEventsToTheirAccountOnly() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.patient) { server in
      let all = try await addEndpoint(server, url: receiver.baseURL + "/all")
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/failures", events: ["avatar_video.fail"])
      let other = try await server.createKey()
      _ = try await addEndpoint(server, url: receiver.baseURL + "/other", key: other.key)

      var body = VideoRequest.body(text: "Hi.")
      body["callback_id"] = "order-42"
      body["callback_url"] = receiver.baseURL + "/callback"
      let id = try await server.generate(body)
      let status = try await server.waitForStatus(id)
      try #require(status["status"] == .string("completed"), "\(status)")

      let event = try #require(
        try await receiver.wait(for: 1, path: "all") {
          $0.json["event_type"] == .string("avatar_video.success")
        }.first)
      let secret = try #require(all["secret"].string)
      #expect(event.signature == Self.hmac(event.body, secret: secret))
      let data = event.json["event_data"]
      #expect(data["video_id"] == .string(id) && data["callback_id"] == .string("order-42"))
      #expect(
        data.keys.isSuperset(of: ["url", "gif_download_url", "video_share_page_url", "folder_id"]))
      let video = try await server.get(try #require(data["url"].string), key: nil)
      #expect(video.status == 200 && video.body.count > 1000)

      let callback = try #require(try await receiver.wait(for: 1, path: "callback").first)
      #expect(callback.json["event_type"] == .string("avatar_video.success"))
      #expect(callback.json["event_data"]["callback_id"] == .string("order-42"))

      // Give stray events time to show up, then check the filter and the account boundary.
      try await Task.sleep(for: .seconds(1.5))
      #expect(receiver.deliveries(path: "failures").isEmpty)
      #expect(receiver.deliveries(path: "other").isEmpty)
      #expect(receiver.deliveries(path: "callback").count == 1)
      let success = receiver.deliveries(path: "all").filter {
        $0.json["event_type"] == .string("avatar_video.success")
      }
      #expect(success.count == 1)
    }
  }

  @Test func aFailedRenderSendsTheFailEvent() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    // It counts deliveries exactly.
    try await TestServer.with(arguments: Self.patient) { server in
      let endpoint = try await addEndpoint(
        server, url: receiver.baseURL + "/failures", events: ["avatar_video.fail"])
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/successes", events: ["avatar_video.success"])
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/gifs",
        events: ["avatar_video_gif.success", "avatar_video_gif.fail"])
      // The server's own unknown path answers 404, so the audio cannot be fetched.
      var body = VideoRequest.audioBody(url: server.baseURL + "/missing/voice.mp3")
      body["callback_id"] = "order-7"
      let id = try await server.generate(body)
      #expect(try await server.waitForStatus(id)["status"] == .string("failed"))

      let event = try #require(try await receiver.wait(for: 1, path: "failures").first)
      #expect(event.json["event_type"] == .string("avatar_video.fail"))
      #expect(
        event.signature == Self.hmac(event.body, secret: try #require(endpoint["secret"].string)))
      let data = event.json["event_data"]
      #expect(data["video_id"] == .string(id) && data["callback_id"] == .string("order-7"))
      #expect(data["msg"].string?.isEmpty == false, "\(data)")
      // No GIF will come either: GIF subscribers hear so.
      let gif = try #require(try await receiver.wait(for: 1, path: "gifs").first)
      #expect(gif.json["event_type"] == .string("avatar_video_gif.fail"))
      #expect(gif.json["event_data"]["video_id"] == .string(id))
      try await Task.sleep(for: .seconds(1.5))
      #expect(receiver.deliveries(path: "successes").isEmpty)
      #expect(receiver.deliveries(path: "failures").count == 1)
      #expect(receiver.deliveries(path: "gifs").count == 1)
    }
  }

  @Test func retriesUntilTheReceiverAccepts() async throws {
    let receiver = try await WebhookReceiver(script: [500, 503])
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.patient) { server in
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/flaky", events: ["avatar_video.success"])
      let id = try await server.generate(VideoRequest.body(text: "Hi."))
      let accepted = try await receiver.wait(for: 1, path: "flaky") { $0.answered == 200 }
      #expect(accepted.count == 1)
      #expect(receiver.deliveries(path: "flaky").map(\.answered) == [500, 503, 200])
      #expect(accepted[0].json["event_data"]["video_id"] == .string(id))

      // The receiver has answered; the server records the attempt just after, so the log is
      // read until it shows the delivery (a busy machine may take a moment).
      var log = try await server.get("/v1/webhook/delivery.list")
      for _ in 0..<50 where log.json["data"][0]["status"] != .string("delivered") {
        try await Task.sleep(for: .milliseconds(100))
        log = try await server.get("/v1/webhook/delivery.list")
      }
      let entry = log.json["data"][0]
      #expect(entry["status"] == .string("delivered"), "\(log.text)")
      #expect(entry["attempts"].array?.map { $0["status_code"].int } == [500, 503, 200])
      try await Task.sleep(for: .seconds(1.5))
      #expect(receiver.deliveries(path: "flaky").count == 3)
    }
  }

  @Test func deliversAfterTheServerIsKilled() async throws {
    let receiver = try await WebhookReceiver(fallback: 500)
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.patient) { server in
      _ = try await addEndpoint(server, url: receiver.baseURL + "/later")
      let id = try await server.generate(VideoRequest.body(text: "Hi."))
      _ = try await server.waitForStatus(id)
      _ = try await receiver.wait(for: 1, path: "later")
      // Killed with the event written but not yet accepted by the receiver.
      await server.kill(signal: SIGKILL)
      receiver.answer(200)
      try await server.restart()
      let delivered = try await receiver.wait(for: 1, path: "later") {
        $0.answered == 200 && $0.json["event_type"] == .string("avatar_video.success")
      }
      #expect(delivered.count == 1)
      #expect(delivered[0].json["event_data"]["video_id"] == .string(id))
    }
  }

  @Test func aReceiverThatTimesOutIsTriedAgain() async throws {
    let receiver = try await WebhookReceiver()
    receiver.delayAnswers(by: .seconds(4))
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.fast) { server in
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/slow", events: ["avatar_video.success"])
      let id = try await server.generate(VideoRequest.body(text: "Hi."))
      _ = try await receiver.wait(for: 1, path: "slow")
      receiver.delayAnswers(by: .zero)
      // The first answer came after the 2 s timeout: that attempt failed and a second one,
      // answered at once, delivers the event.
      _ = try await receiver.wait(for: 2, path: "slow")
      let log = try await waitForLog(server) { $0["status"] == .string("delivered") }
      let attempts = log["attempts"].array ?? []
      #expect(attempts.count == 2, "\(log)")
      #expect(attempts.first?["status_code"].isNull == true)
      #expect(attempts.first?["error"].string?.isEmpty == false)
      #expect(attempts.last?["status_code"].int == 200)
      #expect(
        receiver.deliveries(path: "slow").allSatisfy {
          $0.json["event_data"]["video_id"] == .string(id)
        })
    }
  }

  @Test func givesUpWhenTheRetryWindowEnds() async throws {
    let receiver = try await WebhookReceiver(fallback: 500)
    defer { Task { await receiver.stop() } }
    // A 3.6 s window with retries 1 s, 2 s, … apart: a few attempts, then no more.
    let window = ["--webhook-retry-window-hours", "0.001"]
    // Every attempt must be answered (500), not cut off by a timeout on a busy machine.
    try await TestServer.with(arguments: Self.patient + window) { server in
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/down", events: ["avatar_video.success"])
      _ = try await server.generate(VideoRequest.body(text: "Hi."))
      let log = try await waitForLog(server, timeout: .seconds(60)) {
        $0["status"] == .string("failed")
      }
      let attempts = log["attempts"].array ?? []
      #expect(attempts.count >= 2, "\(log)")
      #expect(attempts.allSatisfy { $0["status_code"].int == 500 })
      let sent = receiver.deliveries(path: "down").count
      #expect(sent == attempts.count)
      try await Task.sleep(for: .seconds(3))
      #expect(receiver.deliveries(path: "down").count == sent, "no attempts after giving up")
    }
  }

  @Test func anAttemptCutShortByAKillIsMadeAgain() async throws {
    let receiver = try await WebhookReceiver()
    receiver.delayAnswers(by: .seconds(30))
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.fast) { server in
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/inflight", events: ["avatar_video.success"])
      let id = try await server.generate(VideoRequest.body(text: "Hi."))
      // The first attempt has reached the receiver and is waiting for its answer: no
      // attempt is recorded yet when the server dies.
      _ = try await receiver.wait(for: 1, path: "inflight")
      await server.kill(signal: SIGKILL)
      receiver.delayAnswers(by: .zero)
      try await server.restart()
      let delivered = try await receiver.wait(for: 2, path: "inflight", timeout: .seconds(60))
      #expect(delivered.last?.json["event_data"]["video_id"] == .string(id))
      let log = try await waitForLog(server) { $0["status"] == .string("delivered") }
      #expect(log["attempts"].array?.last?["status_code"].int == 200, "\(log)")
    }
  }

  @Test func aSlowReceiverDoesNotHoldBackOthers() async throws {
    let slow = try await WebhookReceiver()
    slow.delayAnswers(by: .seconds(20))
    let quick = try await WebhookReceiver()
    defer {
      Task {
        await slow.stop()
        await quick.stop()
      }
    }
    try await TestServer.with(arguments: ["--webhook-timeout-seconds", "30"]) { server in
      _ = try await addEndpoint(
        server, url: slow.baseURL + "/slow", events: ["avatar_video.success"])
      _ = try await addEndpoint(
        server, url: quick.baseURL + "/quick", events: ["avatar_video.success"])
      let first = try await server.generate(VideoRequest.body(text: "Hi."))
      _ = try await slow.wait(for: 1, path: "slow")
      let started = ContinuousClock.now
      // The slow receiver is still thinking about the first video's event; the second
      // video's event reaches the quick one as soon as it is rendered.
      let second = try await server.generate(VideoRequest.body(text: "Hello again."))
      let events = try await quick.wait(for: 2, path: "quick", timeout: .seconds(15))
      #expect(
        Set(events.compactMap { $0.json["event_data"]["video_id"].string }) == [first, second])
      #expect(ContinuousClock.now - started < .seconds(18), "waited for the slow receiver")
      // Each video's event went to the slow receiver once: nothing is re-sent while in flight.
      let sentSlowly = slow.deliveries(path: "slow").compactMap {
        $0.json["event_data"]["video_id"].string
      }
      #expect(sentSlowly.count == Set(sentSlowly).count, "\(sentSlowly)")
    }
  }

  @Test func privateReceiversAreRefusedUnlessAllowed() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(workers: 0, allowPrivateURLs: false) { server in
      let endpoint = try await server.post(
        "/v1/webhook/endpoint.add", json: ["url": receiver.baseURL + "/hooks"])
      #expect(endpoint.status == 400, "\(endpoint.text)")
      #expect(endpoint.text.contains("url") && endpoint.text.contains("private"))
      #expect(receiver.deliveries().isEmpty)

      var body = VideoRequest.body(text: "Hi.")
      body["callback_url"] = receiver.baseURL + "/callback"
      let generate = try await server.post("/v2/video/generate", json: body)
      #expect(generate.status == 400, "\(generate.text)")
      #expect(generate.json["error"]["message"].string?.contains("callback_url") == true)
    }
  }

  @Test func redirectsAreNotFollowed() async throws {
    // The first answer is a redirect to /landed: a failed attempt, never a second request
    // to wherever it points. The retry reaches the endpoint itself.
    let receiver = try await WebhookReceiver(script: [307])
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.fast) { server in
      _ = try await addEndpoint(
        server, url: receiver.baseURL + "/bounce", events: ["avatar_video.success"])
      _ = try await server.generate(VideoRequest.body(text: "Hi."))
      _ = try await receiver.wait(for: 2, path: "bounce")
      let log = try await waitForLog(server) { $0["status"] == .string("delivered") }
      #expect(log["attempts"].array?.map { $0["status_code"].int } == [307, 200], "\(log)")
      #expect(receiver.deliveries(path: "landed").isEmpty)
    }
  }

  @Test func aDisabledEndpointsPendingEventsAreNotSent() async throws {
    let receiver = try await WebhookReceiver(fallback: 500)
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: Self.patient) { server in
      let endpoint = try await addEndpoint(
        server, url: receiver.baseURL + "/off", events: ["avatar_video.success"])
      let id = try #require(endpoint["endpoint_id"].string)
      _ = try await server.generate(VideoRequest.body(text: "Hi."))
      _ = try await receiver.wait(for: 1, path: "off")
      // Disabled while its event waits for a retry: the retry never comes.
      let patch = try await server.request(
        .PATCH, "/v1/webhook/endpoint.update",
        body: JSONSerialization.data(withJSONObject: ["endpoint_id": id, "status": "disabled"]))
      #expect(patch.status == 200 && patch.json["data"]["status"] == .string("disabled"))
      receiver.answer(200)
      let log = try await waitForLog(server) { $0["status"] == .string("failed") }
      #expect(log["attempts"].array?.count == 1, "\(log)")
      try await Task.sleep(for: .seconds(2))
      #expect(receiver.deliveries(path: "off").count == 1)
    }
  }

  /// Polls `GET /v1/webhook/delivery.list` until its newest entry matches.
  func waitForLog(
    _ server: TestServer, timeout: Duration = .seconds(30), until matches: (JSONValue) -> Bool
  ) async throws -> JSONValue {
    let deadline = ContinuousClock.now + timeout
    while true {
      let log = try await server.get("/v1/webhook/delivery.list")
      let entry = log.json["data"][0]
      if matches(entry) { return entry }
      guard ContinuousClock.now < deadline else {
        throw TestServerError("delivery log never matched: \(log.text)")
      }
      try await Task.sleep(for: .milliseconds(200))
    }
  }
}
