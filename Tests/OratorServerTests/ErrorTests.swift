import Foundation
import Testing

/// Refusals in HeyGen's shapes, and the leniencies real clients rely on. The server runs
/// without workers (nothing here renders) and without `--allow-private-urls`.
@Suite(.serialized) struct ErrorTests {
  static func server<T>(_ body: (TestServer) async throws -> T) async throws -> T {
    try await TestServer.with(workers: 0, allowPrivateURLs: false, body)
  }

  @Test func missingOrWrongKeyIs401() async throws {
    try await Self.server { server in
      for path in [
        "/v2/video/generate", "/v1/video_status.get?video_id=x", "/v1/video.list",
        "/v1/video/share",
      ] {
        for key in [nil, "wrong-key"] as [String?] {
          let response =
            path.hasSuffix("generate") || path.hasSuffix("share")
            ? try await server.post(path, json: VideoRequest.body(), key: key)
            : try await server.get(path, key: key)
          #expect(response.status == 401, "\(path) key \(key ?? "none")")
          #expect(response.header("content-type")?.hasPrefix("application/json") == true)
          let json = response.json
          #expect(json["code"] == .number(400112))
          #expect(json["message"] == .string("Unauthorized"))
          #expect(json["data"].isNull)
          #expect(json["error"]["code"] == .string("unauthorized"))
        }
      }
    }
  }

  @Test func invalidGenerateRequestsName400() async throws {
    try await Self.server { server in
      func expectRefusal(
        _ body: Data, code: String = "invalid_parameter", naming field: String?, status: Int = 400,
        sourceLocation: SourceLocation = #_sourceLocation
      ) async throws {
        let response = try await server.request(.POST, "/v2/video/generate", body: body)
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.json["data"].isNull, sourceLocation: sourceLocation)
        #expect(
          response.json["error"]["code"] == .string(code), "\(response.text)",
          sourceLocation: sourceLocation)
        if let field {
          let message = response.json["error"]["message"].string ?? ""
          #expect(message.contains(field), "\(message)", sourceLocation: sourceLocation)
        }
      }
      func encode(_ body: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: body)
      }
      func scene(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var body = VideoRequest.body()
        var scene = (body["video_inputs"] as! [[String: Any]])[0]
        edit(&scene)
        body["video_inputs"] = [scene]
        return try encode(body)
      }

      try await expectRefusal(Data(#"{"video_inputs": [{"voice": "#.utf8), naming: nil)
      try await expectRefusal(
        try scene { $0["voice"] = ["type": "text", "input_text": "Hi"] }, code: "missing_parameter",
        naming: "video_inputs[0].voice.voice_id")
      try await expectRefusal(
        try scene { $0["character"] = ["type": "avatar", "avatar_id": "no_such_avatar"] },
        naming: "video_inputs[0].character.avatar_id")
      try await expectRefusal(
        try scene {
          $0["voice"] = ["type": "text", "input_text": "Hi", "voice_id": "no-such-voice"]
        },
        naming: "video_inputs[0].voice.voice_id")
      try await expectRefusal(
        encode(VideoRequest.body(text: String(repeating: "a", count: 5001))),
        naming: "video_inputs[0].voice.input_text")
      try await expectRefusal(
        encode(VideoRequest.body(width: 321, height: 180)), naming: "dimension")
      try await expectRefusal(
        try scene { $0["background"] = ["type": "image", "url": "http://169.254.169.254/x.png"] },
        naming: "video_inputs[0].background.url")

      // A body over the request limit (2 MiB) is refused before it is read in full.
      let huge = try encode(VideoRequest.body(text: String(repeating: "a", count: 3 << 20)))
      try await expectRefusal(huge, code: "payload_too_large", naming: nil, status: 413)

      // Nothing refused was queued.
      let list = try await server.get("/v1/video.list")
      #expect(list.json["data"]["videos"].array?.isEmpty == true)
    }
  }

  @Test func routingAndLeniency() async throws {
    try await Self.server { server in
      let id = try await server.generate()

      let unknownV2 = try await server.get("/v2/no_such_endpoint")
      #expect(unknownV2.status == 404)
      #expect(unknownV2.header("content-type")?.hasPrefix("application/json") == true)
      #expect(
        unknownV2.json["data"].isNull && unknownV2.json["error"]["code"] == .string("not_found"))
      let unknownV1 = try await server.get("/v1/no_such_endpoint")
      #expect(
        unknownV1.status == 404 && unknownV1.json["data"].isNull
          && unknownV1.json["code"].int != nil)

      let wrongMethod = try await server.get("/v2/video/generate")
      #expect(wrongMethod.status == 405)
      #expect(wrongMethod.json["data"].isNull)
      #expect(wrongMethod.header("Allow") == "POST", "405 lists the supported methods")
      let deleteOnly = try await server.request(.PUT, "/v1/video.delete")
      #expect(deleteOnly.status == 405 && deleteOnly.header("Allow") == "DELETE, POST")

      // Unknown and missing video ids, in the v1 envelope.
      let unknownVideo = try await server.get(
        "/v1/video_status.get?video_id=\(String(repeating: "0", count: 32))")
      #expect(unknownVideo.status == 404)
      #expect(unknownVideo.json["code"] == .number(40031) && unknownVideo.json["data"].isNull)
      let noVideoID = try await server.get("/v1/video_status.get")
      #expect(noVideoID.status == 400 && noVideoID.json["code"] == .number(40001))
      #expect(noVideoID.json["message"].string?.isEmpty == false)

      // A v2 base joined with a v1 path.
      let joined = try await server.get("/v2/../v1/video_status.get?video_id=\(id)")
      #expect(joined.status == 200 && joined.json["data"]["id"] == .string(id), "\(joined.text)")

      // The key header in any case, and a JSON content type on GET and DELETE.
      for name in ["X-API-KEY", "X-Api-Key", "x-aPi-KeY"] {
        let response = try await server.get(
          "/v1/video_status.get?video_id=\(id)", key: nil, headers: [(name, TestServer.apiKey)])
        #expect(response.status == 200, "\(name)")
      }
      let typedGet = try await server.get(
        "/v1/video_status.get?video_id=\(id)", headers: [("Content-Type", "application/json")])
      #expect(typedGet.status == 200)
      #expect(
        typedGet.json["code"] == .number(100) && typedGet.json["message"] == .string("Success"))
      let typedDelete = try await server.delete(
        "/v1/video.delete?video_id=\(id)", headers: [("Content-Type", "application/json")])
      #expect(typedDelete.status == 200 && typedDelete.json["code"] == .number(100))
    }
  }
}
