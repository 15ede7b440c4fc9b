import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `POST /v3/videos` to a downloaded MP4, as HeyGen's CLI does it (`video create --wait`,
/// `video get`, `video list`, `video download`, `video delete`, `asset create`), over the
/// same store as v1/v2.
@Suite("v3 videos and assets")
struct V3VideoTests {
  let schemas = V3ResponseSchemas.shared

  /// The CLI's `--wait`: poll `GET /v3/videos/{id}` until `completed` or `failed`.
  static func waitForVideo(_ cli: HeyGenCLIClient, _ id: String) async throws -> JSONValue {
    let deadline = ContinuousClock.now + .seconds(240)
    while true {
      let response = try await cli.get("/v3/videos/\(id)")
      try #require(response.status == 200, "get answered \(response.status): \(response.text)")
      let data = response.json["data"]
      if let status = data["status"].string, ["completed", "failed"].contains(status) {
        return response.json
      }
      #expect(["pending", "processing"].contains(data["status"].string ?? ""))
      guard ContinuousClock.now < deadline else {
        throw TestServerError("video \(id) still \(data["status"]): \(cli.server.log.suffix(2000))")
      }
      try await Task.sleep(for: .milliseconds(250))
    }
  }

  /// The MP4 of the v3 video `body` asks for, once it completed, downloaded as `name`.
  static func rendered(_ body: [String: Any], _ cli: HeyGenCLIClient, as name: String)
    async throws -> String
  {
    let created = try await cli.post("/v3/videos", json: body)
    try #require(created.status == 200, "\(created.text)")
    let done = try await waitForVideo(cli, try #require(created.json["data"]["video_id"].string))
    try #require(done["data"]["status"].string == "completed", "\(done)")
    return try await cli.server.download(
      try #require(done["data"]["video_url"].string), as: name)
  }

  @Test("asset create, video create --wait, get, list, download, statuses, delete")
  func cliVideoRoundTrip() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)

      // `heygen asset create --file red.png`
      let picture = server.dataDirectory.appendingPathComponent("red.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1",
          picture.path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let upload = try await cli.upload(
        fileName: "red.png", bytes: try Data(contentsOf: picture))
      #expect(upload.status == 200, "\(upload.text)")
      schemas.expectValid(upload.json, endpoint: "POST /v3/assets")
      let assetID = try #require(upload.json["data"]["asset_id"].string)
      #expect(upload.json["data"]["mime_type"].string == "image/png")
      let asset = try await cli.get("/v3/assets/\(assetID)")
      #expect(asset.status == 200 && asset.json["data"]["type"].string == "image")
      schemas.expectValid(asset.json, endpoint: "GET /v3/assets/{asset_id}")

      // `heygen video create -d '{…}' --wait`, with the keys n8n adds that the schema lacks.
      let created = try await cli.post(
        "/v3/videos",
        json: [
          "type": "avatar", "avatar_id": "amara_navy_blazer-close-up",
          "script": "Hello from version three.", "voice_id": "en-us-female",
          "voice_settings": ["speed": 1.1, "pitch": 0],
          "background": ["type": "image", "asset_id": assetID], "aspect_ratio": "1:1",
          "resolution": "720p", "caption": ["file_format": "srt", "style": "default"],
          "title": "Launch clip: C++ & more", "callback_id": "cb-1", "folder_id": "folder-7",
          "test": true,
          "enable_caption": true,
        ])
      #expect(created.status == 200, "\(created.text)")
      schemas.expectValid(created.json, endpoint: "POST /v3/videos")
      let id = try #require(created.json["data"]["video_id"].string)
      #expect(created.json["data"]["status"].string == "pending")
      #expect(created.json["data"]["output_format"].string == "mp4")

      let done = try await Self.waitForVideo(cli, id)
      schemas.expectValid(done, endpoint: "GET /v3/videos/{video_id}")
      let video = done["data"]
      #expect(video["status"].string == "completed", "\(done)")
      #expect(video["id"].string == id && video["title"].string == "Launch clip: C++ & more")
      #expect(video["folder_id"].string == "folder-7")
      #expect((video["completed_at"].int ?? 0) >= (video["created_at"].int ?? .max))
      #expect(video["failure_code"] == .missing && video["output_language"] == .missing)
      let duration = try #require(video["duration"].double)

      // `heygen video download`: a plain GET of video_url, no key.
      let file = try await server.download(try #require(video["video_url"].string), as: "v3.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.width == 720 && probe.height == 720, "\(probe)")
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
      #expect(abs((probe.duration ?? 0) - duration) < 0.3)
      // The uploaded picture is the background: the corner is red.
      let corner = try await Media.pixel(of: file, server)
      #expect(corner.isRed, "corner is \(corner)")
      let subtitles = try await server.get(try #require(video["subtitle_url"].string), key: nil)
      #expect(
        subtitles.status == 200 && subtitles.text.contains("version three"), "\(subtitles.text)")
      #expect(subtitles.text.contains("-->"))
      let captioned = try await server.download(
        try #require(video["captioned_video_url"].string), as: "v3-captioned.mp4")
      #expect(try await MediaProbe(path: captioned).width == 720)
      for key in ["thumbnail_url", "gif_url"] {
        let preview = try await server.get(try #require(video[key].string), key: nil)
        #expect(preview.status == 200 && preview.body.count > 100, "\(key)")
      }

      // `heygen video list --title "Launch clip"` sends `title=Launch+clip`.
      let listed = try await cli.get("/v3/videos", query: ["title": "Launch clip"])
      schemas.expectValid(listed.json, endpoint: "GET /v3/videos")
      #expect(listed.json["data"].array?.compactMap { $0["id"].string } == [id], "\(listed.text)")
      // A real plus (`%2B`) stays a plus; only the encoded space (`+`) is a space.
      let plus = try await cli.get("/v3/videos", query: ["title": "C++ & more"])
      #expect(plus.json["data"].array?.compactMap { $0["id"].string } == [id], "\(plus.text)")
      let inFolder = try await cli.get("/v3/videos", query: ["folder_id": "folder-7"])
      #expect(inFolder.json["data"].array?.count == 1)
      let otherFolder = try await cli.get("/v3/videos", query: ["folder_id": "elsewhere"])
      #expect(otherFolder.json["data"].array?.isEmpty == true)
      #expect(otherFolder.json["has_more"].bool == false && otherFolder.json["next_token"] == .null)

      let statuses = try await cli.get(
        "/v3/videos/statuses", query: ["video_ids": "\(id),0123456789abcdef0123456789abcdef"])
      schemas.expectValid(statuses.json, endpoint: "GET /v3/videos/statuses")
      #expect(statuses.json["data"][0]["status"].string == "completed")
      #expect(statuses.json["data"][1]["status"].string == "not_found")

      // The same video through v1.
      let v1 = try await server.status(id)
      #expect(v1["status"].string == "completed" && v1["video_url_caption"].string != nil)

      // `heygen video delete <id> --force`
      let deleted = try await cli.delete("/v3/videos/\(id)")
      #expect(deleted.status == 200, "\(deleted.text)")
      schemas.expectValid(deleted.json, endpoint: "DELETE /v3/videos/{video_id}")
      #expect(
        deleted.json["data"]["id"].string == id && deleted.json["data"]["deleted"].bool == true)
      #expect(try await cli.get("/v3/videos/\(id)").status == 404)
      #expect(try await server.get("/v1/video_status.get?video_id=\(id)").status == 404)

      let assetGone = try await cli.delete("/v3/assets/\(assetID)")
      #expect(assetGone.status == 200)
      schemas.expectValid(assetGone.json, endpoint: "DELETE /v3/assets/{asset_id}")
      #expect(try await cli.get("/v3/assets/\(assetID)").status == 404)
    }
  }

  @Test("one store: a v2 video read, listed and deleted through v3; a v3 video through v1")
  func oneStoreTwoDialects() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let v2ID = try await server.generate(VideoRequest.body(title: "Made with v2"))
      let v3 = try await cli.post(
        "/v3/videos",
        json: [
          "type": "avatar", "avatar_id": "kofi_blue_shirt", "script": "Made with v3.",
          "voice_id": "en-us-male", "resolution": "720p", "aspect_ratio": "9:16",
          "title": "Made with v3",
        ])
      try #require(v3.status == 200, "\(v3.text)")
      let v3ID = try #require(v3.json["data"]["video_id"].string)

      let v2Done = try await Self.waitForVideo(cli, v2ID)
      #expect(v2Done["data"]["status"].string == "completed")
      #expect(v2Done["data"]["title"].string == "Made with v2")
      schemas.expectValid(v2Done, endpoint: "GET /v3/videos/{video_id}")
      let v3Done = try await server.waitForStatus(v3ID)
      #expect(v3Done["status"].string == "completed", "\(v3Done)")
      let file = try await server.download(try #require(v3Done["video_url"].string), as: "tall.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.width == 720 && probe.height == 1280, "\(probe)")

      // Both in both lists, newest first.
      let v3List = try await cli.get("/v3/videos")
      let v3IDs = v3List.json["data"].array?.compactMap { $0["id"].string } ?? []
      #expect(Set(v3IDs) == [v2ID, v3ID])
      let v1List = try await server.get("/v1/video.list")
      let v1IDs = v1List.json["data"]["videos"].array?.compactMap { $0["video_id"].string } ?? []
      #expect(Set(v1IDs) == [v2ID, v3ID])

      // Paging v3 one at a time reaches both.
      let first = try await cli.get("/v3/videos", query: ["limit": "1"])
      #expect(first.json["has_more"].bool == true)
      let token = try #require(first.json["next_token"].string)
      let second = try await cli.get("/v3/videos", query: ["limit": "1", "token": token])
      #expect(second.json["has_more"].bool == false)
      #expect(
        Set([first.json["data"][0]["id"].string, second.json["data"][0]["id"].string]) == [
          v2ID, v3ID,
        ])

      // Deleting across dialects.
      #expect(try await cli.delete("/v3/videos/\(v2ID)").status == 200)
      #expect(try await server.get("/v1/video_status.get?video_id=\(v2ID)").status == 404)
      let v1Delete = try await server.delete("/v1/video.delete?video_id=\(v3ID)")
      #expect(v1Delete.status == 200)
      #expect(try await cli.get("/v3/videos/\(v3ID)").status == 404)
    }
  }

  @Test("studio: a presenter scene and a still-image scene from inline base64")
  func studioScenes() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let picture = server.dataDirectory.appendingPathComponent("blue.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=64x36", "-frames:v", "1",
          picture.path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let base64 = try Data(contentsOf: picture).base64EncodedString()
      let created = try await cli.post(
        "/v3/videos",
        json: [
          "type": "studio", "resolution": "720p", "title": "Two scenes",
          "scenes": [
            [
              "type": "avatar_video",
              "input": [
                "type": "avatar", "avatar_id": "mei_teal_blouse-circle", "script": "First scene.",
                "voice_id": "en-us-female", "background": ["type": "color", "color": "#00FF00"],
              ],
            ],
            [
              "type": "image", "duration": 2,
              "source": ["type": "base64", "media_type": "image/png", "data": base64],
            ],
          ],
        ])
      #expect(created.status == 200, "\(created.text)")
      let id = try #require(created.json["data"]["video_id"].string)
      let done = try await Self.waitForVideo(cli, id)
      #expect(done["data"]["status"].string == "completed", "\(done)")
      let file = try await server.download(
        try #require(done["data"]["video_url"].string), as: "studio.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.width == 1280 && probe.height == 720)
      // The first frame is the green presenter scene; the last second is the blue still.
      #expect(try await Media.pixel(of: file, server).isGreen)
      let tail = server.dataDirectory.appendingPathComponent("studio-tail.png").path
      let cut = try await Tool.run(
        "ffmpeg", ["-v", "error", "-y", "-sseof", "-0.5", "-i", file, "-frames:v", "1", tail])
      try #require(cut.status == 0, "\(cut.output)")
      #expect(try await Media.pixel(of: tail, server).isBlue)
      #expect((probe.duration ?? 0) > 2.5)
    }
  }

  @Test("studio: a video scene plays the clip's own sound; playback turns it down or mutes it")
  func videoSceneSound() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      // Two seconds of picture with a 440 Hz tone under it.
      let clip = try await Media.upload(
        "tone.mp4", server,
        input: "color=c=red:s=320x180:d=2:r=25[out0];sine=frequency=440:duration=2[out1]",
        type: "video/mp4", extra: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"])
      func render(_ playback: [String: Any]?) async throws -> (volume: Double, seconds: Double) {
        var scene: [String: Any] = [
          "type": "video", "source": ["type": "asset_id", "asset_id": clip],
        ]
        if let playback { scene["playback"] = playback }
        let file = try await Self.rendered(
          ["type": "studio", "resolution": "720p", "scenes": [scene]], cli,
          as: "scene-\(UUID().uuidString).mp4")
        let probe = try await MediaProbe(path: file)
        return (try await Self.meanVolume(file), probe.duration ?? 0)
      }
      let source = try await render(nil)
      let quieter = try await render(["volume": 0.25])
      let muted = try await render(["volume": 1, "mute": true])
      // The sine is at an eighth of full scale: about -21 dB.
      #expect(source.volume > -26 && source.volume < -16, "\(source)")
      #expect(abs(source.volume - quieter.volume - 12.04) < 1.5, "\(source) \(quieter)")
      #expect(muted.volume < -80, "\(muted)")
      for video in [source, quieter, muted] { #expect(abs(video.seconds - 2) < 0.15, "\(video)") }

      let refused = try await cli.post(
        "/v3/videos",
        json: [
          "type": "studio",
          "scenes": [
            [
              "type": "video", "source": ["type": "asset_id", "asset_id": clip],
              "playback": ["volume": 2],
            ]
          ],
        ])
      #expect(refused.status == 400, "\(refused.text)")
      #expect(refused.text.contains("scenes[0].playback.volume"), "\(refused.text)")
    }
  }

  @Test("a translation made through v2 is a video of v3, with its output language")
  func translatedVideoIsAV3Video() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let original = try await server.generate(VideoRequest.body(text: "Good morning, friends."))
      let done = try await server.waitForStatus(original)
      try #require(done["status"].string == "completed", "\(done)")
      let translated = try await TranslationTests.translate(
        ["video_id": original, "output_language": "Spanish"], server)

      let resource = try await Self.waitForVideo(cli, translated)
      schemas.expectValid(resource, endpoint: "GET /v3/videos/{video_id}")
      #expect(resource["data"]["status"].string == "completed", "\(resource)")
      #expect(resource["data"]["output_language"].string == "es", "\(resource)")
      #expect(resource["data"]["subtitle_url"].string != nil)
      let listed = try await cli.get("/v3/videos")
      let rows = listed.json["data"].array ?? []
      #expect(Set(rows.compactMap { $0["id"].string }) == [original, translated])
      #expect(rows.first { $0["id"].string == original }?["output_language"] == .missing)
    }
  }

  /// ffmpeg's `volumedetect` mean loudness of a file's audio, in dB.
  static func meanVolume(_ path: String) async throws -> Double {
    let result = try await Tool.run(
      "ffmpeg", ["-v", "info", "-i", path, "-af", "volumedetect", "-f", "null", "-"])
    let line = try #require(
      result.output.split(separator: "\n").first { $0.contains("mean_volume:") },
      "\(result.output.suffix(2000))")
    let value = line.split(separator: ":").last?.split(separator: " ").first.map(String.init)
    return try #require(value.flatMap(Double.init))
  }

  @Test("voice_settings.volume scales the voice: a quarter is 12 dB quieter")
  func volumeScalesTheVoice() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      var loudness: [Double] = []
      for volume in [1.0, 0.25] {
        let file = try await Self.rendered(
          [
            "type": "avatar", "avatar_id": "kofi_blue_shirt",
            "script": "The same sentence, twice.", "voice_id": "en-us-male",
            "voice_settings": ["volume": volume], "resolution": "720p", "aspect_ratio": "1:1",
          ], cli, as: "volume-\(volume).mp4")
        loudness.append(try await Self.meanVolume(file))
      }
      let drop = loudness[0] - loudness[1]
      #expect(abs(drop - 12.04) < 1.5, "mean volumes \(loudness) dB")
    }
  }

  @Test("watermark: a picture laid over every frame in its corner, at its opacity")
  func watermarkPicture() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let logo = server.dataDirectory.appendingPathComponent("logo.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=60x60", "-frames:v", "1",
          logo.path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let base64 = try Data(contentsOf: logo).base64EncodedString()
      var frames: [Double: [UInt8]] = [:]
      for opacity in [1.0, 0.5] {
        let created = try await cli.post(
          "/v3/videos",
          json: [
            "type": "avatar", "avatar_id": "kofi_blue_shirt-circle", "script": "Branded.",
            "voice_id": "en-us-male", "resolution": "720p",
            "background": ["type": "color", "value": "#FFFFFF"],
            "watermark": [
              "image": ["type": "base64", "media_type": "image/png", "data": base64],
              "scale": 1.5, "opacity": opacity,
              "placement": ["position": "top_left", "offset_x": 0.02, "offset_y": 0.02],
            ],
          ])
        try #require(created.status == 200, "\(created.text)")
        let done = try await Self.waitForVideo(
          cli, try #require(created.json["data"]["video_id"].string))
        try #require(done["data"]["status"].string == "completed", "\(done)")
        let file = try await server.download(
          try #require(done["data"]["video_url"].string), as: "logo-\(opacity).mp4")
        frames[opacity] = try await Media.frame(file, server)
      }
      // 16×9 cells: the logo (a quarter of the width, from the top-left corner) covers cell
      // (1, 1); the far corner is the white background.
      func cell(_ rgb: [UInt8], _ row: Int, _ column: Int) -> Media.Pixel {
        let index = (row * 16 + column) * 3
        return Media.Pixel(
          red: Int(rgb[index]), green: Int(rgb[index + 1]), blue: Int(rgb[index + 2]))
      }
      let opaque = try #require(frames[1.0])
      let half = try #require(frames[0.5])
      #expect(cell(opaque, 1, 1).isRed, "\(cell(opaque, 1, 1))")
      let blended = cell(half, 1, 1)
      #expect(blended.red > 220 && (100...160).contains(blended.green), "\(blended)")
      let far = cell(opaque, 8, 15)
      #expect(far.red > 230 && far.green > 230 && far.blue > 230, "\(far)")
    }
  }

  @Test("a background video sent as an image, as n8n sends it, plays behind the presenter")
  func backgroundVideoAsImage() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      // One red second, then blue: the corner tells a playing video from a still.
      let clip = try await Media.upload(
        "red-then-blue.mp4", server,
        input:
          "color=c=red:s=320x180:d=1:r=25[a];color=c=blue:s=320x180:d=3:r=25[b];[a][b]concat=n=2:v=1:a=0[out0]",
        type: "video/mp4", extra: ["-c:v", "libx264", "-pix_fmt", "yuv420p"])
      let clipURL = try #require(
        try await cli.get("/v3/assets/\(clip)").json["data"]["url"].string)
      for background in [
        ["type": "image", "asset_id": clip], ["type": "image", "url": clipURL],
      ] {
        let file = try await Self.rendered(
          [
            "type": "avatar", "avatar_id": "amara_navy_blazer", "voice_id": "en-us-female",
            "script": "One, two, three, four, five.", "resolution": "720p",
            "aspect_ratio": "16:9", "background": background,
          ], cli, as: "on-clip.mp4")
        func corner(at seconds: Double) async throws -> Media.Pixel {
          let still = server.dataDirectory.appendingPathComponent("corner-\(seconds).png").path
          let made = try await Tool.run(
            "ffmpeg",
            ["-v", "error", "-y", "-ss", String(seconds), "-i", file, "-frames:v", "1", still])
          try #require(made.status == 0, "\(made.output)")
          return try await Media.pixel(of: still, server)
        }
        let early = try await corner(at: 0.4)
        let late = try await corner(at: 1.6)
        #expect(early.isRed && late.isBlue, "\(background): \(early) then \(late)")
      }
    }
  }
}
