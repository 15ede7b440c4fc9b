import Foundation
import Testing

/// Talking photos over HTTP: uploads refused with the reason (no face, two faces, a tiny face,
/// not a picture) and nothing left behind; an accepted photo listed, previewed, rendered by a
/// v2 request, unknown to other accounts, and deleted. Uses the real face-landmark finder
/// (`scripts/setup-facemesh.sh`).
@Suite(.serialized) struct TalkingPhotoTests {
  static let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Photos")

  static func photo(_ name: String) throws -> Data {
    try Data(contentsOf: photos.appendingPathComponent(name))
  }

  static func upload(
    _ body: Data, contentType: String = "image/jpeg", to server: TestServer,
    key: String = TestServer.apiKey
  ) async throws -> TestServer.Response {
    try await server.request(
      .POST, "/v1/talking_photo?name=Eileen", body: body, key: key,
      headers: [("Content-Type", contentType)])
  }

  static func body(photo id: String, text: String = "Bob made a map.") -> [String: Any] {
    [
      "video_inputs": [
        [
          "character": ["type": "talking_photo", "talking_photo_id": id],
          "voice": ["type": "text", "input_text": text, "voice_id": VideoRequest.voiceID],
          "background": ["type": "color", "value": "#203040"],
        ]
      ],
      "dimension": ["width": 480, "height": 270],
    ]
  }

  /// Files under the account's talking photo folder, wherever the media folder is.
  static func storedPictures(_ server: TestServer) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: server.dataDirectory.path)
    return (enumerator?.allObjects as? [String] ?? []).filter { $0.contains("talking_photos/") }
  }

  @Test func unusablePhotosAreRefusedWithTheReason() async throws {
    try await TestServer.with { server in
      let cases: [(String, Data, String, String)] = [
        ("no face", try Self.photo("no-face.jpg"), "image/jpeg", "no face"),
        ("two faces", try Self.photo("two-faces.jpg"), "image/jpeg", "more than one face"),
        ("tiny face", try Self.photo("tiny-face.jpg"), "image/jpeg", "at least 80 px tall"),
        ("not a picture", Data("hello, I am text".utf8), "image/jpeg", "not a picture"),
        ("not a photo type", try Self.photo("astronaut.jpg"), "text/plain", "not a photo type"),
      ]
      for (what, bytes, type, reason) in cases {
        let response = try await Self.upload(bytes, contentType: type, to: server)
        #expect(response.status == 400, "\(what): \(response.text)")
        let message = response.json["message"].string ?? response.text
        #expect(message.contains(reason), "\(what): \(message)")
        #expect(
          message.contains(type == "text/plain" ? "Content-Type" : "body"), "\(what): \(message)")
      }
      let list = try await server.get("/v1/talking_photo.list")
      #expect(list.json["data"]["list"].array?.isEmpty == true, "\(list.text)")
      #expect(Self.storedPictures(server).isEmpty, "\(Self.storedPictures(server))")
    }
  }

  @Test func uploadedPhotoIsListedRenderedAndDeleted() async throws {
    try await TestServer.with { server in
      let response = try await Self.upload(try Self.photo("astronaut.jpg"), to: server)
      #expect(response.status == 200, "\(response.text)")
      #expect(response.json["code"].int == 100)
      let id = try #require(response.json["data"]["talking_photo_id"].string)
      #expect(id.count == 32)
      let url = try #require(response.json["data"]["talking_photo_url"].string)
      let picture = try await server.get(url, key: nil)
      #expect(picture.status == 200)
      #expect(picture.header("content-type") == "image/png")

      let list = try await server.get("/v1/talking_photo.list")
      #expect(list.json["data"]["list"][0]["id"] == .string(id), "\(list.text)")
      #expect(list.json["data"]["list"][0]["name"] == .string("Eileen"))
      let avatars = try await server.get("/v2/avatars")
      let listed = try #require(avatars.json["data"]["talking_photos"].array)
      #expect(listed.map { $0["talking_photo_id"] } == [.string(id)])
      let preview = try #require(listed.first?["preview_image_url"].string)
      #expect(try await server.get(preview, key: nil).status == 200)

      let video = try await server.generate(Self.body(photo: id))
      let status = try await server.waitForStatus(video)
      #expect(status["status"] == .string("completed"), "\(status)")
      let file = try await server.download(
        try #require(status["video_url"].string), as: "photo.mp4")
      #expect(try await MediaProbe(path: file).videoCodec == "h264")

      // Another account cannot see, use or delete the photo.
      let stranger = try await server.createKey()
      let theirs = try await server.post(
        "/v2/video/generate", json: Self.body(photo: id), key: stranger.key)
      #expect(theirs.status == 400)
      #expect(
        theirs.json["error"]["message"].string?.contains(
          "video_inputs[0].character.talking_photo_id") == true, "\(theirs.text)")
      let theirList = try await server.get("/v1/talking_photo.list", key: stranger.key)
      #expect(theirList.json["data"]["list"].array?.isEmpty == true)
      #expect(
        try await server.delete("/v2/talking_photo/\(id)", key: stranger.key).status == 404)

      let deleted = try await server.delete("/v2/talking_photo/\(id)")
      #expect(deleted.status == 200, "\(deleted.text)")
      #expect(Self.storedPictures(server).isEmpty)
      #expect(try await server.delete("/v2/talking_photo/\(id)").status == 404)
      let after = try await server.post("/v2/video/generate", json: Self.body(photo: id))
      #expect(after.status == 400)
    }
  }
}
