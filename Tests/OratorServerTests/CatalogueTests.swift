import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Avatars, avatar groups, voices and quota as strict HeyGen clients read them, and the
/// previews their URLs point at, downloaded and decoded for real.
@Suite(.serialized) struct CatalogueTests {
  static let avatarKeys: Set<String> = [
    "avatar_id", "avatar_name", "gender", "preview_image_url", "preview_video_url", "premium",
    "type", "tags",
    "default_voice_id",
  ]
  static let voiceKeys: Set<String> = [
    "voice_id", "name", "language", "gender", "preview_audio", "support_pause", "emotion_support",
    "support_interactive_avatar",
  ]

  @Test func avatarListCarriesEveryKeyAndServedPreviewURLs() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let response = try await server.get("/v2/avatars")
      #expect(response.status == 200)
      #expect(response.header("content-type") == "application/json")
      #expect(response.json["error"].isNull)
      #expect(response.json["data"]["talking_photos"].array == [])
      let avatars = try #require(response.json["data"]["avatars"].array)
      #expect(avatars.count >= 9)
      for avatar in avatars {
        #expect(Self.avatarKeys.isSubset(of: avatar.keys), "\(avatar.keys)")
        #expect(avatar["avatar_id"].string?.isEmpty == false)
        #expect(avatar["premium"].bool == false)
        #expect(avatar["type"] == .string("avatar"))
        #expect(avatar["tags"].array != nil)
        #expect(avatar["default_voice_id"].string != nil)
        #expect(["female", "male", "unknown"].contains(avatar["gender"].string ?? ""))
        let id = avatar["avatar_id"].string ?? ""
        #expect(
          avatar["preview_image_url"].string == "\(server.baseURL)/previews/avatars/\(id).jpg")
        #expect(
          avatar["preview_video_url"].string == "\(server.baseURL)/previews/avatars/\(id).mp4")
      }
    }
  }

  @Test func avatarDetailsAndUnknownAvatar() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let response = try await server.get("/v2/avatar/amara_navy_blazer/details")
      #expect(response.status == 200)
      #expect(response.json["error"].isNull)
      let data = response.json["data"]
      #expect(
        data.keys == [
          "type", "id", "name", "gender", "preview_image_url", "preview_video_url", "premium",
          "is_public",
          "default_voice_id", "tags",
        ])
      #expect(data["type"] == .string("avatar"))
      #expect(data["id"] == .string("amara_navy_blazer"))
      #expect(data["is_public"] == .bool(true))
      #expect(data["preview_image_url"].string?.hasPrefix(server.baseURL + "/previews/") == true)

      let unknown = try await server.get("/v2/avatar/nobody_at_all/details")
      #expect(unknown.status == 404)
      #expect(unknown.json["error"]["code"] == .string("not_found"))
      #expect(unknown.json["error"]["message"].string?.contains("nobody_at_all") == true)
      #expect(unknown.json["data"].isNull)
    }
  }

  @Test func avatarGroupsAndTheirLooks() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      for query in ["", "?include_public=true"] {
        let response = try await server.get("/v2/avatar_group.list" + query)
        #expect(response.status == 200)
        let groups = try #require(response.json["data"]["avatar_group_list"].array)
        #expect(response.json["data"]["total_count"].int == groups.count)
        #expect(groups.count >= 9)
        for group in groups {
          #expect(
            [
              "id", "name", "created_at", "num_looks", "preview_image", "group_type",
              "train_status",
            ].allSatisfy(
              group.keys.contains), "\(group.keys)")
          #expect(group["created_at"].int != nil)
          #expect(group["num_looks"].int ?? 0 >= 1)
          #expect(
            group["preview_image"].string?.hasPrefix(server.baseURL + "/previews/avatars/") == true)
        }
      }
      let privateOnly = try await server.get("/v2/avatar_group.list?include_public=false")
      #expect(privateOnly.json["data"]["avatar_group_list"].array == [])
      #expect(privateOnly.json["data"]["total_count"].int == 0)

      let looks = try await server.get("/v2/avatar_group/amara/avatars")
      #expect(looks.status == 200)
      let list = try #require(looks.json["data"]["avatar_list"].array)
      #expect(list.count == 1)
      let look = list[0]
      let lookKeys: Set<String> = [
        "id", "image_url", "name", "status", "group_id", "is_motion", "default_voice_id",
      ]
      #expect(Self.avatarKeys.union(lookKeys).isSubset(of: look.keys), "\(look.keys)")
      #expect(look["avatar_id"] == .string("amara_navy_blazer"))
      #expect(look["id"] == look["avatar_id"])
      #expect(look["group_id"] == .string("amara"))
      #expect(look["image_url"] == look["preview_image_url"])

      let unknown = try await server.get("/v2/avatar_group/nobody/avatars")
      #expect(unknown.status == 404)
      #expect(unknown.json["error"]["code"] == .string("not_found"))
    }
  }

  @Test func voicesCarryEveryKeyAndFilter() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let response = try await server.get("/v2/voices")
      #expect(response.status == 200)
      #expect(response.json["error"].isNull)
      let voices = try #require(response.json["data"]["voices"].array)
      #expect(voices.count >= 2)
      for voice in voices {
        #expect(Self.voiceKeys.isSubset(of: voice.keys), "\(voice.keys)")
        #expect(voice["support_pause"].bool != nil)
        #expect(voice["emotion_support"].bool != nil)
        #expect(voice["support_interactive_avatar"].bool != nil)
        #expect(["female", "male", "unknown"].contains(voice["gender"].string ?? ""))
        let id = voice["voice_id"].string ?? ""
        #expect(voice["preview_audio"].string == "\(server.baseURL)/previews/voices/\(id).mp3")
      }
      #expect(voices.contains { $0["voice_id"] == .string("en-us-female") })

      let english = try #require(
        try await server.get("/v2/voices?language=English").json["data"]["voices"].array)
      #expect(!english.isEmpty && english.allSatisfy { $0["language"] == .string("English") })
      let female = try #require(
        try await server.get("/v2/voices?language=en-US&gender=female").json["data"]["voices"].array
      )
      #expect(!female.isEmpty && female.allSatisfy { $0["gender"] == .string("female") })
    }
  }

  @Test func remainingQuotaHasEveryDetail() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let response = try await server.get("/v2/user/remaining_quota")
      #expect(response.status == 200)
      #expect(response.json["error"].isNull)
      let data = response.json["data"]
      let remaining = try #require(data["remaining_quota"].int)
      #expect(remaining > 0)
      #expect(data["details"]["api"].int == remaining)
      for key in ["streaming_avatar", "streaming_avatar_instance_quota", "seat"] {
        #expect(data["details"][key].int == 0, "\(key)")
      }
    }
  }

  @Test func catalogueNeedsAKeyButPreviewsDoNot() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      for path in [
        "/v2/avatars", "/v2/voices", "/v2/avatar_group.list", "/v2/user/remaining_quota",
      ] {
        for key in [nil, "not-a-key"] as [String?] {
          let response = try await server.get(path, key: key)
          #expect(response.status == 401, "\(path)")
          #expect(response.json["code"].int == 400112)
          #expect(response.json["error"]["code"] == .string("unauthorized"))
          #expect(response.json["data"].isNull)
        }
      }
      for path in [
        "/previews/avatars/nobody.jpg", "/previews/avatars/amara_navy_blazer.png",
        "/previews/voices/xx.mp3",
      ] {
        let response = try await server.get(path, key: nil)
        #expect(response.status == 404, "\(path)")
        #expect(response.json["error"]["code"] == .string("not_found"))
      }
    }
  }

  @Test func previewsAreRealFiles() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let avatar = try await server.get("/v2/avatars").json["data"]["avatars"][0]
      let voice = try await server.get("/v2/voices").json["data"]["voices"][0]

      let image = try await server.get(try #require(avatar["preview_image_url"].string), key: nil)
      #expect(image.status == 200)
      #expect(image.header("content-type") == "image/jpeg")
      #expect(image.body.starts(with: [0xFF, 0xD8, 0xFF]))
      #expect(image.body.count > 5_000)

      let videoURL = try #require(avatar["preview_video_url"].string)
      let video = try await server.download(videoURL, as: "preview.mp4")
      let probe = try await MediaProbe(path: video)
      #expect(probe.videoCodec == "h264")
      #expect(probe.audioCodec == "aac")
      #expect(probe.width == 640 && probe.height == 360)
      #expect((probe.duration ?? 0) > 1)
      let range = try await server.get(videoURL, key: nil, headers: [("Range", "bytes=0-99")])
      #expect(range.status == 206)
      #expect(range.header("content-type") == "video/mp4")

      let audioURL = try #require(voice["preview_audio"].string)
      let audio = try await server.get(audioURL, key: nil)
      #expect(audio.status == 200)
      #expect(audio.header("content-type") == "audio/mpeg")
      let mp3 = try await server.download(audioURL, as: "preview.mp3")
      let decoded = try await Tool.run("ffmpeg", ["-v", "error", "-i", mp3, "-f", "null", "-"])
      #expect(decoded.status == 0, "\(decoded.output)")
      let sample = try await MediaProbe(path: mp3)
      #expect(sample.audioCodec == "mp3")
      #expect((sample.duration ?? 0) > 1)
    }
  }

  @Test func concurrentFirstRequestsShareOnePreview() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let url = "\(server.baseURL)/previews/avatars/kofi_blue_shirt.jpg"
      // Clients of their own: the requests must really be in flight together.
      let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
        for _ in 0..<6 {
          group.addTask {
            let response = try await HTTPClient.shared.execute(
              HTTPClientRequest(url: url), timeout: .seconds(60))
            return Data(try await response.body.collect(upTo: 16 << 20).readableBytesView)
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(bodies.count == 6)
      #expect(bodies.allSatisfy { $0 == bodies[0] && $0.starts(with: [0xFF, 0xD8, 0xFF]) })
      // One finished file in the cache and no leftovers from the shared run.
      let folder = server.dataDirectory.appendingPathComponent("previews/avatars").path
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(files.filter { $0.hasPrefix("kofi_blue_shirt") }.count == 1, "\(files)")
      #expect(!files.contains { $0.hasPrefix(".partial") }, "\(files)")
    }
  }
}
