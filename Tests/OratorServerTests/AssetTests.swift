import Foundation
import Testing

/// `POST /v1/asset`: raw uploads in HeyGen's v1 envelope, refused uploads that say why, and
/// asset ids that a generate request can use.
@Suite(.serialized) struct AssetTests {
  /// A small real file made by ffmpeg (`lavfi` source), e.g. a PNG picture or an MP3 tone.
  static func makeFile(_ name: String, in server: TestServer, input: String, extra: [String] = [])
    async throws -> Data
  {
    let path = server.dataDirectory.appendingPathComponent(name).path
    let result = try await Tool.run(
      "ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", input] + extra + [path])
    try #require(result.status == 0, "ffmpeg failed: \(result.output)")
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  static func upload(
    _ body: Data?, contentType: String?, to server: TestServer, key: String? = TestServer.apiKey
  )
    async throws -> TestServer.Response
  {
    try await server.request(
      .POST, "/v1/asset", body: body, key: key,
      headers: contentType.map { [("Content-Type", $0)] } ?? [])
  }

  @Test func uploadedImageServesAndBecomesABackground() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let png = try await Self.makeFile(
        "teal.png", in: server, input: "color=c=teal:s=320x180", extra: ["-frames:v", "1"])
      let response = try await Self.upload(png, contentType: "image/png", to: server)
      #expect(response.status == 200, "\(response.text)")
      #expect(response.json["code"].int == 100)
      #expect(response.json["msg"].isNull)
      let data = response.json["data"]
      #expect(
        data.keys == [
          "id", "name", "file_type", "url", "image_key", "folder_id", "meta", "created_ts",
        ])
      let id = try #require(data["id"].string)
      #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
      #expect(data["file_type"] == .string("image"))
      #expect(data["image_key"].string?.isEmpty == false)
      #expect(data["folder_id"] == .string(""))
      #expect(data["meta"].isNull)
      #expect(data["created_ts"].int ?? 0 > 1_700_000_000)

      let url = try #require(data["url"].string)
      #expect(url.hasPrefix(server.baseURL + "/media/"))
      let stored = try await server.get(url, key: nil)
      #expect(stored.status == 200)
      #expect(stored.header("content-type") == "image/png")
      #expect(stored.body == png)

      var body = VideoRequest.body(text: "Hi.", title: "On an uploaded picture")
      if var scenes = body["video_inputs"] as? [[String: Any]] {
        scenes[0]["background"] = ["type": "image", "image_asset_id": id]
        body["video_inputs"] = scenes
      }
      let video = try await server.generate(body)
      let status = try await server.waitForStatus(video)
      #expect(status["status"] == .string("completed"), "\(status)")
      let file = try await server.download(
        try #require(status["video_url"].string), as: "on-picture.mp4")
      #expect(try await MediaProbe(path: file).videoCodec == "h264")
    }
  }

  @Test func backgroundURLsFollowRedirectsWithinALimit() async throws {
    let hop = try await WebhookReceiver()
    defer { Task { await hop.stop() } }
    try await TestServer.with { server in
      let png = try await Self.makeFile(
        "teal.png", in: server, input: "color=c=teal:s=320x180", extra: ["-frames:v", "1"])
      let upload = try await Self.upload(png, contentType: "image/png", to: server)
      let url = try #require(upload.json["data"]["url"].string)
      func redirect(to target: String) -> String {
        var components = URLComponents(string: hop.baseURL + "/redirect")!
        components.queryItems = [URLQueryItem(name: "to", value: target)]
        return components.url!.absoluteString
      }
      func video(on background: String) async throws -> JSONValue {
        var body = VideoRequest.body(text: "Hi.")
        if var scenes = body["video_inputs"] as? [[String: Any]] {
          scenes[0]["background"] = ["type": "image", "url": background]
          body["video_inputs"] = scenes
        }
        return try await server.waitForStatus(try await server.generate(body))
      }

      // Two hops to the picture: followed.
      let followed = try await video(on: redirect(to: redirect(to: url)))
      #expect(followed["status"] == .string("completed"), "\(followed)")

      // Seven hops: more than anyone needs, refused by name.
      var far = url
      for _ in 0..<7 { far = redirect(to: far) }
      let refused = try await video(on: far)
      #expect(refused["status"] == .string("failed"), "\(refused)")
      #expect("\(refused["error"])".contains("redirects too many times"), "\(refused)")
    }
  }

  @Test func uploadedAudioBecomesTheVoice() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let mp3 = try await Self.makeFile(
        "tone.mp3", in: server, input: "sine=frequency=440:duration=1")
      let response = try await Self.upload(mp3, contentType: "audio/mpeg", to: server)
      #expect(response.status == 200, "\(response.text)")
      let data = response.json["data"]
      #expect(data["file_type"] == .string("audio"))
      #expect(data["image_key"].isNull)
      let id = try #require(data["id"].string)

      let video = try await server.generate([
        "video_inputs": [
          [
            "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
            "voice": ["type": "audio", "audio_asset_id": id],
          ]
        ],
        "dimension": ["width": 320, "height": 180],
      ])
      let status = try await server.waitForStatus(video)
      #expect(status["status"] == .string("completed"), "\(status)")
      #expect(status["duration"].double.map { abs($0 - 1) < 0.2 } == true, "\(status)")
    }
  }

  @Test func refusedUploadsSayWhy() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let unsupported = try await Self.upload(
        Data("hello".utf8), contentType: "text/plain", to: server)
      #expect(unsupported.status == 400)
      #expect(unsupported.json["code"].int == 400175)
      #expect(unsupported.json["data"].isNull)
      #expect(
        unsupported.json["message"].string?.contains("Content-Type") == true, "\(unsupported.text)")

      let missing = try await Self.upload(nil, contentType: nil, to: server)
      #expect(missing.status == 400)
      #expect(missing.json["code"].int == 40001)
      #expect(missing.json["message"].string?.contains("Content-Type") == true, "\(missing.text)")

      let empty = try await Self.upload(nil, contentType: "image/png", to: server)
      #expect(empty.status == 400)
      #expect(empty.json["code"].int == 40001)
      #expect(empty.json["message"].string?.contains("body") == true, "\(empty.text)")

      let mislabelled = try await Self.upload(
        Data("not a picture".utf8), contentType: "image/jpeg", to: server)
      #expect(mislabelled.status == 400)
      #expect(mislabelled.json["message"].string?.contains("JPG") == true, "\(mislabelled.text)")

      let anonymous = try await Self.upload(
        Data([0x89]), contentType: "image/png", to: server, key: nil)
      #expect(anonymous.status == 401)
      #expect(anonymous.json["code"].int == 400112)

      var body = VideoRequest.body()
      if var scenes = body["video_inputs"] as? [[String: Any]] {
        scenes[0]["background"] = [
          "type": "image", "image_asset_id": String(repeating: "ab", count: 16),
        ]
        body["video_inputs"] = scenes
      }
      let unknown = try await server.post("/v2/video/generate", json: body)
      #expect(unknown.status == 400)
      #expect(
        unknown.json["error"]["message"].string?.contains("image_asset_id") == true,
        "\(unknown.text)")
    }
  }
}
