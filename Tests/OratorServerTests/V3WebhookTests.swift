import Foundation
import Testing

/// `/v3/webhooks/…` as HeyGen's CLI drives it (`webhook endpoints create|list|update|delete|
/// rotate-secret`, `webhook event-types`, `webhook events`), against a real receiver on
/// loopback, over the same endpoints and outbox as v1.
@Suite("v3 webhooks", .serialized)
struct V3WebhookTests {
  let schemas = V3ResponseSchemas.shared

  func patch(_ server: TestServer, _ path: String, _ json: Any, key: String = TestServer.apiKey)
    async throws -> TestServer.Response
  {
    try await server.request(
      .PATCH, path, body: try JSONSerialization.data(withJSONObject: json), key: key)
  }

  @Test("create, list, update, rotate-secret, delete; deliveries signed and listed as events")
  func endpointLifecycleAndDelivery() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: WebhookTests.fast) { server in
      let cli = HeyGenCLIClient(server: server)
      let created = try await cli.post(
        "/v3/webhooks/endpoints",
        json: ["url": receiver.baseURL + "/first", "events": ["avatar_video.success"]])
      #expect(created.status == 200, "\(created.text)")
      schemas.expectValid(created.json, endpoint: "POST /v3/webhooks/endpoints")
      let endpoint = created.json["data"]
      let id = try #require(endpoint["endpoint_id"].string)
      let firstSecret = try #require(endpoint["secret"].string)
      #expect(firstSecret.hasPrefix("whsec_") && firstSecret.count > 40)
      #expect(endpoint["status"].string == "enabled")
      #expect(ISO8601DateFormatter().date(from: endpoint["created_at"].string ?? "") != nil)

      let listed = try await cli.get("/v3/webhooks/endpoints")
      schemas.expectValid(listed.json, endpoint: "GET /v3/webhooks/endpoints")
      let row = try #require(listed.json["data"].array?.first)
      #expect(row["endpoint_id"].string == id && row["secret"].isNull, "no secret in lists")
      // One endpoint store: v1 lists it too.
      let v1 = try await server.get("/v1/webhook/endpoint.list")
      #expect(v1.json["data"][0]["endpoint_id"].string == id)

      // events: null means every event; the URL moves (and is probed again).
      let updated = try await patch(
        server, "/v3/webhooks/endpoints/\(id)",
        ["url": receiver.baseURL + "/moved", "events": NSNull()])
      #expect(updated.status == 200, "\(updated.text)")
      schemas.expectValid(updated.json, endpoint: "PATCH /v3/webhooks/endpoints/{endpoint_id}")
      #expect(updated.json["data"]["events"].isNull && updated.json["data"]["secret"].isNull)
      #expect(updated.json["data"]["url"].string == receiver.baseURL + "/moved")

      let rotated = try await cli.post("/v3/webhooks/endpoints/\(id)/rotate-secret", json: [:])
      #expect(rotated.status == 200, "\(rotated.text)")
      schemas.expectValid(
        rotated.json, endpoint: "POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret")
      let secret = try #require(rotated.json["data"]["secret"].string)
      #expect(secret != firstSecret && secret.hasPrefix("whsec_"))

      let types = try await cli.get("/v3/webhooks/event-types")
      schemas.expectValid(types.json, endpoint: "GET /v3/webhooks/event-types")
      let names = types.json["data"].array?.compactMap { $0["event_type"].string } ?? []
      #expect(names.contains("avatar_video.success") && names.contains("video_translate.fail"))
      #expect(types.json["data"][0]["description"].string?.isEmpty == false)

      // A video's success reaches the moved URL, signed with the new secret, carrying an
      // event id and the time of sending inside the signed body.
      let video = try await server.generate(VideoRequest.body(text: "Hello hooks."))
      let sentAround = Date()
      let delivery = try #require(
        try await receiver.wait(for: 1, path: "moved") {
          $0.json["event_type"].string == "avatar_video.success"
        }.first)
      #expect(delivery.signature == WebhookTests.hmac(delivery.body, secret: secret))
      #expect(delivery.signature != WebhookTests.hmac(delivery.body, secret: firstSecret))
      let eventID = try #require(delivery.json["event_id"].string)
      let timestamp = try #require(delivery.json["timestamp"].double)
      #expect(abs(timestamp - sentAround.timeIntervalSince1970) < 300, "\(timestamp)")
      #expect(delivery.json["event_data"]["video_id"].string == video)
      #expect(receiver.deliveries(path: "first").isEmpty)

      let events = try await cli.get(
        "/v3/webhooks/events", query: ["event_type": "avatar_video.success", "entity_id": video])
      schemas.expectValid(events.json, endpoint: "GET /v3/webhooks/events")
      let listedEvent = try #require(events.json["data"].array?.first, "\(events.text)")
      #expect(listedEvent["event_id"].string == eventID)
      #expect(listedEvent["event_data"]["video_id"].string == video)
      #expect(ISO8601DateFormatter().date(from: listedEvent["created_at"].string ?? "") != nil)
      let otherEntity = try await cli.get("/v3/webhooks/events", query: ["entity_id": "nothing"])
      #expect(otherEntity.json["data"].array?.isEmpty == true)

      let deleted = try await cli.delete("/v3/webhooks/endpoints/\(id)")
      #expect(deleted.status == 200, "\(deleted.text)")
      schemas.expectValid(deleted.json, endpoint: "DELETE /v3/webhooks/endpoints/{endpoint_id}")
      #expect(try await cli.get("/v3/webhooks/endpoints").json["data"].array?.isEmpty == true)
      let again = try await cli.delete("/v3/webhooks/endpoints/\(id)")
      #expect(again.status == 404 && again.json["error"]["code"].string == "not_found")
    }
  }

  /// Every event name HeyGen's clients send is taken and listed back, those Orator never
  /// fires included; event-types lists only what Orator fires; the history of such an event
  /// is empty. `status` on PATCH (Orator's extension) pauses and resumes an endpoint.
  @Test("HeyGen's event names are accepted; status pauses an endpoint")
  func heyGenEventNamesAndStatus() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let heyGen = [
        "avatar_video.success", "avatar_video.fail", "avatar_video_gif.success",
        "avatar_video_gif.fail", "avatar_video_caption.success", "avatar_video_caption.fail",
        "video_translate.success", "video_translate.fail",
        "video_translate.preflight.validation_failed",
        "video_translate.preflight.download_failed", "personalized_video",
        "instant_avatar.success", "instant_avatar.fail", "photo_avatar_generation.success",
        "photo_avatar_generation.fail", "photo_avatar_train.success", "photo_avatar_train.fail",
        "photo_avatar_add_motion.success", "photo_avatar_add_motion.fail",
        "proofread_creation.success", "proofread_creation.fail", "live_avatar.success",
        "live_avatar.fail", "video_agent.success", "video_agent.fail",
        "hyperframes_video.success", "hyperframes_video.fail", "ai_clipping.success",
        "ai_clipping.fail", "batch.finished",
      ]
      let created = try await cli.post(
        "/v3/webhooks/endpoints", json: ["url": receiver.baseURL + "/all", "events": heyGen])
      #expect(created.status == 200, "\(created.text)")
      schemas.expectValid(created.json, endpoint: "POST /v3/webhooks/endpoints")
      #expect(created.json["data"]["events"].array?.compactMap(\.string) == heyGen)
      let id = try #require(created.json["data"]["endpoint_id"].string)
      let listed = try await cli.get("/v3/webhooks/endpoints")
      #expect(listed.json["data"][0]["events"].array?.compactMap(\.string) == heyGen)

      let narrowed = try await patch(
        server, "/v3/webhooks/endpoints/\(id)",
        ["events": ["batch.finished", "live_avatar.fail"], "status": "disabled"])
      #expect(narrowed.status == 200, "\(narrowed.text)")
      schemas.expectValid(narrowed.json, endpoint: "PATCH /v3/webhooks/endpoints/{endpoint_id}")
      #expect(narrowed.json["data"]["status"].string == "disabled")
      #expect(
        narrowed.json["data"]["events"].array?.compactMap(\.string) == [
          "batch.finished", "live_avatar.fail",
        ])
      let resumed = try await patch(server, "/v3/webhooks/endpoints/\(id)", ["status": "enabled"])
      #expect(resumed.json["data"]["status"].string == "enabled", "\(resumed.text)")
      let badStatus = try await patch(server, "/v3/webhooks/endpoints/\(id)", ["status": "off"])
      #expect(badStatus.status == 400 && badStatus.json["error"]["param"].string == "status")
      let typo = try await patch(
        server, "/v3/webhooks/endpoints/\(id)", ["events": ["batch.finished", "batch.done"]])
      #expect(typo.status == 400 && typo.json["error"]["param"].string == "events[1]")

      let types = try await cli.get("/v3/webhooks/event-types")
      let names = types.json["data"].array?.compactMap { $0["event_type"].string } ?? []
      #expect(
        Set(names) == [
          "avatar_video.success", "avatar_video.fail", "avatar_video_gif.success",
          "avatar_video_gif.fail", "video_translate.success", "video_translate.fail",
        ], "only what Orator sends")
      let never = try await cli.get("/v3/webhooks/events", query: ["event_type": "batch.finished"])
      #expect(never.status == 200 && never.json["data"].array?.isEmpty == true, "\(never.text)")
    }
  }

  @Test("refusals name the field; another account's endpoint is not found")
  func refusals() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let noURL = try await cli.post("/v3/webhooks/endpoints", json: ["events": NSNull()])
      #expect(noURL.status == 400 && noURL.json["error"]["param"].string == "url", "\(noURL.text)")
      let unknown = try await cli.post(
        "/v3/webhooks/endpoints", json: ["url": receiver.baseURL + "/x", "events": ["nope"]])
      #expect(unknown.status == 400 && unknown.json["error"]["param"].string == "events[0]")
      let dead = try await cli.post(
        "/v3/webhooks/endpoints",
        json: ["url": "http://127.0.0.1:\(try TestServer.freePort())/x"])
      #expect(dead.status == 400 && dead.json["error"]["param"].string == "url", "\(dead.text)")

      let mine = try await cli.post(
        "/v3/webhooks/endpoints", json: ["url": receiver.baseURL + "/mine"])
      let id = try #require(mine.json["data"]["endpoint_id"].string)
      let other = try await server.createKey().key
      let theirs = HeyGenCLIClient(server: server, key: other)
      #expect(try await theirs.get("/v3/webhooks/endpoints").json["data"].array?.isEmpty == true)
      #expect(try await theirs.delete("/v3/webhooks/endpoints/\(id)").status == 404)
      #expect(
        try await theirs.post("/v3/webhooks/endpoints/\(id)/rotate-secret", json: [:]).status
          == 404)
      #expect(
        try await patch(server, "/v3/webhooks/endpoints/\(id)", ["events": []], key: other).status
          == 404)
      let badQuery = try await cli.get("/v3/webhooks/events", query: ["event_type": "nope"])
      #expect(badQuery.status == 400 && badQuery.json["error"]["param"].string == "event_type")
    }
  }
}
