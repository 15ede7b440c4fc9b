import Foundation
import Testing

/// HeyGen v3's account, catalogue and error surface, asked the way HeyGen's CLI asks it, and
/// every answer checked against the response schema HeyGen's CLI embeds.
@Suite("v3 API: account, avatars and looks, voices, errors")
struct V3APITests {
  let schemas = V3ResponseSchemas.shared

  @Test("auth status, avatar, look and voice listings as the CLI asks for them")
  func catalogue() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)

      // `heygen auth status` / `user me get`.
      let me = try await cli.get("/v3/users/me")
      #expect(me.status == 200, "\(me.text)")
      schemas.expectValid(me.json, endpoint: "GET /v3/users/me")
      #expect(me.json["data"]["username"].string?.isEmpty == false)
      #expect(me.json["data"]["billing_type"].string == "wallet")
      #expect((me.json["data"]["wallet"]["remaining_balance"].double ?? 0) > 0)

      // An account made with a person's name and email shows them.
      let ada = try await server.createKey(["--name", "Ada Lovelace", "--email", "ada@example.com"])
      let adaMe = try await HeyGenCLIClient(server: server, key: ada.key).get("/v3/users/me")
      schemas.expectValid(adaMe.json, endpoint: "GET /v3/users/me")
      let person = adaMe.json["data"]
      #expect(person["username"] == .string("Ada Lovelace"))
      #expect(person["email"] == .string("ada@example.com"))
      #expect(person["first_name"] == .string("Ada"), "\(adaMe.text)")
      #expect(person["last_name"] == .string("Lovelace"), "\(adaMe.text)")
      let refused = try await Tool.run(
        try TestServer.executable().path,
        ["keys", "create", "--data-dir", server.dataDirectory.path, "--email", "not an address"])
      #expect(refused.status != 0 && refused.output.contains("is not an email address"))

      // `avatar list`: bare, as the CLI sends it without flags.
      let groups = try await cli.get("/v3/avatars")
      #expect(groups.status == 200, "\(groups.text)")
      schemas.expectValid(groups.json, endpoint: "GET /v3/avatars")
      let groupRows = try #require(groups.json["data"].array)
      #expect(groupRows.count == 9 && groups.json["has_more"].bool == false)
      #expect(groups.json["next_token"] == .null)
      let amara = try #require(groupRows.first { $0["id"].string == "amara" })
      #expect(amara["looks_count"].int == 3 && amara["name"].string == "Amara")

      // Paging: two at a time, following next_token to the end.
      var seen: [String] = []
      var token: String?
      repeat {
        var query = ["limit": "2"]
        if let token { query["token"] = token }
        let page = try await cli.get("/v3/avatars", query: query)
        schemas.expectValid(page.json, endpoint: "GET /v3/avatars")
        seen += page.json["data"].array?.compactMap { $0["id"].string } ?? []
        token = page.json["next_token"].string
        #expect(page.json["has_more"].bool == (token != nil))
      } while token != nil
      #expect(seen == groupRows.compactMap { $0["id"].string })

      let group = try await cli.get("/v3/avatars/amara")
      #expect(group.status == 200)
      schemas.expectValid(group.json, endpoint: "GET /v3/avatars/{group_id}")

      // `avatar looks list --group-id amara`: one look per style.
      let looks = try await cli.get("/v3/avatars/looks", query: ["group_id": "amara"])
      #expect(looks.status == 200, "\(looks.text)")
      schemas.expectValid(looks.json, endpoint: "GET /v3/avatars/looks")
      let lookIDs = looks.json["data"].array?.compactMap { $0["id"].string } ?? []
      #expect(
        lookIDs == ["amara_navy_blazer", "amara_navy_blazer-close-up", "amara_navy_blazer-circle"])
      #expect(looks.json["data"][0]["avatar_type"].string == "studio_avatar")
      let photoLooks = try await cli.get(
        "/v3/avatars/looks", query: ["avatar_type": "photo_avatar"])
      #expect(photoLooks.json["data"].array?.isEmpty == true)
      let look = try await cli.get("/v3/avatars/looks/amara_navy_blazer-circle")
      #expect(look.status == 200 && look.json["data"]["group_id"].string == "amara")
      schemas.expectValid(look.json, endpoint: "GET /v3/avatars/looks/{look_id}")

      // `voice list`: bare (the server applies `type=public`), then filtered.
      let voices = try await cli.get("/v3/voices")
      #expect(voices.status == 200, "\(voices.text)")
      schemas.expectValid(voices.json, endpoint: "GET /v3/voices")
      #expect(voices.json["data"].array?.count == 20 && voices.json["has_more"].bool == true)
      let english = try await cli.get(
        "/v3/voices", query: ["language": "English", "gender": "female", "limit": "100"])
      let englishRows = try #require(english.json["data"].array)
      #expect(!englishRows.isEmpty)
      #expect(
        englishRows.allSatisfy {
          $0["language"].string == "English" && $0["gender"].string == "female"
        })
      let espeak = try await cli.get("/v3/voices", query: ["engine": "espeak-ng", "limit": "5"])
      #expect(espeak.json["data"].array?.count == 5)
      let none = try await cli.get("/v3/voices", query: ["engine": "starfish"])
      #expect(none.json["data"].array?.isEmpty == true)
      let privateVoices = try await cli.get("/v3/voices", query: ["type": "private"])
      #expect(privateVoices.json["data"].array?.isEmpty == true)
      let voice = try await cli.get("/v3/voices/en-us-female")
      #expect(voice.status == 200 && voice.json["data"]["voice_id"].string == "en-us-female")
      schemas.expectValid(voice.json, endpoint: "GET /v3/voices/{voice_id}")
      let preview = try await server.get(
        try #require(voice.json["data"]["preview_audio_url"].string), key: nil)
      #expect(preview.status == 200 && preview.body.count > 1000)
    }
  }

  @Test("errors: v3 envelope, lower-case codes, the field as param, real statuses")
  func errors() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      func expectError(
        _ response: TestServer.Response, status: Int, code: String, param: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
      ) {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        let error = response.json["error"]
        #expect(error["code"].string == code, "\(response.text)", sourceLocation: sourceLocation)
        #expect(error["message"].string?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(
          error["doc_url"].string?.hasPrefix("https://developers.heygen.com/docs/error-codes#")
            == true, sourceLocation: sourceLocation)
        if let param {
          #expect(
            error["param"].string == param, "\(response.text)", sourceLocation: sourceLocation)
        }
        #expect(response.json["data"] == .missing, sourceLocation: sourceLocation)
        #expect(response.header("X-Request-Id")?.isEmpty == false, sourceLocation: sourceLocation)
      }

      // Wrong key and no key: a v3 401 (the CLI's exit code 3).
      expectError(
        try await HeyGenCLIClient(server: server, key: "wrong").get("/v3/users/me"), status: 401,
        code: "unauthorized")
      expectError(try await server.get("/v3/videos", key: nil), status: 401, code: "unauthorized")
      // A v1 path keeps its own 401 shape.
      let v1 = try await server.get("/v1/video.list", key: "wrong")
      #expect(v1.status == 401 && v1.json["code"].int == 400112)

      expectError(
        try await cli.get("/v3/videos/0123456789abcdef0123456789abcdef"), status: 404,
        code: "video_not_found")
      expectError(
        try await cli.get("/v3/avatars/looks/nobody"), status: 404, code: "avatar_not_found")
      expectError(try await cli.get("/v3/voices/xx-none"), status: 404, code: "voice_not_found")
      expectError(try await cli.get("/v3/avatars/nobody"), status: 404, code: "not_found")
      expectError(try await cli.get("/v3/assets/nothing"), status: 404, code: "asset_not_available")
      expectError(try await cli.get("/v3/no-such-thing"), status: 404, code: "not_found")
      expectError(
        try await server.request(.PUT, "/v3/users/me"), status: 405, code: "method_not_allowed")

      // Deleting what is not there; the bulk status check's own limits; filters' values.
      expectError(
        try await cli.delete("/v3/videos/0123456789abcdef0123456789abcdef"), status: 404,
        code: "video_not_found")
      expectError(
        try await cli.delete("/v3/assets/nothing"), status: 404, code: "asset_not_available")
      expectError(
        try await cli.get("/v3/videos/statuses"), status: 400, code: "invalid_parameter",
        param: "video_ids")
      let tooMany = (0..<101).map { String(format: "%032x", $0) }.joined(separator: ",")
      expectError(
        try await cli.get("/v3/videos/statuses", query: ["video_ids": tooMany]), status: 400,
        code: "invalid_parameter", param: "video_ids")
      expectError(
        try await cli.get("/v3/avatars/looks", query: ["avatar_type": "hologram"]), status: 400,
        code: "invalid_parameter", param: "avatar_type")
      expectError(
        try await cli.get("/v3/avatars", query: ["ownership": "stolen"]), status: 400,
        code: "invalid_parameter", param: "ownership")
      expectError(
        try await cli.get("/v3/voices", query: ["type": "robot"]), status: 400,
        code: "invalid_parameter", param: "type")

      expectError(
        try await cli.get("/v3/avatars", query: ["limit": "51"]), status: 400,
        code: "invalid_parameter", param: "limit")
      expectError(
        try await cli.get("/v3/videos", query: ["limit": "0"]), status: 400,
        code: "invalid_parameter", param: "limit")
      expectError(
        try await cli.get("/v3/videos", query: ["token": "garbage"]), status: 400,
        code: "invalid_parameter", param: "token")

      // Bodies: bad JSON, a missing field, wrong values, kinds not made here.
      let bad = try await server.request(
        .POST, "/v3/videos", body: Data("{".utf8), headers: [("Content-Type", "application/json")])
      expectError(bad, status: 400, code: "invalid_parameter")
      expectError(
        try await cli.post("/v3/videos", json: ["type": "avatar", "script": "Hi"]), status: 400,
        code: "invalid_parameter", param: "avatar_id")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: ["type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Hi"]),
        status: 400, code: "invalid_parameter", param: "voice_id")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: [
            "type": "avatar", "avatar_id": "nobody", "script": "Hi", "voice_id": "en-us-female",
          ]), status: 400, code: "invalid_parameter", param: "avatar_id")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: [
            "type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Hi",
            "voice_id": "en-us-female", "voice_settings": ["speed": 3],
          ]), status: 400, code: "invalid_parameter", param: "voice_settings.speed")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: [
            "type": "studio",
            "scenes": [
              [
                "type": "avatar_video",
                "input": [
                  "type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Hi",
                  "voice_id": "xx-none",
                ],
              ]
            ],
          ]), status: 400, code: "invalid_parameter", param: "scenes[0].input.voice_id")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: [
            "type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Hi",
            "voice_id": "en-us-female", "resolution": "8k",
          ]), status: 400, code: "invalid_parameter", param: "resolution")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: ["type": "image", "image": ["type": "url", "url": "https://example.com/a.png"]]),
        status: 400, code: "invalid_parameter", param: "script")
      expectError(
        try await cli.post("/v3/videos", json: ["type": "cinematic_avatar", "prompt": "x"]),
        status: 400, code: "invalid_parameter", param: "type")
      expectError(
        try await cli.post(
          "/v3/videos", json: ["type": "studio", "scenes": [["type": "hologram"]]]),
        status: 400, code: "invalid_parameter")
      expectError(
        try await cli.post("/v3/videos", json: ["type": "studio", "scenes": [Any]()]),
        status: 400, code: "invalid_parameter", param: "scenes")
      expectError(
        try await cli.post(
          "/v3/videos",
          json: [
            "type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Hi",
            "voice_id": "en-us-female",
          ], extraHeaders: [("Idempotency-Key", "not valid!")]), status: 400,
        code: "invalid_parameter", param: "Idempotency-Key")

      // Assets: not multipart, no `file` part, not what it claims to be.
      let notMultipart = try await server.request(
        .POST, "/v3/assets", body: Data("x".utf8), headers: [("Content-Type", "image/png")])
      expectError(notMultipart, status: 400, code: "invalid_parameter", param: "Content-Type")
      let boundary = "b0undary"
      let noFile = try await server.request(
        .POST, "/v3/assets",
        body: Data(
          "--\(boundary)\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--\(boundary)--\r\n"
            .utf8), headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
      expectError(noFile, status: 400, code: "invalid_parameter", param: "file")
      // Bytes above 0x7F where a part's header name stands (the parser's lookup table has 128
      // entries): refused, and the server keeps answering.
      for (preamble, header) in [
        ("", "\u{17146}\u{B1};"), ("", "Cont\u{E9}nt-Type: x"), ("preamble", "\u{FF}"),
      ] {
        var hostile = Data("\(preamble)--\(boundary)\r\n".utf8)
        hostile.append(Data(header.utf8))
        hostile.append(Data("--\(boundary)--\r\n".utf8))
        let refused = try await server.request(
          .POST, "/v3/assets", body: hostile,
          headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
        expectError(refused, status: 400, code: "invalid_parameter", param: "file")
      }
      #expect(try await server.get("/v3/users/me").status == 200, "still serving")
      // A UTF-8 file name (a header value, not a name) is fine.
      let png = server.dataDirectory.appendingPathComponent("accented.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1",
          png.path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let accented = try await cli.upload(fileName: "caf\u{E9}.png", bytes: Data(contentsOf: png))
      #expect(accented.status == 200, "\(accented.text)")
      expectError(
        try await cli.upload(fileName: "photo.png", bytes: Data("not a picture".utf8)), status: 400,
        code: "invalid_parameter", param: "file")
    }
  }

  @Test("Authorization: Bearer works like x-api-key; every response carries X-Request-Id")
  func bearerAndRequestIDs() async throws {
    try await TestServer.with(workers: 0) { server in
      let bearer = try await server.get(
        "/v3/users/me", key: nil, headers: [("Authorization", "Bearer \(TestServer.apiKey)")])
      #expect(bearer.status == 200, "\(bearer.text)")
      let wrongBearer = try await server.get(
        "/v3/users/me", key: nil, headers: [("Authorization", "Bearer nope")])
      #expect(wrongBearer.status == 401)
      // The v2 API takes the bearer key too.
      let v2 = try await server.get(
        "/v2/avatars", key: nil, headers: [("Authorization", "Bearer \(TestServer.apiKey)")])
      #expect(v2.status == 200)

      var ids: [String: String] = [:]
      for path in ["/v3/users/me", "/v2/voices", "/v1/video.list", "/healthz", "/v3/nothing"] {
        let response = try await server.get(path)
        let id = try #require(response.header("X-Request-Id"), "\(path) has no X-Request-Id")
        ids[path] = id
      }
      #expect(Set(ids.values).count == 5, "request ids repeat: \(ids)")
      // Each id is in its own request's log line, the one that names the path.
      try await Task.sleep(for: .milliseconds(200))
      let lines = server.log.split(separator: "\n")
      for (path, id) in ids {
        let line = lines.first { $0.contains(id) }
        #expect(line?.contains(path) == true, "\(path): \(line ?? "no line with \(id)")")
      }
    }
  }
}
