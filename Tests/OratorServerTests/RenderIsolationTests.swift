import Foundation
import Hummingbird
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Attacks on the render path, as a client with one ordinary key would try them: numbers out
/// of range, videos hours long, renders that crash or run away. Each is refused at submit or
/// fails its own video with a clear error, and the server keeps answering.
@Suite(.serialized) struct RenderIsolationTests {
  /// The body that used to crash the whole server: an offset far outside the frame.
  @Test func hugeOffsetIsRefusedNamingTheField() async throws {
    try await TestServer.with(workers: 0) { server in
      var body = VideoRequest.body()
      var scenes = body["video_inputs"] as! [[String: Any]]
      scenes[0]["character"] = [
        "type": "avatar", "avatar_id": VideoRequest.avatarID,
        "offset": ["x": -1e308, "y": -1e308],
      ]
      body["video_inputs"] = scenes
      let refused = try await server.post("/v2/video/generate", json: body)
      #expect(refused.status == 400, "\(refused.text)")
      let message = refused.json["error"]["message"].string ?? ""
      #expect(message.contains("video_inputs[0].character.offset.x"), "\(message)")
      #expect(message.contains("between -1 and 1"), "\(message)")
      #expect(try await server.get("/v1/video.list").json["data"]["videos"].array?.isEmpty == true)
    }
  }

  /// 50 scenes of a minute-long pause each: 50 minutes of video from a few kilobytes.
  @Test func videoOverTheLengthLimitIsRefusedAtSubmit() async throws {
    try await TestServer.with(workers: 0) { server in
      let script = String(repeating: "<break time=\"60s\"/>", count: 40) + " Hello."
      var body = VideoRequest.body()
      let scene = (body["video_inputs"] as! [[String: Any]])[0]
      var scenes = Array(repeating: scene, count: 50)
      for index in scenes.indices {
        var voice = scenes[index]["voice"] as! [String: Any]
        voice["input_text"] = script
        scenes[index]["voice"] = voice
      }
      body["video_inputs"] = scenes
      body["test"] = true
      let refused = try await server.post("/v2/video/generate", json: body)
      #expect(refused.status == 400, "\(refused.text)")
      let message = refused.json["error"]["message"].string ?? ""
      #expect(message.contains("video_inputs[0].voice.input_text"), "\(message)")
      #expect(message.contains("at most 30 minutes"), "\(message)")

      var longPause = VideoRequest.body(text: "Wait <break time=\"90s\"/> for it.")
      longPause["test"] = true
      let pause = try await server.post("/v2/video/generate", json: longPause)
      #expect(pause.status == 400, "\(pause.text)")
      #expect(
        pause.json["error"]["message"].string?.contains("a pause may last at most 60 s") == true,
        "\(pause.text)")
    }
  }

  @Test func freeTextFieldsHaveLimits() async throws {
    try await TestServer.with(workers: 0) { server in
      for (field, limit) in [("title", 500), ("callback_id", 500), ("folder_id", 200)] {
        var body = VideoRequest.body()
        body[field] = String(repeating: "x", count: limit + 1)
        let refused = try await server.post("/v2/video/generate", json: body)
        #expect(refused.status == 400, "\(field): \(refused.text)")
        #expect(
          refused.json["error"]["message"].string?.contains(
            "\(field): must be at most \(limit) characters") == true, "\(refused.text)")
        body[field] = String(repeating: "x", count: limit)
        #expect(try await server.post("/v2/video/generate", json: body).status == 200)
      }
    }
  }

  /// Every endpoint that stores free text bounds it: translations, templates, webhooks.
  @Test func storedTextIsBoundedOnEveryEndpoint() async throws {
    try await TestServer.with(workers: 0) { server in
      let long = String(repeating: "x", count: 100_000)
      let refusals = [
        (
          "/v2/video_translate",
          ["video_url": "https://example.com/a.mp4", "output_language": "Spanish", "title": long],
          "title: must be at most 500 characters"
        ),
        (
          "/v2/video_translate",
          [
            "video_url": "https://example.com/a.mp4", "output_language": "Spanish",
            "callback_id": long,
          ], "callback_id: must be at most 500 characters"
        ),
        (
          "/v2/template",
          [
            "name": long,
            "video_inputs": [["voice": ["voice_id": VideoRequest.voiceID, "input_text": "Hi."]]],
          ], "name: must be at most 500 characters"
        ),
        (
          "/v1/webhook/endpoint.add", ["url": "https://example.com/" + long],
          "url: must be at most 2048 characters"
        ),
      ]
      for (path, body, message) in refusals {
        let refused = try await server.post(path, json: body)
        #expect(refused.status == 400, "\(path): \(refused.text.prefix(300))")
        #expect(refused.text.contains(message), "\(path): \(refused.text.prefix(300))")
      }
    }
  }

  /// A render process that dies (here: killed with SIGSEGV from outside, as a crash in a C
  /// library would end it) fails only its own video, after one immediate retry, and the
  /// server answers throughout.
  @Test func crashingRenderFailsItsVideoAndTheServerLivesOn() async throws {
    try await TestServer.with { server in
      let text = String(repeating: "A long script keeps the render busy for a while. ", count: 30)
      let id = try await server.generate(VideoRequest.body(text: text, width: 640, height: 360))
      var killed: [pid_t] = []
      for _ in 0..<2 {
        let pid = try await Self.renderProcess(of: server, other: killed)
        #expect(kill(pid, SIGSEGV) == 0)
        killed.append(pid)
        try await Self.waitUntilGone(pid)
      }
      let status = try await server.waitForStatus(id)
      #expect(status["status"] == .string("failed"), "\(status)")
      let detail = status["error"]["detail"].string ?? ""
      #expect(detail.contains("crashed twice"), "\(status)")
      #expect(!detail.contains(server.dataDirectory.path), "no server path: \(detail)")
      #expect(try await server.get("/v2/avatars").status == 200)
      // The next video renders as usual.
      let next = try await server.generate()
      #expect(try await server.waitForStatus(next)["status"] == .string("completed"))
    }
  }

  /// A render over its wall-time limit is killed with everything it started, fails for good
  /// (a retry would take as long), and leaves no files in the video's folder.
  @Test func renderOverItsTimeLimitFailsForGood() async throws {
    try await TestServer.with(arguments: ["--max-render-minutes", "0.02"]) { server in
      let text = String(
        repeating: "This script takes far longer than a second to render. ", count: 40)
      let id = try await server.generate(VideoRequest.body(text: text, width: 1280, height: 720))
      let status = try await server.waitForStatus(id)
      #expect(status["status"] == .string("failed"), "\(status)")
      #expect(status["error"]["detail"].string?.contains("took longer than") == true, "\(status)")
      let folder = server.dataDirectory.appendingPathComponent("media")
      let leftovers =
        FileManager.default.enumerator(atPath: folder.path)?.allObjects
        .compactMap { $0 as? String }.filter { $0.contains(id) && $0.hasSuffix(".mp4") } ?? []
      #expect(leftovers.isEmpty, "\(leftovers)")
      #expect(try Self.renderProcesses(of: server).isEmpty)
    }
  }

  /// Credit never goes below zero: a video whose real length the balance cannot cover fails
  /// once its speech is known, before frames are drawn, and the quota shows what is left.
  @Test func videoLongerThanTheCreditFailsBeforeRendering() async throws {
    try await TestServer.with(allowPrivateURLs: false, arguments: ["--initial-credit", "70"]) {
      server in
      let audio = try await AssetTests.makeFile(
        "long.mp3", in: server, input: "sine=frequency=300:duration=90")
      let upload = try await AssetTests.upload(audio, contentType: "audio/mpeg", to: server)
      let asset = try #require(upload.json["data"]["id"].string, "\(upload.text)")
      let id = try await server.generate([
        "video_inputs": [
          [
            "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
            "voice": ["type": "audio", "audio_asset_id": asset],
          ]
        ],
        "dimension": ["width": 320, "height": 180],
      ])
      let status = try await server.waitForStatus(id)
      #expect(status["status"] == .string("failed"), "\(status)")
      #expect(status["error"]["code"].int == 400599, "\(status)")
      #expect(
        status["error"]["detail"].string?.contains("the account can pay 70 s") == true, "\(status)")
      let quota = try await server.get("/v2/user/remaining_quota")
      #expect(quota.json["data"]["remaining_quota"].int == 70, "\(quota.text)")
    }
  }

  /// The per-account limit holds under concurrent submits: it is decided in the transaction
  /// that queues the video.
  @Test func concurrentSubmitsStayWithinTheActiveLimit() async throws {
    try await TestServer.with(workers: 0, arguments: ["--max-active-renders", "5"]) { server in
      let statuses = try await ConcurrentSubmits.statuses(
        count: 20, of: VideoRequest.body(), to: [server.baseURL + "/v2/video/generate"])
      #expect(statuses.filter { $0 == 200 }.count == 5, "\(statuses)")
      #expect(statuses.filter { $0 == 429 }.count == 15, "\(statuses)")
      let listed = try await server.get("/v1/video.list")
      #expect(listed.json["data"]["videos"].array?.count == 5)
    }
  }

  /// A "video" that is really an HLS playlist naming a file on the server (here the test's
  /// own secret file, standing for another account's video) is not opened: only real media
  /// containers are, so the file never ends up in the requester's video.
  @Test func playlistPosingAsMediaCannotReadServerFiles() async throws {
    try await TestServer.with { server in
      let secret = server.dataDirectory.appendingPathComponent("secret.ts")
      _ = try await AssetTests.makeFile(
        "secret.ts", in: server, input: "color=c=red:s=320x180:d=1",
        extra: ["-c:v", "libx264", "-f", "mpegts"])
      let playlist = """
        #EXTM3U
        #EXT-X-TARGETDURATION:1
        #EXTINF:1,
        file://\(secret.path)
        #EXT-X-ENDLIST

        """
      let router = Router()
      router.get("/clip.mp4") { _, _ in playlist }
      let origin = await LoopbackHTTPServer(router, label: "playlist")
      defer { Task { await origin.stop() } }
      var body = VideoRequest.body()
      var scenes = body["video_inputs"] as! [[String: Any]]
      scenes[0]["background"] = ["type": "video", "url": origin.baseURL + "/clip.mp4"]
      body["video_inputs"] = scenes
      let id = try await server.generate(body)
      let status = try await server.waitForStatus(id)
      #expect(status["status"] == .string("failed"), "\(status)")
      #expect(
        status["error"]["message"] == .string("Invalid input: video_inputs[0].background.url"),
        "\(status)")
    }
  }

  // MARK: Render processes

  /// The pids of `orator render-job` processes working for `server` (their job files live in
  /// its data folder).
  static func renderProcesses(of server: TestServer) throws -> [pid_t] {
    let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
    return entries.compactMap { entry -> pid_t? in
      guard let pid = pid_t(entry),
        let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
      else { return nil }
      let command = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
      return command.contains("render-job") && command.contains(server.dataDirectory.path)
        ? pid : nil
    }
  }

  static func renderProcess(
    of server: TestServer, other known: [pid_t] = [], timeout: Duration = .seconds(60)
  ) async throws -> pid_t {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let pid = try renderProcesses(of: server).first(where: { !known.contains($0) }) {
        return pid
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    throw TestServerError("no render process appeared; log:\n\(server.log.suffix(2000))")
  }

  static func waitUntilGone(_ pid: pid_t) async throws {
    for _ in 0..<3000 where kill(pid, 0) == 0 {
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
