import Foundation
import HeyGenAPI
import Testing

/// The `orator` client commands against a real server: output, `--json` and exit codes.
@Suite(.serialized) struct CLITests {
  @Test func avatarsVoicesAndQuotaPrintTablesAndJSON() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let orator = CLI(server: server, directory: folder)

      let avatars = try await orator("avatars")
      #expect(avatars.status == 0, "\(avatars)")
      #expect(avatars.lines.first?.hasPrefix("AVATAR ID") == true)
      #expect(avatars.lines.contains { $0.hasPrefix(VideoRequest.avatarID + " ") }, "\(avatars)")
      let listing = try JSONDecoder().decode(
        AvatarListData.self, from: Data(try await orator("avatars", "--json").stdout.utf8))
      #expect(listing.avatars.count == avatars.lines.count - 1)

      let voices = try await orator("voices", "--language", "English", "--gender", "female")
      #expect(voices.status == 0, "\(voices)")
      #expect(voices.lines.contains { $0.hasPrefix(VideoRequest.voiceID + " ") }, "\(voices)")
      #expect(
        voices.lines.dropFirst().allSatisfy { $0.contains("female") && !$0.contains(" male") })
      let voiceJSON = try await orator("voices", "--language", "en", "--json")
      let decoded = try JSONDecoder().decode(VoiceListData.self, from: Data(voiceJSON.stdout.utf8))
      #expect(decoded.voices.allSatisfy { $0.language == "English" } && decoded.voices.count >= 2)

      let quota = try await orator("quota")
      #expect(quota.status == 0 && quota.stdout.contains("remaining quota: 1000000"), "\(quota)")
      let quotaJSON = try await orator("quota", "--json")
      let remaining = try JSONDecoder().decode(
        RemainingQuota.self, from: Data(quotaJSON.stdout.utf8))
      #expect(remaining.details.api == 1_000_000)
    }
  }

  @Test func createWaitDownloadMakesAPlayableMP4() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      try "Hello from a script file.".write(
        to: folder.appendingPathComponent("script.txt"), atomically: true, encoding: .utf8)
      let made = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", VideoRequest.voiceID,
        "--script-file", "script.txt", "--background", "#1E3A8A", "--dimension", "320x180",
        "--caption", "--test", "--wait", "--download", "out.mp4")
      #expect(made.status == 0, "\(made)")
      #expect(made.stdout.contains("status:    completed"), "\(made)")
      #expect(made.stdout.contains("file:      out.mp4"))
      // Not a terminal: no progress bar escapes in either stream.
      #expect(!made.stderr.contains("\r") && !made.stdout.contains("\u{1B}"))
      let probe = try await MediaProbe(path: folder.appendingPathComponent("out.mp4").path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
      #expect(probe.width == 320 && probe.height == 180 && (probe.duration ?? 0) > 0.5)
    }
  }

  @Test func videoStatusListShareDownloadDelete() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      let made = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", VideoRequest.voiceID,
        "--text", "Hi there.", "--dimension", "320x180", "--title", "CLI video", "--json")
      #expect(made.status == 0, "\(made)")
      let id = try #require((made.json as? [String: Any])?["video_id"] as? String, "\(made)")
      _ = try await server.waitForStatus(id)

      let status = try await orator("video", "status", id, "--json")
      let data = try JSONDecoder().decode(VideoStatusData.self, from: Data(status.stdout.utf8))
      #expect(data.status == "completed" && data.videoUrl != nil)
      let plain = try await orator("video", "status", id)
      #expect(plain.stdout.contains("status:    completed") && plain.stdout.contains(id))

      let list = try await orator("video", "list")
      #expect(list.lines.first?.hasPrefix("VIDEO ID") == true)
      #expect(
        list.lines.contains {
          $0.hasPrefix(id) && $0.contains("completed") && $0.hasSuffix("CLI video")
        },
        "\(list)")
      let listJSON = try await orator("video", "list", "--limit", "1", "--json")
      let page = try JSONDecoder().decode(VideoListData.self, from: Data(listJSON.stdout.utf8))
      #expect(page.videos.map(\.videoId) == [id] && page.token == nil)

      let share = try await orator("video", "share", id)
      #expect(share.stdout == server.baseURL + "/share/\(id)\n", "\(share)")

      let download = try await orator("video", "download", id, "-o", "again.mp4")
      #expect(download.status == 0 && download.stdout == "again.mp4\n", "\(download)")
      let probe = try await MediaProbe(path: folder.appendingPathComponent("again.mp4").path)
      #expect(probe.videoCodec == "h264")
      let size = try #require(
        try FileManager.default.attributesOfItem(
          atPath: folder.appendingPathComponent("again.mp4").path)[.size] as? Int)
      let downloadJSON = try await orator("video", "download", id, "--output", "j.mp4", "--json")
      #expect(downloadJSON.status == 0, "\(downloadJSON)")
      let saved = try #require(downloadJSON.json as? [String: Any], "\(downloadJSON)")
      #expect(saved["video_id"] as? String == id && saved["file"] as? String == "j.mp4")
      #expect(saved["bytes"] as? Int == size && saved["resumed_from"] as? Int == 0)

      let deleted = try await orator("video", "delete", id)
      #expect(deleted.status == 0 && deleted.stdout == "deleted \(id)\n")
      let gone = try await orator("video", "status", id)
      #expect(gone.status == 1 && gone.stderr.contains("not found"), "\(gone)")
      #expect(gone.stdout.isEmpty)
    }
  }

  @Test func keysComeFromFlagsOrEnvironmentAndErrorsSayWhatToDo() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let bare = CLI(directory: folder, environment: [:])
      let noKey = try await bare("avatars", "--base-url", server.baseURL)
      #expect(noKey.status == 2, "\(noKey)")
      #expect(noKey.stderr.contains("no API key: set HEYGEN_API_KEY or pass --api-key"))

      let flags = try await bare(
        "avatars", "--base-url", server.baseURL, "--api-key", TestServer.apiKey)
      #expect(flags.status == 0, "\(flags)")
      let oratorKey = CLI(
        directory: folder,
        environment: ["HEYGEN_BASE_URL": server.baseURL, "ORATOR_API_KEY": TestServer.apiKey])
      #expect(try await oratorKey("quota").status == 0)

      let wrong = CLI(server: server, directory: folder, key: "wrong-key")
      let refused = try await wrong("avatars")
      #expect(refused.status == 3, "a refused key exits with 3: \(refused)")
      #expect(
        refused.stderr.contains("refused the API key") && refused.stderr.contains("HEYGEN_API_KEY"))
      // A flag wins over the environment.
      #expect(try await wrong("avatars", "--api-key", TestServer.apiKey).status == 0)
      // HeyGen answers 403 for a key without access: also a refused key.
      let misbehaving = try await MisbehavingServer()
      let forbidden = try await bare("quota", "--base-url", misbehaving.baseURL, "--api-key", "k")
      await misbehaving.stop()
      #expect(forbidden.status == 3, "a 403 exits with 3 too: \(forbidden)")
      #expect(forbidden.stderr.contains("refused the API key (HTTP 403)"), "\(forbidden)")

      let elsewhere = CLI(
        directory: folder,
        environment: [
          "HEYGEN_BASE_URL": "http://127.0.0.1:\(try TestServer.freePort())",
          "HEYGEN_TOKEN": TestServer.apiKey,
        ])
      let down = try await elsewhere("quota")
      #expect(down.status == 1 && down.stderr.contains("orator serve"), "\(down)")

      let orator = CLI(server: server, directory: folder)
      let usage = try await orator("video", "create", "--avatar", VideoRequest.avatarID)
      #expect(usage.status == 2 && usage.stderr.contains("--text"), "\(usage)")
      let noAvatar = try await orator("video", "create", "--text", "Hi")
      #expect(noAvatar.status == 2 && noAvatar.stderr.contains("--avatar"), "\(noAvatar)")
      let badBackground = try await orator(
        "video", "create", "--avatar", "a", "--text", "t", "--background", "blue")
      #expect(
        badBackground.status == 2 && badBackground.stderr.contains("#RRGGBB")
          && badBackground.stderr.contains("URL"), "names the accepted forms: \(badBackground)")
      let mixed = try await orator("video", "create", "-d", "-", "--avatar", "a")
      #expect(mixed.status == 2 && mixed.stderr.contains("--avatar"), "\(mixed)")
      let notJSON = try await orator.shell(
        "echo 'not json' | orator video create -d -")
      #expect(
        notJSON.status == 2 && notJSON.stderr.contains("not a generate request"), "\(notJSON)")
      let both = try await orator(
        "video", "create", "--avatar", "a", "--voice", "v", "--text", "t", "--script-file", "f")
      #expect(both.status == 2 && both.stderr.contains("--text or --script-file"), "\(both)")
      let size = try await orator(
        "video", "create", "--avatar", "a", "--voice", "v", "--text", "t", "--dimension", "big")
      #expect(size.status == 2 && size.stderr.contains("WIDTHxHEIGHT"), "\(size)")
      let badVoice = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", "nobody", "--text", "Hi")
      #expect(badVoice.status == 1 && badVoice.stderr.contains("voice_id"), "\(badVoice)")
      let unknown = try await orator("video", "download", String(repeating: "a", count: 32))
      #expect(unknown.status == 1 && unknown.stderr.contains("not found"), "\(unknown)")
    }
  }

  /// `-d` sends a whole body (two scenes here) from a file or standard input; a v3 body (one
  /// with a `type`) goes to `POST /v3/videos` as it is; without `--voice` the avatar's own
  /// voice speaks, read from its look through v3.
  @Test func wholeBodiesAndDefaultVoices() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      var second = VideoRequest.body(text: "Second scene.")
      let scenes =
        (VideoRequest.body(text: "First scene.")["video_inputs"] as? [Any] ?? [])
        + (second["video_inputs"] as? [Any] ?? [])
      second["video_inputs"] = scenes
      second["title"] = "Two scenes"
      let file = folder.appendingPathComponent("body.json")
      try JSONSerialization.data(withJSONObject: second).write(to: file)

      let fromFile = try await orator("video", "create", "-d", file.path, "--wait", "--json")
      #expect(fromFile.status == 0, "\(fromFile)")
      let video = try #require(fromFile.json as? [String: Any], "\(fromFile)")
      let captions = try await server.get(
        try #require(video["caption_url"] as? String), key: nil)
      #expect(
        captions.text.contains("First scene") && captions.text.contains("Second scene"),
        "both scenes spoken: \(captions.text)")

      let fromStdin = try await orator.shell(
        "orator video create -d - --title Piped < '\(file.path)'")
      #expect(fromStdin.status == 0, "\(fromStdin)")
      let id = fromStdin.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      let listed = try await server.status(id)
      #expect(listed["id"].string == id, "\(fromStdin)")

      let v3Body: [String: Any] = [
        "type": "avatar", "avatar_id": VideoRequest.avatarID, "script": "Version three.",
        "voice_id": VideoRequest.voiceID, "aspect_ratio": "16:9", "resolution": "720p",
        "background": ["type": "color", "value": "#102030"], "test": true,
      ]
      let v3File = folder.appendingPathComponent("v3.json")
      try JSONSerialization.data(withJSONObject: v3Body).write(to: v3File)
      let v3 = try await orator("video", "create", "-d", v3File.path, "--title", "Three")
      #expect(v3.status == 0, "\(v3)")
      let v3ID = v3.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      let v3Status = try await server.get("/v3/videos/\(v3ID)")
      #expect(v3Status.json["data"]["title"].string == "Three", "\(v3Status.text)")
      #expect(server.requests("POST").contains { $0.contains("/v3/videos") })
      // What v3 refuses is said in v3's terms: the body was not rewritten on the way.
      let cinematic = try await orator.shell(
        #"echo '{"type":"cinematic_avatar","prompt":"x","avatar_id":["a"]}' | orator video create -d -"#
      )
      #expect(
        cinematic.status == 1 && cinematic.stderr.contains("cinematic_avatar"), "\(cinematic)")

      let defaultVoice = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--text", "My own voice.")
      #expect(defaultVoice.status == 0, "\(defaultVoice)")
      #expect(
        server.requests("GET").contains {
          $0.contains("/v3/avatars/looks/\(VideoRequest.avatarID)")
        })
      let defaultID = defaultVoice.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      let done = try await server.waitForStatus(defaultID)
      #expect(done["status"].string == "completed", "\(done)")
    }
  }

  /// `video download --asset` fetches each file of a finished video; a missing folder is
  /// said as such.
  @Test func downloadsEachAssetAndNamesAMissingFolder() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      let id = try await server.generate(VideoRequest.body(text: "Files."))
      _ = try await server.waitForStatus(id)

      let gif = try await orator("video", "download", id, "--asset", "gif")
      #expect(gif.status == 0, "\(gif)")
      let gifFile = folder.appendingPathComponent("\(id)-gif.gif")
      let gifBytes = try Data(contentsOf: gifFile)
      #expect(gifBytes.starts(with: Data("GIF8".utf8)), "a GIF")
      let captions = try await orator("video", "download", id, "--asset", "captions", "-o", "c.ass")
      #expect(captions.status == 0, "\(captions)")
      let text = try String(contentsOf: folder.appendingPathComponent("c.ass"), encoding: .utf8)
      #expect(text.contains("Files"), "\(text)")
      let thumbnail = try await orator("video", "download", id, "--asset", "thumbnail")
      #expect(thumbnail.status == 0, "\(thumbnail)")

      let captioned = try await orator("video", "download", id, "--asset", "captioned")
      #expect(captioned.status == 1 && captioned.stderr.contains("--caption"), "\(captioned)")
      let badAsset = try await orator("video", "download", id, "--asset", "poster")
      #expect(badAsset.status == 2, "\(badAsset)")

      let nowhere = try await orator("video", "download", id, "-o", "no/such/folder/v.mp4")
      #expect(nowhere.status == 1, "\(nowhere)")
      #expect(nowhere.stderr.contains("does not exist"), "\(nowhere)")
      #expect(!nowhere.stderr.lowercased().contains("permission"), "\(nowhere)")

      // Commands that would download checked the folder before submitting anything.
      let videosBefore = try await server.get("/v3/videos").json["data"].array?.count
      let create = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", VideoRequest.voiceID,
        "--text", "Never made.", "--download", "no/such/v.mp4")
      #expect(create.status == 1 && create.stderr.contains("does not exist"), "\(create)")
      #expect(try await server.get("/v3/videos").json["data"].array?.count == videosBefore)
      let translate = try await orator(
        "translate", "--video-id", id, "--language", "Spanish", "--download", "no/such/x.mp4")
      #expect(translate.status == 1, "\(translate)")
      #expect(translate.stderr.contains("does not exist"), "\(translate)")
      #expect(!translate.stderr.lowercased().contains("permission"), "\(translate)")
      #expect(try await server.get("/v3/video-translations").json["data"].array?.isEmpty == true)
    }
  }

  /// `orator webhook …` against a real receiver: add, list, pause, widen, rotate the secret,
  /// read the deliveries, delete.
  @Test func webhookCommandsManageReceivers() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with(arguments: WebhookTests.fast) { server in
      let orator = CLI(server: server, directory: folder)
      let added = try await orator(
        "webhook", "add", receiver.baseURL + "/cli", "--event", "avatar_video.success", "--json")
      #expect(added.status == 0, "\(added)")
      let endpoint = try #require(added.json as? [String: Any], "\(added)")
      let id = try #require(endpoint["endpoint_id"] as? String)
      #expect(endpoint["events"] as? [String] == ["avatar_video.success"])

      let listed = try await orator("webhook", "list")
      #expect(listed.status == 0 && listed.stdout.contains(id), "\(listed)")
      #expect(listed.stdout.contains("avatar_video.success"))

      let paused = try await orator("webhook", "update", id, "--disable", "--all-events")
      #expect(paused.status == 0 && paused.stdout.contains("disabled"), "\(paused)")
      let nothing = try await orator("webhook", "update", id)
      #expect(nothing.status == 2 && nothing.stderr.contains("nothing to change"), "\(nothing)")
      let resumed = try await orator("webhook", "update", id, "--enable")
      #expect(resumed.status == 0 && resumed.stdout.contains("enabled"), "\(resumed)")
      // Any of HeyGen's event names is taken; then back to the one this test waits for.
      let heyGenOnly = try await orator(
        "webhook", "update", id, "--event", "batch.finished", "--event", "avatar_video.success")
      #expect(heyGenOnly.status == 0, "\(heyGenOnly)")
      let listedJSON = try await orator("webhook", "list", "--json")
      let rows = try #require(listedJSON.json as? [[String: Any]], "\(listedJSON)")
      #expect(rows.first?["events"] as? [String] == ["batch.finished", "avatar_video.success"])
      #expect(rows.first?["secret"] as? String == "", "lists show no secret")
      let typo = try await orator("webhook", "update", id, "--event", "batch.done")
      #expect(typo.status == 1 && typo.stderr.contains("events[0]"), "\(typo)")
      #expect(
        server.requests.filter { $0.contains("/webhook") }.allSatisfy {
          $0.contains("/v3/webhooks/")
        })

      let rotated = try await orator("webhook", "rotate-secret", id)
      #expect(rotated.status == 0, "\(rotated)")
      let secret = rotated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(secret != endpoint["secret"] as? String && secret.count >= 64, "\(rotated)")

      let video = try await server.generate(VideoRequest.body(text: "Webhook."))
      let event = try #require(
        try await receiver.wait(for: 1, path: "cli") {
          $0.json["event_type"].string == "avatar_video.success"
        }.first)
      #expect(event.signature == WebhookTests.hmac(event.body, secret: secret))
      #expect(event.json["event_data"]["video_id"].string == video)

      var deliveries = try await orator("webhook", "deliveries", "--endpoint", id)
      let deadline = ContinuousClock.now + .seconds(30)
      while !deliveries.stdout.contains("HTTP 200") && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(200))
        deliveries = try await orator("webhook", "deliveries", "--endpoint", id)
      }
      #expect(deliveries.stdout.contains("avatar_video.success"), "\(deliveries)")
      #expect(deliveries.stdout.contains("HTTP 200"), "\(deliveries)")

      let deleted = try await orator("webhook", "delete", id)
      #expect(deleted.status == 0, "\(deleted)")
      let gone = try await orator("webhook", "delete", id)
      #expect(gone.status == 1 && gone.stderr.contains("not found"), "\(gone)")
    }
  }

  /// A port that is not one stops `serve` with a message naming where it came from, instead
  /// of binding a wrapped-around port or falling back to 8080.
  @Test func servingRefusesPortsThatAreNotPorts() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bare = CLI(directory: folder, environment: [:])
    let tooBig = try await bare("serve", "--port", "70000")
    #expect(tooBig.status == 2 && tooBig.stderr.contains("--port 70000"), "\(tooBig)")
    let words = CLI(directory: folder, environment: ["ORATOR_PORT": "abc"])
    let notANumber = try await words("serve")
    #expect(
      notANumber.status == 2 && notANumber.stderr.contains("ORATOR_PORT=abc"), "\(notANumber)")
    let wrapped = CLI(directory: folder, environment: ["ORATOR_PORT": "80800"])
    #expect(try await wrapped("serve").status == 2)
    // Refused before anything was opened: no data folder appears.
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("orator-data").path))
  }

  @Test func aLocalBackgroundFileIsUploaded() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=320x180", "-frames:v", "1",
          folder.appendingPathComponent("red.png").path,
        ])
      try #require(made.status == 0, "\(made.output)")
      let orator = CLI(server: server, directory: folder)
      let run = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", VideoRequest.voiceID,
        "--text", "Hi.", "--dimension", "320x180", "--background", "red.png", "--download",
        "red.mp4")
      #expect(run.status == 0, "\(run)")
      // The top-left corner shows the background: red.
      let frame = folder.appendingPathComponent("corner.rgb")
      let grabbed = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-i", folder.appendingPathComponent("red.mp4").path, "-frames:v",
          "1", "-vf", "crop=8:8:0:0", "-f", "rawvideo", "-pix_fmt", "rgb24", frame.path,
        ])
      try #require(grabbed.status == 0, "\(grabbed.output)")
      let rgb = [UInt8](try Data(contentsOf: frame))
      #expect(rgb.count >= 3 && rgb[0] > 180 && rgb[1] < 80 && rgb[2] < 80, "\(rgb.prefix(3))")
    }
  }

  @Test func failedRenderExitsWithOne() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      // An unreachable background picture makes the render, not the request, fail.
      let failed = try await orator(
        "video", "create", "--avatar", VideoRequest.avatarID, "--voice", VideoRequest.voiceID,
        "--text", "Hi.", "--dimension", "320x180",
        "--background", server.baseURL + "/missing/picture.png", "--wait")
      #expect(failed.status == 1, "\(failed)")
      // Piped, the wait logs one line per state, then the one-line error.
      let lines = failed.stderr.split(separator: "\n").map(String.init)
      #expect(lines.last?.hasPrefix("error: the video failed") == true, "\(failed)")
      #expect(
        lines.dropLast().allSatisfy { ["pending", "processing", "failed"].contains($0) }
          && Set(lines.dropLast()).count == lines.count - 1,
        "one line per state change: \(failed)")
      // The id came out before the wait, so an interrupted wait loses nothing.
      #expect(failed.stdout.hasPrefix("video_id:  "), "\(failed)")
    }
  }

  @Test func templateGenerateSetsVariables() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      let document: [String: Any] = [
        "name": "Greeting",
        "variables": [
          "name": ["name": "name", "type": "text", "properties": ["content": "Sam"]],
          "voice": ["name": "voice", "type": "voice", "properties": ["voice_id": "en-us-male"]],
        ],
        "video_inputs": [
          [
            "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
            "voice": ["type": "text", "input_text": "Hi {{name}}.", "voice_id": "{{voice}}"],
          ]
        ],
        "dimension": ["width": 320, "height": 180],
      ]
      try JSONSerialization.data(withJSONObject: document).write(
        to: folder.appendingPathComponent("greeting.json"))
      let created = try await orator("template", "create", "greeting.json", "--json")
      #expect(created.status == 0, "\(created)")
      let template = try JSONDecoder().decode(
        TemplateDetailData.self, from: Data(created.stdout.utf8))
      #expect(Set(template.variables.keys) == ["name", "voice"])

      let listed = try await orator("template", "list")
      #expect(
        listed.lines.contains { $0.hasPrefix(template.templateId) && $0.hasSuffix("Greeting") })

      let generated = try await orator(
        "template", "generate", template.templateId, "--var", "name=Ada",
        "--var", "voice=\(VideoRequest.voiceID)", "--test", "--wait", "--download", "t.mp4",
        "--json")
      #expect(generated.status == 0, "\(generated)")
      let video = try JSONDecoder().decode(VideoStatusData.self, from: Data(generated.stdout.utf8))
      #expect(video.status == "completed")
      let probe = try await MediaProbe(path: folder.appendingPathComponent("t.mp4").path)
      #expect(probe.videoCodec == "h264" && probe.width == 320)

      let shown = try await orator("template", "show", template.templateId)
      #expect(shown.status == 0, "\(shown)")
      #expect(shown.lines.contains("template_id: \(template.templateId)"), "\(shown)")
      #expect(shown.lines.contains("dimension:   320x180 (landscape)"), "\(shown)")
      #expect(shown.lines.contains { $0.hasPrefix("VARIABLE") }, "\(shown)")
      #expect(
        shown.lines.contains {
          $0.hasPrefix("name ") && $0.contains("text") && $0.hasSuffix("Sam")
        },
        "\(shown)")
      #expect(
        shown.lines.contains { $0.hasPrefix("voice ") && $0.hasSuffix("en-us-male") }, "\(shown)")
      #expect(shown.json == nil)
      let shownJSON = try await orator("template", "show", template.templateId, "--json")
      #expect(shownJSON.status == 0, "\(shownJSON)")
      let details = try JSONDecoder().decode(
        TemplateDetailData.self, from: Data(shownJSON.stdout.utf8))
      #expect(details.templateId == template.templateId)
      #expect(details.variables["name"]?.properties.content == "Sam")

      // A misspelt variable is the user's typo: a usage error naming what the template has.
      let typo = try await orator("template", "generate", template.templateId, "--var", "nmae=x")
      #expect(typo.status == 2, "\(typo)")
      #expect(typo.stderr.contains("no variable \"nmae\""), "\(typo)")
      #expect(typo.stderr.contains("name, voice"), "\(typo)")
      #expect(!typo.stderr.contains("HTTP 400"), "\(typo)")
      let malformed = try await orator("template", "generate", template.templateId, "--var", "x")
      #expect(malformed.status == 2 && malformed.stderr.contains("name=value"), "\(malformed)")

      let deleted = try await orator("template", "delete", template.templateId, "--json")
      #expect(deleted.status == 0, "\(deleted)")
      let gone = try #require(deleted.json as? [String: Any], "\(deleted)")
      #expect(gone["template_id"] as? String == template.templateId)
      #expect(gone["deleted"] as? Bool == true)
      let missing = try await orator("template", "show", template.templateId)
      #expect(missing.status == 1 && missing.stderr.contains("not found"), "\(missing)")
    }
  }

  @Test(.enabled("the server serves /v2/video_translate") { await TranslationSupport.isServed() })
  func translateAndLanguages() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      let languages = try await orator("languages")
      #expect(languages.status == 0, "\(languages)")
      let target = try TranslationSupport.target(in: languages.lines)
      let json = try await orator("languages", "--json")
      let decoded = try JSONDecoder().decode(TargetLanguagesData.self, from: Data(json.stdout.utf8))
      #expect(decoded.languages.count == languages.lines.count)

      let video = try await server.generate(VideoRequest.body(text: "Good morning."))
      _ = try await server.waitForStatus(video)
      let translated = try await orator(
        "translate", "--video-id", video, "--language", target, "--wait", "--download",
        "es.mp4", "--json")
      #expect(translated.status == 0, "\(translated)")
      let status = try JSONDecoder().decode(
        VideoTranslateStatusData.self, from: Data(translated.stdout.utf8))
      #expect(status.status == .success)
      // Read through v3, which names the language by its code.
      #expect(target != "Spanish" || status.outputLanguage == "es", "\(status)")
      let probe = try await MediaProbe(path: folder.appendingPathComponent("es.mp4").path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")

      let usage = try await orator("translate", "--language", "Spanish")
      #expect(usage.status == 2 && usage.stderr.contains("--video-url, --video-id"), "\(usage)")
    }
  }

  /// Every command that talks to a server offers `--json`, as the README promises.
  @Test func everyClientCommandTakesJSON() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let orator = CLI(directory: folder, environment: [:])
    let commands = [
      ["avatars"], ["voices"], ["quota"], ["languages"], ["translate"],
      ["video", "create"], ["video", "status"], ["video", "list"], ["video", "delete"],
      ["video", "share"], ["video", "download"],
      ["template", "create"], ["template", "list"], ["template", "show"],
      ["template", "delete"], ["template", "generate"],
      ["webhook", "add"], ["webhook", "list"], ["webhook", "update"], ["webhook", "delete"],
      ["webhook", "rotate-secret"], ["webhook", "deliveries"],
    ]
    for command in commands {
      let help = try await orator(["help"] + command)
      #expect(help.status == 0, "\(command): \(help)")
      #expect(help.stdout.contains("--json"), "\(command.joined(separator: " ")) lacks --json")
    }
  }

  /// A video that is still queued is not a failed one: the message says so and what to do.
  @Test func downloadingAnUnfinishedVideoSaysHowToGetIt() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let orator = CLI(server: server, directory: folder)
      let id = try await server.generate(VideoRequest.body(text: "Not yet."))
      let early = try await orator("video", "download", id)
      #expect(early.status == 1, "\(early)")
      #expect(early.stdout.isEmpty)
      #expect(
        early.stderr.contains("video \(id) is not finished yet (status: pending)"), "\(early)")
      #expect(early.stderr.contains("--wait") && early.stderr.contains("orator video status \(id)"))
      #expect(!early.stderr.contains("failed"), "\(early)")
      #expect(
        !FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(id).mp4").path))

      let deleted = try await orator("video", "delete", id, "--json")
      #expect(deleted.status == 0, "\(deleted)")
      let answer = try #require(deleted.json as? [String: Any], "\(deleted)")
      #expect(answer["video_id"] as? String == id && answer["deleted"] as? Bool == true)
    }
  }

  /// On a terminal, the wait redraws its clock between status reads (which are seconds
  /// apart), so a long render does not look hung.
  @Test func waitingRedrawsBetweenPollsOnATerminal() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let orator = CLI(server: server, directory: folder)
      // With no worker the video stays pending; the CLI polls at 0, 1 and 2.5 s, then gives up.
      let command = [
        "orator", "video", "create", "--avatar", VideoRequest.avatarID, "--voice",
        VideoRequest.voiceID, "--text", "Hi.", "--wait", "--timeout", "3",
      ].joined(separator: " ")
      let run = try await orator.shell("script -qec '\(command)' /dev/null")
      #expect(run.status == 4, "a wait that runs out of time exits with 4: \(run)")
      // `script` gives the CLI a terminal, so its stderr arrives in our stdout.
      let frames = run.stdout.components(separatedBy: "\r").filter { $0.hasPrefix("pending") }
      #expect(frames.count >= 6, "\(frames.count) frames: \(run)")
      #expect(run.stdout.contains("did not finish within"), "\(run)")
    }
  }

  /// On a terminal, a rendering video's bar fills with the percentage the server reports.
  @Test func waitingShowsThePercentageWhileRendering() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let orator = CLI(server: server, directory: folder)
      let text = String(repeating: "The bar fills as the frames are drawn. ", count: 8)
      let command = [
        "orator", "video", "create", "--avatar", VideoRequest.avatarID, "--voice",
        VideoRequest.voiceID, "--text", "\"\(text)\"", "--dimension", "1280x720", "--wait",
      ].joined(separator: " ")
      let run = try await orator.shell("script -qec '\(command)' /dev/null")
      #expect(run.status == 0, "\(run)")
      let percentages = run.stdout.components(separatedBy: "\r")
        .filter { $0.hasPrefix("processing") }
        .compactMap { frame in
          frame.split(separator: " ").first { $0.hasSuffix("%") }.flatMap { Int($0.dropLast()) }
        }
      #expect(
        percentages.contains { $0 > 0 && $0 < 100 }, "a partly filled bar: \(percentages) \(run)")
      #expect(percentages == percentages.sorted(), "\(percentages)")
    }
  }

  /// `--base-url` beats HEYGEN_API_BASE, which beats HEYGEN_BASE_URL, which beats the local
  /// default.
  @Test func theBaseURLComesFromTheFlagThenTheEnvironmentThenTheDefault() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with(workers: 0) { server in
      let nowhere = "http://127.0.0.1:\(try TestServer.freePort())"
      let pointedAway = CLI(
        directory: folder,
        environment: ["HEYGEN_BASE_URL": nowhere, "HEYGEN_TOKEN": TestServer.apiKey])
      let flag = try await pointedAway("quota", "--base-url", server.baseURL)
      #expect(flag.status == 0 && flag.stdout.contains("remaining quota"), "\(flag)")
      let environment = try await pointedAway("quota")
      #expect(environment.status == 1 && environment.stderr.contains(nowhere), "\(environment)")

      let pointedHere = CLI(server: server, directory: folder)
      let overridden = try await pointedHere("quota", "--base-url", nowhere)
      #expect(overridden.status == 1 && overridden.stderr.contains(nowhere), "\(overridden)")

      // The names HeyGen's CLI and integrations read win over the older ones.
      let heygenNames = CLI(
        directory: folder,
        environment: [
          "HEYGEN_API_BASE": server.baseURL, "HEYGEN_API_KEY": TestServer.apiKey,
          "HEYGEN_BASE_URL": nowhere, "HEYGEN_TOKEN": "wrong-key",
        ])
      let current = try await heygenNames("quota")
      #expect(current.status == 0 && current.stdout.contains("remaining quota"), "\(current)")

      let unset = CLI(directory: folder, environment: ["HEYGEN_TOKEN": TestServer.apiKey])
      // Only meaningful when nothing on this machine serves the default port.
      let listening = try await unset.shell("exec 3<>/dev/tcp/127.0.0.1/8080")
      if listening.status != 0 {
        let local = try await unset("quota")
        #expect(local.status == 1, "\(local)")
        #expect(local.stderr.contains("cannot reach http://127.0.0.1:8080"), "\(local)")
      }
    }
  }
}
