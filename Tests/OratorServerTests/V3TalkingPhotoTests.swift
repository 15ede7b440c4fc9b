import Foundation
import Testing

/// Talking photos through v3: `POST /v3/avatars` with `type: "photo"` makes a private group
/// with one `photo_avatar` look; the look id works as `avatar_id`; `POST /v3/videos` with
/// `type: "image"` animates a portrait; a portrait without a face is refused naming `image`.
@Suite("v3 talking photos", .serialized)
struct V3TalkingPhotoTests {
  let schemas = V3ResponseSchemas.shared

  static func base64(_ name: String) throws -> String {
    try TalkingPhotoTests.photo(name).base64EncodedString()
  }

  @Test func photoAvatarLookAndImageVideo() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let created = try await cli.post(
        "/v3/avatars",
        json: [
          "type": "photo", "name": "Eileen",
          "file": [
            "type": "base64", "media_type": "image/jpeg", "data": try Self.base64("astronaut.jpg"),
          ],
        ])
      #expect(created.status == 200, "\(created.text)")
      let look = created.json["data"]["avatar_item"]
      let lookID = try #require(look["id"].string)
      #expect(look["avatar_type"] == .string("photo_avatar"))
      #expect(created.json["data"]["avatar_group"]["id"] == .string(lookID))

      let looks = try await cli.get("/v3/avatars/looks", query: ["avatar_type": "photo_avatar"])
      #expect(looks.json["data"].array?.map { $0["id"] } == [.string(lookID)], "\(looks.text)")
      let groups = try await cli.get("/v3/avatars", query: ["ownership": "private"])
      #expect(groups.json["data"].array?.map { $0["name"] } == [.string("Eileen")])
      #expect(try await cli.get("/v3/avatars/looks/\(lookID)").status == 200)

      // Renamed: the look and its group carry the new name; built-in looks keep theirs.
      let renamed = try await cli.patch(
        "/v3/avatars/looks/\(lookID)", json: ["name": "  Eileen at work "])
      #expect(renamed.status == 200, "\(renamed.text)")
      schemas.expectValid(renamed.json, endpoint: "PATCH /v3/avatars/looks/{look_id}")
      #expect(renamed.json["data"]["name"].string == "Eileen at work", "\(renamed.text)")
      #expect(
        try await cli.get("/v3/avatars/looks/\(lookID)").json["data"]["name"].string
          == "Eileen at work")
      let regrouped = try await cli.get("/v3/avatars", query: ["ownership": "private"])
      #expect(regrouped.json["data"].array?.map { $0["name"] } == [.string("Eileen at work")])
      let blank = try await cli.patch("/v3/avatars/looks/\(lookID)", json: ["name": "  "])
      #expect(blank.status == 400 && blank.json["error"]["param"].string == "name", "\(blank.text)")
      let builtIn = try await cli.patch(
        "/v3/avatars/looks/mei_teal_blouse-circle", json: ["name": "Mine"])
      #expect(
        builtIn.status == 400 && builtIn.json["error"]["param"].string == "look_id",
        "\(builtIn.text)")
      let unknown = try await cli.patch("/v3/avatars/looks/nothing-here", json: ["name": "X"])
      #expect(unknown.status == 404, "\(unknown.text)")

      // The look as a presenter.
      let byLook = try await cli.post(
        "/v3/videos",
        json: [
          "type": "avatar", "avatar_id": lookID, "script": "Bob made a map.",
          "voice_id": "en-us-female", "resolution": "720p", "aspect_ratio": "1:1",
        ])
      #expect(byLook.status == 200, "\(byLook.text)")
      // A portrait given inline.
      let byImage = try await cli.post(
        "/v3/videos",
        json: [
          "type": "image", "script": "Hello, I am a photo.", "voice_id": "en-us-female",
          "image": [
            "type": "base64", "media_type": "image/jpeg",
            "data": try Self.base64("astronaut-turned.jpg"),
          ],
          "resolution": "720p", "aspect_ratio": "16:9", "title": "Turned",
        ])
      #expect(byImage.status == 200, "\(byImage.text)")
      for answer in [byLook, byImage] {
        let id = try #require(answer.json["data"]["video_id"].string)
        let done = try await V3VideoTests.waitForVideo(cli, id)
        #expect(done["data"]["status"] == .string("completed"), "\(done)")
      }

      // Studio scenes: a portrait as a scene's `image` input, and the photo look by id.
      let studio = try await cli.post(
        "/v3/videos",
        json: [
          "type": "studio", "resolution": "720p",
          "scenes": [
            [
              "type": "avatar_video",
              "input": [
                "type": "image", "script": "A portrait in a scene.", "voice_id": "en-us-female",
                "image": [
                  "type": "base64", "media_type": "image/jpeg",
                  "data": try Self.base64("astronaut-closed.jpg"),
                ],
              ],
            ],
            [
              "type": "avatar_video",
              "input": [
                "type": "avatar", "avatar_id": lookID, "script": "And the look by its id.",
                "voice_id": "en-us-female",
              ],
            ],
          ],
        ])
      #expect(studio.status == 200, "\(studio.text)")
      let studioDone = try await V3VideoTests.waitForVideo(
        cli, try #require(studio.json["data"]["video_id"].string))
      #expect(studioDone["data"]["status"] == .string("completed"), "\(studioDone)")
      let noImage = try await cli.post(
        "/v3/videos",
        json: [
          "type": "studio",
          "scenes": [
            [
              "type": "avatar_video",
              "input": ["type": "image", "script": "Hi.", "voice_id": "en-us-female"],
            ]
          ],
        ])
      #expect(noImage.json["error"]["param"] == .string("scenes[0].input.image"), "\(noImage.text)")

      let faceless = try await cli.post(
        "/v3/videos",
        json: [
          "type": "image", "script": "Hi.", "voice_id": "en-us-female",
          "image": [
            "type": "base64", "media_type": "image/jpeg", "data": try Self.base64("no-face.jpg"),
          ],
        ])
      #expect(faceless.status == 400)
      #expect(faceless.json["error"]["param"] == .string("image.data"), "\(faceless.text)")

      // A request refused after its portrait was stored leaves no photo look behind.
      let photoLooks = { () async throws -> [String] in
        try await cli.get("/v3/avatars/looks", query: ["avatar_type": "photo_avatar"])
          .json["data"].array?.compactMap { $0["id"].string } ?? []
      }
      let before = try await photoLooks()
      let unknownVoice = try await cli.post(
        "/v3/videos",
        json: [
          "type": "image", "script": "Hi.", "voice_id": "no-such-voice",
          "image": [
            "type": "base64", "media_type": "image/jpeg", "data": try Self.base64("astronaut.jpg"),
          ],
        ])
      #expect(unknownVoice.status == 400 || unknownVoice.status == 404, "\(unknownVoice.text)")
      #expect(unknownVoice.json["error"]["param"] == .string("voice_id"), "\(unknownVoice.text)")
      let after = try await photoLooks()
      #expect(after == before, "\(before) → \(after)")

      let deleted = try await cli.delete("/v3/avatars/looks/\(lookID)")
      #expect(deleted.status == 200, "\(deleted.text)")
      #expect(try await cli.get("/v3/avatars/looks/\(lookID)").status == 404)
    }
  }
}
