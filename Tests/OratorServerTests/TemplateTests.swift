import Foundation
import Testing

/// Templates over HTTP: made from a document or a finished video, listed, shown, filled in
/// with each variable type, and refused with a message naming the variable.
@Suite(.serialized) struct TemplateTests {
  @Test func documentTemplateGeneratesWithEveryVariableType() async throws {
    try await TestServer.with { server in
      let blue = try await Media.upload(
        "blue.png", server, input: "color=c=0x0000FF:s=320x180", type: "image/png",
        extra: ["-frames:v", "1"])
      let red = try await Media.upload(
        "red.png", server, input: "color=c=0xFF0000:s=320x180", type: "image/png",
        extra: ["-frames:v", "1"])
      let created = try await server.post("/v2/template", json: Documents.picture(background: blue))
      try #require(created.status == 200, "\(created.text)")
      let id = try #require(created.json["data"]["template_id"].string)

      // Listed with a real rendered first frame and the shape of the template.
      let list = try await server.get("/v2/templates")
      #expect(list.status == 200 && list.json["error"].isNull)
      let row = try #require(
        list.json["data"]["templates"].array?.first { $0["template_id"] == .string(id) })
      #expect(row.keys == ["template_id", "name", "thumbnail_image_url", "aspect_ratio"])
      #expect(row["name"] == .string("Picture card") && row["aspect_ratio"] == .string("landscape"))
      let thumbnail = try await server.get(
        try #require(row["thumbnail_image_url"].string), key: nil)
      #expect(thumbnail.status == 200 && thumbnail.body.starts(with: [0xFF, 0xD8]), "a JPEG")
      let thumbnailPixel = try await Media.pixel(of: thumbnail.body, server, name: "thumb.jpg")
      #expect(
        thumbnailPixel.isBlue, "the thumbnail shows the default background: \(thumbnailPixel)")

      // Shown with every variable keyed by name, at its default.
      let shown = try await server.get("/v2/template/\(id)")
      #expect(shown.status == 200 && shown.json["error"].isNull)
      let variables = shown.json["data"]["variables"]
      #expect(variables.keys == ["script", "presenter", "voice", "backdrop"])
      #expect(
        variables["script"]["name"] == .string("script")
          && variables["script"]["type"] == .string("text"))
      #expect(variables["script"]["properties"]["content"] == .string("Welcome aboard."))
      #expect(variables["backdrop"]["properties"]["asset_id"] == .string(blue))
      #expect(variables["backdrop"]["properties"].keys == ["url", "asset_id", "fit"])
      #expect(
        variables["presenter"]["properties"]
          == .object(["character_id": .string(VideoRequest.avatarID), "type": .string("avatar")]))

      // Recipe 10 verbatim, plus an image, a character and a voice: the video shows them.
      let video = try await server.post(
        "/v2/template/\(id)/generate",
        json: [
          "caption": false, "title": "For Grace",
          "variables": [
            "script": [
              "name": "script", "type": "text",
              "properties": ["content": "Grace, your zebra arrived."],
            ],
            "backdrop": ["name": "backdrop", "type": "image", "properties": ["asset_id": red]],
            "presenter": [
              "name": "presenter", "type": "character",
              "properties": ["character_id": "daniel_charcoal_suit", "type": "avatar"],
            ],
            "voice": ["name": "voice", "type": "voice", "properties": ["voice_id": "en-us-male"]],
          ],
        ])
      try #require(video.status == 200, "\(video.text)")
      let videoID = try #require(video.json["data"]["video_id"].string)
      // Every default, and a callback of the request's own.
      let receiver = try await WebhookReceiver()
      defer { Task { await receiver.stop() } }
      let defaults = try await server.post(
        "/v2/template/\(id)/generate",
        json: [
          "variables": [String: Any](), "callback_id": "tpl-1",
          "callback_url": receiver.baseURL + "/template",
        ])
      try #require(defaults.status == 200, "\(defaults.text)")
      let defaultID = try #require(defaults.json["data"]["video_id"].string)
      let callback = try #require(try await receiver.wait(for: 1, path: "template").first)
      #expect(callback.json["event_type"] == .string("avatar_video.success"))
      #expect(callback.json["event_data"]["video_id"] == .string(defaultID))
      #expect(callback.json["event_data"]["callback_id"] == .string("tpl-1"))

      let status = try await server.waitForStatus(videoID)
      try #require(status["status"] == .string("completed"), "\(status)")
      let captions = try await server.get(try #require(status["caption_url"].string), key: nil)
      #expect(
        captions.text.lowercased().contains("zebra"),
        "captions say the substituted script: \(captions.text)")
      let file = try await server.download(
        try #require(status["video_url"].string), as: "grace.mp4")
      let pixel = try await Media.pixel(of: file, server)
      #expect(pixel.isRed, "the substituted image is the background: \(pixel)")

      let defaultStatus = try await server.waitForStatus(defaultID)
      try #require(defaultStatus["status"] == .string("completed"), "\(defaultStatus)")
      let defaultCaptions = try await server.get(
        try #require(defaultStatus["caption_url"].string), key: nil)
      #expect(
        defaultCaptions.text.lowercased().contains("aboard"),
        "variables not given keep their defaults")
      let defaultFile = try await server.download(
        try #require(defaultStatus["video_url"].string), as: "default.mp4")
      #expect(try await Media.pixel(of: defaultFile, server).isBlue)
      // Another avatar really stands in the middle of the frame.
      let centre = try await Media.centreDifference(file, defaultFile, server)
      #expect(centre > 20, "the presenter differs between the videos (mean difference \(centre))")

      // The video follows the normal lifecycle.
      let listed = try await server.get("/v1/video.list")
      let item = listed.json["data"]["videos"].array?.first { $0["video_id"] == .string(videoID) }
      #expect(item?["video_title"] == .string("For Grace"))
      #expect(try await server.delete("/v1/video.delete?video_id=\(videoID)").status == 200)
    }
  }

  @Test func audioAndVideoVariables() async throws {
    try await TestServer.with { server in
      let clip = try await Media.upload(
        "green.mp4", server, input: "color=c=0x00FF00:s=320x180:d=1", type: "video/mp4",
        extra: ["-c:v", "libx264", "-pix_fmt", "yuv420p"])
      let tone = try await Media.upload(
        "tone.wav", server, input: "sine=frequency=300:duration=1", type: "audio/wav")
      let longTone = try await Media.upload(
        "long.wav", server, input: "sine=frequency=300:duration=2.5", type: "audio/wav")
      let document: [String: Any] = [
        "name": "Voice-over",
        "variables": [
          "narration": ["type": "audio", "properties": ["asset_id": tone]],
          "clip": [
            "type": "video",
            "properties": ["asset_id": clip, "play_style": "loop", "fit": "cover"],
          ],
        ],
        "video_inputs": [
          [
            "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
            "voice": "{{narration}}", "background": "{{clip}}",
          ]
        ],
        "dimension": ["width": 320, "height": 180],
      ]
      let created = try await server.post("/v2/template", json: document)
      try #require(created.status == 200, "\(created.text)")
      let id = try #require(created.json["data"]["template_id"].string)
      let variables = created.json["data"]["variables"]
      #expect(variables["clip"]["properties"]["play_style"] == .string("loop"))
      #expect(variables["narration"]["properties"].keys == ["url", "asset_id"])

      let video = try await server.post(
        "/v2/template/\(id)/generate",
        json: [
          "variables": [
            "narration": [
              "name": "narration", "type": "audio", "properties": ["asset_id": longTone],
            ]
          ]
        ])
      try #require(video.status == 200, "\(video.text)")
      let status = try await server.waitForStatus(
        try #require(video.json["data"]["video_id"].string))
      try #require(status["status"] == .string("completed"), "\(status)")
      let duration = try #require(status["duration"].double)
      #expect(abs(duration - 2.5) < 0.3, "the given audio sets the length: \(duration) s")
      let file = try await server.download(try #require(status["video_url"].string), as: "clip.mp4")
      #expect(try await Media.pixel(of: file, server).isGreen, "the clip is the background")
    }
  }

  @Test func templateFromAFinishedVideo() async throws {
    try await TestServer.with { server in
      var body = VideoRequest.body(text: "Our quarterly numbers are in.", title: "Quarterly")
      body["caption"] = false
      let source = try await server.generate(body)
      _ = try await server.waitForStatus(source)

      let created = try await server.post("/v2/template", json: ["from_video_id": source])
      try #require(created.status == 200, "\(created.text)")
      let data = created.json["data"]
      #expect(data["name"] == .string("Quarterly"))
      #expect(data["aspect_ratio"] == .string("landscape"))
      let variables = data["variables"]
      #expect(variables.keys == ["script", "avatar", "voice"])
      #expect(
        variables["script"]["properties"]["content"] == .string("Our quarterly numbers are in."))
      #expect(variables["avatar"]["properties"]["character_id"] == .string(VideoRequest.avatarID))
      #expect(variables["voice"]["properties"]["voice_id"] == .string(VideoRequest.voiceID))
      let id = try #require(data["template_id"].string)

      // Recipe 10 verbatim against the `script` variable.
      let recipe =
        #"{"caption":false,"title":"Weekly","variables":{"script":{"name":"script","type":"text","properties":{"content":"Our weekly numbers are in."}}}}"#
      let video = try await server.request(
        .POST, "/v2/template/\(id)/generate", body: Data(recipe.utf8))
      try #require(video.status == 200, "\(video.text)")
      #expect(video.json["error"].isNull)
      let status = try await server.waitForStatus(
        try #require(video.json["data"]["video_id"].string))
      try #require(status["status"] == .string("completed"), "\(status)")
      let captions = try await server.get(try #require(status["caption_url"].string), key: nil)
      #expect(captions.text.lowercased().contains("weekly"))

      // PATCH renames; DELETE removes.
      let renamed = try await server.request(
        .PATCH, "/v2/template/\(id)",
        body: try JSONSerialization.data(withJSONObject: ["name": "Weekly numbers"]))
      #expect(
        renamed.status == 200 && renamed.json["data"]["name"] == .string("Weekly numbers"),
        "\(renamed.text)")
      #expect(
        try await server.get("/v2/template/\(id)").json["data"]["name"] == .string("Weekly numbers")
      )
      let deleted = try await server.delete("/v2/template/\(id)")
      #expect(deleted.status == 200 && deleted.json["error"].isNull && deleted.json["data"].isNull)
      #expect(try await server.get("/v2/template/\(id)").status == 404)
      #expect(
        try await server.get("/v2/templates").json["data"]["templates"].array?.isEmpty == true)
    }
  }

  @Test func refusalsNameTheVariable() async throws {
    try await TestServer.with(workers: 0) { server in
      let blue = try await Media.upload(
        "blue.png", server, input: "color=c=0x0000FF:s=320x180", type: "image/png",
        extra: ["-frames:v", "1"])
      let created = try await server.post("/v2/template", json: Documents.picture(background: blue))
      try #require(created.status == 200, "\(created.text)")
      let id = try #require(created.json["data"]["template_id"].string)

      func refusal(_ variables: [String: Any], extra: [String: Any] = [:]) async throws -> (
        Int, String
      ) {
        var body: [String: Any] = ["variables": variables]
        for (key, value) in extra { body[key] = value }
        let response = try await server.post("/v2/template/\(id)/generate", json: body)
        #expect(
          response.json["data"].isNull && response.json["error"]["code"].string != nil,
          "\(response.text)")
        return (response.status, response.json["error"]["message"].string ?? "")
      }
      let cases: [([String: Any], [String: Any], String)] = [
        (["nope": ["type": "text", "properties": ["content": "x"]]], [:], "variables.nope"),
        (
          ["script": ["type": "image", "properties": ["url": "http://example.com/a.png"]]], [:],
          "variables.script.type"
        ),
        (
          ["script": ["type": "text", "properties": [String: Any]()]], [:],
          "variables.script.properties.content"
        ),
        (
          [
            "script": [
              "type": "text", "properties": ["content": String(repeating: "a", count: 5001)],
            ]
          ], [:],
          "variables.script.properties.content"
        ),
        (
          ["backdrop": ["type": "image", "properties": ["asset_id": blue, "fit": "stretch"]]], [:],
          "variables.backdrop.properties.fit"
        ),
        (
          ["backdrop": ["type": "image", "properties": [String: Any]()]], [:],
          "variables.backdrop.properties.url"
        ),
        (
          [
            "backdrop": [
              "type": "image", "properties": ["asset_id": String(repeating: "0", count: 32)],
            ]
          ], [:],
          "variables.backdrop.properties.asset_id"
        ),
        (
          ["presenter": ["type": "character", "properties": ["character_id": "nobody"]]], [:],
          "variables.presenter.properties.character_id"
        ),
        (
          [
            "presenter": [
              "type": "character",
              "properties": ["character_id": VideoRequest.avatarID, "type": "robot"],
            ]
          ], [:],
          "variables.presenter.properties.type"
        ),
        (
          ["voice": ["type": "voice", "properties": ["voice_id": "xx-nobody"]]], [:],
          "variables.voice.properties.voice_id"
        ),
        ([:], ["dimension": ["width": 400, "height": 400]], "dimension"),
      ]
      for (variables, extra, path) in cases {
        let (status, message) = try await refusal(variables, extra: extra)
        #expect(status == 400, "\(path): \(status) \(message)")
        #expect(message.hasPrefix(path), "expected \(path): \(message)")
      }
      // Keeping the ratio at another size is fine.
      let resized = try await server.post(
        "/v2/template/\(id)/generate",
        json: ["variables": [String: Any](), "dimension": ["width": 640, "height": 360]])
      #expect(resized.status == 200, "\(resized.text)")

      // Another account's template does not exist for this one.
      let other = try await server.createKey()
      #expect(try await server.get("/v2/template/\(id)", key: other.key).status == 404)
      let foreign = try await server.post(
        "/v2/template/\(id)/generate", json: ["variables": [String: Any]()], key: other.key)
      #expect(foreign.status == 404 && foreign.json["error"]["code"] == .string("not_found"))
      #expect(try await server.delete("/v2/template/\(id)", key: other.key).status == 404)
      #expect(
        try await server.get("/v2/templates", key: other.key).json["data"]["templates"].array?
          .isEmpty == true)
      #expect(try await server.get("/v2/template/not-an-id").status == 404)

      // Documents that cannot make a template.
      var undeclared = Documents.picture(background: blue)
      undeclared["title"] = "For {{who}}"
      let bad = try await server.post("/v2/template", json: undeclared)
      #expect(
        bad.status == 400 && bad.json["error"]["message"].string?.contains("{{who}}") == true,
        "\(bad.text)")
      var unnamed = Documents.picture(background: blue)
      unnamed.removeValue(forKey: "name")
      #expect(
        try await server.post("/v2/template", json: unnamed).json["error"]["message"].string?
          .hasPrefix("name") == true)
      let pending = try await server.generate()
      let unfinished = try await server.post("/v2/template", json: ["from_video_id": pending])
      #expect(
        unfinished.status == 400
          && unfinished.json["error"]["message"].string?.hasPrefix("from_video_id") == true)
      let missing = try await server.post(
        "/v2/template", json: ["from_video_id": String(repeating: "ab", count: 16)])
      #expect(missing.status == 404)
    }
  }

  @Test func commandLineCreatesFromEachExampleAndLists() async throws {
    try await TestServer.with(workers: 0) { server in
      let orator = try TestServer.executable().path
      let connection = ["--base-url", server.baseURL, "--api-key", TestServer.apiKey]
      let examples = [
        ("welcome-message.json", "Welcome message", "landscape"),
        ("product-update.json", "Product update", "landscape"),
        ("social-clip-9x16.json", "Social clip (9:16)", "portrait"),
      ]
      for (file, name, _) in examples {
        let path = Documents.repository.appendingPathComponent("templates/\(file)").path
        let created = try await Tool.run(orator, ["template", "create", path] + connection)
        #expect(created.status == 0 && created.output.contains(name), "\(file): \(created.output)")
      }
      let listed = try await Tool.run(orator, ["template", "list"] + connection)
      #expect(listed.status == 0, "\(listed.output)")
      for (_, name, ratio) in examples {
        #expect(
          listed.output.split(separator: "\n").contains { $0.contains(name) && $0.contains(ratio) },
          "\(listed.output)")
      }
    }
  }
}

/// Template documents the tests share.
private enum Documents {
  /// The repository root (for the `templates/` examples).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// One 320×180 scene: text, character, voice and an image background as variables.
  static func picture(background assetID: String) -> [String: Any] {
    [
      "name": "Picture card",
      "variables": [
        "script": ["name": "script", "type": "text", "properties": ["content": "Welcome aboard."]],
        "presenter": [
          "name": "presenter", "type": "character",
          "properties": ["character_id": VideoRequest.avatarID, "type": "avatar"],
        ],
        "voice": [
          "name": "voice", "type": "voice", "properties": ["voice_id": VideoRequest.voiceID],
        ],
        "backdrop": [
          "name": "backdrop", "type": "image", "properties": ["asset_id": assetID, "fit": "cover"],
        ],
      ],
      "video_inputs": [
        [
          "character": "{{presenter}}",
          "voice": ["type": "text", "input_text": "{{script}}", "voice_id": "{{voice}}"],
          "background": "{{backdrop}}",
        ]
      ],
      "dimension": ["width": 320, "height": 180],
      "title": "Card",
    ]
  }
}
