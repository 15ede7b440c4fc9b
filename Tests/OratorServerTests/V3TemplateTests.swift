import Foundation
import Testing

/// Templates through v3 as HeyGen's CLI (`template list|get|generate`) and n8n (the singular
/// `GET /v3/template/{id}`) read them, over the same templates as v2.
@Suite("v3 templates")
struct V3TemplateTests {
  let schemas = V3ResponseSchemas.shared

  /// Two scenes, each speaking its own text variable, on a plain colour at 320×180.
  static var twoScenes: [String: Any] {
    [
      "name": "Greeting and farewell",
      "variables": [
        "greeting": [
          "name": "greeting", "type": "text", "properties": ["content": "Good morning."],
        ],
        "farewell": [
          "name": "farewell", "type": "text", "properties": ["content": "See you soon."],
        ],
      ],
      "video_inputs": [
        [
          "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
          "voice": [
            "type": "text", "input_text": "{{greeting}}", "voice_id": VideoRequest.voiceID,
          ],
          "background": ["type": "color", "value": "#204060"],
        ],
        [
          "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
          "voice": [
            "type": "text", "input_text": "{{farewell}}", "voice_id": VideoRequest.voiceID,
          ],
          "background": ["type": "color", "value": "#602040"],
        ],
      ],
      "dimension": ["width": 320, "height": 180],
    ]
  }

  @Test("list, get, the singular path, generate with scene_ids and Idempotency-Key")
  func templateRoundTrip() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let made = try await server.post("/v2/template", json: Self.twoScenes)
      try #require(made.status == 200, "\(made.text)")
      let id = try #require(made.json["data"]["template_id"].string)

      let list = try await cli.get("/v3/templates")
      #expect(list.status == 200, "\(list.text)")
      schemas.expectValid(list.json, endpoint: "GET /v3/templates")
      let row = try #require(list.json["data"].array?.first { $0["id"].string == id })
      #expect(row["name"].string == "Greeting and farewell" && row["aspect_ratio"].string == "16:9")
      let thumbnail = try await server.get(try #require(row["thumbnail_url"].string), key: nil)
      #expect(thumbnail.status == 200 && thumbnail.body.starts(with: [0xFF, 0xD8]), "a JPEG")

      let detail = try await cli.get("/v3/templates/\(id)")
      schemas.expectValid(detail.json, endpoint: "GET /v3/templates/{template_id}")
      let data = detail.json["data"]
      #expect(data["scene_ids"].array?.compactMap(\.string) == ["scene_1", "scene_2"])
      #expect(data["scenes"][0]["script"].string == "{{greeting}}")
      #expect(data["scenes"][1]["variables"][0]["name"].string == "farewell")
      #expect(data["scenes"][1]["variables"][0]["variable_type"].string == "text")
      // Defaults in the shape generate accepts.
      #expect(data["variables"]["greeting"]["properties"]["content"].string == "Good morning.")
      #expect(data["variables"]["greeting"]["type"].string == "text")

      let singular = try await cli.get("/v3/template/\(id)")
      #expect(singular.status == 200, "\(singular.text)")
      #expect(
        singular.json["data"]["variables"].array?.compactMap { $0["name"].string }
          == ["farewell", "greeting"])
      #expect(singular.json["data"]["scenes"][0]["id"].string == "scene_1")

      // Only the second scene, with its text replaced; replayed with the same key.
      let body: [String: Any] = [
        "scene_ids": ["scene_2"], "title": "Farewell only", "folder_id": "f-1",
        "variables": [
          "farewell": [
            "name": "farewell", "type": "text", "properties": ["content": "Thanks for watching."],
          ]
        ],
        "fps": 25, "reorder_music": true,
      ]
      let key = [("Idempotency-Key", "tpl-\(UUID().uuidString)")]
      let generated = try await cli.post("/v3/templates/\(id)", json: body, extraHeaders: key)
      #expect(generated.status == 200, "\(generated.text)")
      schemas.expectValid(generated.json, endpoint: "POST /v3/templates/{template_id}")
      let videoID = try #require(generated.json["data"]["id"].string)
      let firstStatus = generated.json["data"]["status"].string ?? ""
      #expect(["pending", "processing"].contains(firstStatus))
      #expect(generated.json["data"]["title"].string == "Farewell only")
      let replay = try await cli.post("/v3/templates/\(id)", json: body, extraHeaders: key)
      #expect(replay.json["data"]["id"].string == videoID)
      #expect(replay.json["data"]["status"].string == firstStatus, "the creation-time snapshot")

      let done = try await V3VideoTests.waitForVideo(cli, videoID)
      #expect(done["data"]["status"].string == "completed", "\(done)")
      #expect(done["data"]["folder_id"].string == "f-1")
      let captions = try await server.get(
        try #require(done["data"]["subtitle_url"].string), key: nil)
      #expect(captions.text.contains("Thanks for watching"), "\(captions.text)")
      #expect(!captions.text.contains("morning"), "scene_1 was left out: \(captions.text)")
      let file = try await server.download(
        try #require(done["data"]["video_url"].string), as: "template.mp4")
      let corner = try await Media.pixel(of: file, server)
      #expect(corner.red > corner.blue, "scene_2's background: \(corner)")

      // One video, listed by both dialects.
      let v2 = try await server.status(videoID)
      #expect(v2["status"].string == "completed")
    }
  }

  @Test("refusals name the field; another account's template is not found")
  func refusals() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let made = try await server.post("/v2/template", json: Self.twoScenes)
      let id = try #require(made.json["data"]["template_id"].string)

      let badScene = try await cli.post("/v3/templates/\(id)", json: ["scene_ids": ["scene_9"]])
      #expect(badScene.status == 400, "\(badScene.text)")
      #expect(badScene.json["error"]["param"].string == "scene_ids[0]")
      #expect(badScene.json["error"]["message"].string?.contains("scene_1, scene_2") == true)

      let badVariable = try await cli.post(
        "/v3/templates/\(id)",
        json: ["variables": ["nope": ["type": "text", "properties": ["content": "x"]]]])
      #expect(
        badVariable.status == 400 && badVariable.json["error"]["param"].string == "variables.nope")

      let wrongType = try await cli.post(
        "/v3/templates/\(id)",
        json: ["variables": ["greeting": ["type": "image", "properties": ["url": "x"]]]])
      #expect(wrongType.status == 400, "\(wrongType.text)")

      let missing = try await cli.get("/v3/templates/nothing-here")
      #expect(missing.status == 404 && missing.json["error"]["code"].string == "not_found")
      let other = try await server.createKey().key
      let foreign = try await HeyGenCLIClient(server: server, key: other).get("/v3/templates/\(id)")
      #expect(foreign.status == 404)
      let foreignSingular = try await HeyGenCLIClient(server: server, key: other).get(
        "/v3/template/\(id)")
      #expect(foreignSingular.status == 404)
    }
  }
}
