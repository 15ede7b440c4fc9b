import Foundation
import Testing

/// `/v2/video_translate` over HTTP with the real engines: Apertium for text, the managed
/// faster-whisper sidecar for speech, espeak-ng for the new voice.
@Suite(.serialized) struct TranslationTests {
  /// Polls a translation until it is `success` or `failed`.
  static func waitForTranslation(
    _ id: String, _ server: TestServer, timeout: Duration = .seconds(240)
  )
    async throws -> JSONValue
  {
    let deadline = ContinuousClock.now + timeout
    while true {
      let response = try await server.get("/v2/video_translate/\(id)")
      try #require(response.status == 200, "status answered \(response.status): \(response.text)")
      let data = response.json["data"]
      if let state = data["status"].string, ["success", "failed"].contains(state) { return data }
      guard ContinuousClock.now < deadline else {
        throw TestServerError(
          "translation \(id) still \(data["status"]); log:\n\(server.log.suffix(3000))")
      }
      try await Task.sleep(for: .milliseconds(200))
    }
  }

  static func translate(_ body: [String: Any], _ server: TestServer) async throws -> String {
    let response = try await server.post("/v2/video_translate", json: body)
    try #require(response.status == 200, "translate answered \(response.status): \(response.text)")
    #expect(response.json["error"].isNull)
    return try #require(response.json["data"]["video_translate_id"].string)
  }

  /// The cue text of an SRT file, without numbers and timings.
  static func subtitleText(_ srt: String) -> String {
    srt.split(separator: "\n").filter { line in
      !line.contains("-->") && Int(line.trimmingCharacters(in: .whitespaces)) == nil
    }.joined(separator: " ")
  }

  /// The end of the last cue of an SRT file, in seconds.
  static func lastCueEnd(_ srt: String) -> Double? {
    guard let line = srt.split(separator: "\n").last(where: { $0.contains("-->") }) else {
      return nil
    }
    let end = line.components(separatedBy: "-->")[1].trimmingCharacters(in: .whitespaces)
    let parts = end.replacingOccurrences(of: ",", with: ".").split(separator: ":")
    guard parts.count == 3, let h = Double(parts[0]), let m = Double(parts[1]),
      let s = Double(parts[2])
    else { return nil }
    return h * 3600 + m * 60 + s
  }

  /// Uploads a video Orator did not make: a test pattern with espeak-ng reading English.
  /// Returns the asset's URL and the video's duration.
  static func uploadExternalVideo(to server: TestServer) async throws -> (String, Double) {
    let wav = server.dataDirectory.appendingPathComponent("speech.wav").path
    let speak = try await Tool.run(
      "espeak-ng",
      [
        "-v", "en-us", "-s", "150", "-w", wav,
        "Good morning. The weather is good today. We are happy to see you.",
      ])
    try #require(speak.status == 0, "\(speak.output)")
    let mp4 = server.dataDirectory.appendingPathComponent("external.mp4").path
    let make = try await Tool.run(
      "ffmpeg",
      [
        "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=s=320x240:r=25", "-i", wav,
        "-af", "apad=pad_dur=1", "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p",
        "-c:a", "aac", mp4,
      ])
    try #require(make.status == 0, "\(make.output)")
    let duration = try #require(try await MediaProbe(path: mp4).duration)
    let upload = try await AssetTests.upload(
      Data(contentsOf: URL(fileURLWithPath: mp4)), contentType: "video/mp4", to: server)
    try #require(upload.status == 200, "\(upload.text)")
    return (try #require(upload.json["data"]["url"].string), duration)
  }

  @Test func targetLanguagesAreWhatTheEnginesDeliver() async throws {
    try await TestServer.with { server in
      let response = try await server.get("/v2/video_translate/target_languages")
      #expect(response.status == 200, "\(response.text)")
      #expect(response.json["error"].isNull)
      let languages = try #require(
        response.json["data"]["languages"].array?.compactMap { $0.string })
      // The Apertium pairs set-up installs, each with an espeak-ng voice.
      for name in ["Spanish", "Catalan", "English", "French"] {
        #expect(languages.contains(name), "\(name) missing from \(languages)")
      }
      // Apertium translates English into Galician, but espeak-ng has no Galician voice; nothing
      // translates into Japanese. Neither may be offered.
      #expect(!languages.contains("Galician") && !languages.contains("Japanese"))
      #expect(languages == languages.sorted())
    }
  }

  @Test func oratorVideoIsReRenderedWithASpanishVoice() async throws {
    try await TestServer.with { server in
      let receiver = try await WebhookReceiver()
      defer { Task { await receiver.stop() } }
      let english = "Welcome to our product update. Today we show three new features."
      let original = try await server.generate(
        VideoRequest.body(text: english, title: "Product update"))
      let done = try await server.waitForStatus(original)
      try #require(done["status"] == .string("completed"), "\(done)")
      let originalDuration = try #require(done["duration"].double)

      let id = try await Self.translate(
        [
          "video_url": try #require(done["video_url"].string), "output_language": "Spanish",
          "callback_id": "es-1", "callback_url": receiver.baseURL + "/translated",
        ], server)
      let data = try await Self.waitForTranslation(id, server)
      #expect(data["status"] == .string("success"), "\(data)")
      #expect(
        data.keys == [
          "video_translate_id", "title", "status", "url", "message", "output_language",
          "input_language", "duration", "caption_url", "callback_id", "created_at",
        ])
      #expect(data["video_translate_id"] == .string(id))
      #expect(data["title"] == .string("Product update (Spanish)"))
      #expect(data["output_language"] == .string("Spanish"))
      // The script's language is known from its voice.
      #expect(data["input_language"] == .string("English"), "\(data)")
      #expect(data["message"].isNull && data["callback_id"] == .string("es-1"))

      // A real MP4 whose length follows the Spanish speech, not the English.
      let path = try await server.download(try #require(data["url"].string), as: "es.mp4")
      let probe = try await MediaProbe(path: path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
      #expect(probe.width == 320 && probe.height == 180)
      let duration = try #require(data["duration"].double)
      #expect(abs((probe.duration ?? 0) - duration) < 0.3)
      #expect(abs(duration - originalDuration) > 0.2, "\(duration) vs \(originalDuration)")

      // The captions are the Spanish script, and the speech fills the video.
      let captions = try await server.get(try #require(data["caption_url"].string), key: nil)
      #expect(captions.status == 200)
      let text = Self.subtitleText(captions.text).lowercased()
      #expect(text.contains("bienvenido") || text.contains("producto"), "\(text)")
      #expect(!text.contains("welcome"), "\(text)")
      let speechEnd = try #require(Self.lastCueEnd(captions.text))
      #expect(duration - speechEnd < 1.5, "speech ends at \(speechEnd) of \(duration) s")
      // The new voice speaks Spanish, by the recogniser's own language detection.
      let language = try await SpeechCheck.detectedLanguage(of: path, in: server)
      #expect(language == "es", "detected \(language)")

      // Listed as a translation; the callback says so in HeyGen's translate shape.
      let list = try await server.get("/v1/video.list")
      let row = try #require(
        list.json["data"]["videos"].array?.first { $0["video_id"] == .string(id) })
      #expect(row["type"] == .string("TRANSLATED"))
      let delivery = try await receiver.wait(for: 1, path: "translated")
      let event = delivery[0].json
      #expect(event["event_type"] == .string("video_translate.success"))
      #expect(
        event["event_data"].keys.sorted()
          == ["callback_id", "output_language", "url", "video_translate_id"])
      #expect(event["event_data"]["output_language"] == .string("Spanish"))
      #expect(event["event_data"]["video_translate_id"] == .string(id))
    }
  }

  @Test func externalVideoIsTranscribedTranslatedAndDubbed() async throws {
    try await TestServer.with { server in
      let (assetURL, inputDuration) = try await Self.uploadExternalVideo(to: server)
      let quota = {
        try await server.get("/v2/user/remaining_quota").json["data"]["remaining_quota"].int
      }
      let before = try #require(try await quota())
      let id = try await Self.translate(
        ["video_url": assetURL, "output_language": "Spanish", "title": "Saludo"], server)
      let data = try await Self.waitForTranslation(id, server)
      #expect(data["status"] == .string("success"), "\(data)")
      // Charged by the translation's duration, as a render is.
      let charged = Int((data["duration"].double ?? 0).rounded(.up))
      #expect(try await quota() == before - charged)
      #expect(data["title"] == .string("Saludo"))
      // The source's language, as speech recognition heard it.
      #expect(data["input_language"] == .string("English"), "\(data)")
      let path = try await server.download(try #require(data["url"].string), as: "dub.mp4")
      let probe = try await MediaProbe(path: path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
      #expect(probe.width == 320 && probe.height == 240, "the original picture is kept")
      #expect((probe.duration ?? 0) >= inputDuration - 0.5)

      let captions = try await server.get(try #require(data["caption_url"].string), key: nil)
      let text = Self.subtitleText(captions.text).lowercased()
      #expect(text.contains("buen") || text.contains("tiempo") || text.contains("hoy"), "\(text)")

      // What the dubbed track says is Spanish, by the recogniser's own language detection.
      let language = try await SpeechCheck.detectedLanguage(of: path, in: server)
      #expect(language == "es", "detected \(language)")
    }
  }

  @Test func aTranslationSurvivesAKilledServer() async throws {
    // A short lease, so the restarted server takes the orphaned job back quickly.
    try await TestServer.with(arguments: ["--lease-seconds", "3"]) { server in
      let (assetURL, _) = try await Self.uploadExternalVideo(to: server)
      let id = try await Self.translate(
        ["video_url": assetURL, "output_language": "Catalan"], server)
      // Killed while the translation runs (the sidecar is starting or transcribing).
      let deadline = ContinuousClock.now + .seconds(60)
      while try await server.get("/v2/video_translate/\(id)").json["data"]["status"]
        != .string("running")
      {
        try #require(ContinuousClock.now < deadline, "never started running")
        try await Task.sleep(for: .milliseconds(50))
      }
      await server.kill(signal: SIGKILL)
      try await server.restart()
      let data = try await Self.waitForTranslation(id, server)
      #expect(data["status"] == .string("success"), "\(data)")
      #expect(data["output_language"] == .string("Catalan"))
    }
  }

  @Test func severalLanguagesAndAudioOnly() async throws {
    try await TestServer.with { server in
      let original = try await server.generate(
        VideoRequest.body(text: "Thank you for watching. See you soon.", width: 320, height: 240))
      let done = try await server.waitForStatus(original)
      try #require(done["status"] == .string("completed"), "\(done)")

      // One request, two languages: one translation each, in request order.
      let response = try await server.post(
        "/v2/video_translate",
        json: ["video_id": original, "output_languages": ["Catalan", "Spanish"]])
      try #require(response.status == 200, "\(response.text)")
      let ids = try #require(
        response.json["data"]["video_translate_ids"].array?.compactMap { $0.string })
      #expect(ids.count == 2 && response.json["data"]["video_translate_id"] == .string(ids[0]))
      let catalan = try await Self.waitForTranslation(ids[0], server)
      let spanish = try await Self.waitForTranslation(ids[1], server)
      #expect(catalan["status"] == .string("success") && spanish["status"] == .string("success"))
      #expect(catalan["output_language"] == .string("Catalan"))
      #expect(spanish["output_language"] == .string("Spanish"))

      // Audio only: the original picture and length are kept, only the speech is replaced.
      let audioOnly = try await Self.translate(
        ["video_id": original, "output_language": "Spanish", "translate_audio_only": true], server)
      let dubbed = try await Self.waitForTranslation(audioOnly, server)
      #expect(dubbed["status"] == .string("success"), "\(dubbed)")
      let originalDuration = try #require(done["duration"].double)
      #expect(abs((dubbed["duration"].double ?? 0) - originalDuration) < 0.6, "\(dubbed)")
      let captions = try await server.get(try #require(dubbed["caption_url"].string), key: nil)
      let text = Self.subtitleText(captions.text).lowercased()
      #expect(text.contains("gracias"), "\(text)")
    }
  }

  @Test func refusedRequestsNameTheField() async throws {
    try await TestServer.with { server in
      let missing = try await server.post(
        "/v2/video_translate", json: ["output_language": "Spanish"])
      #expect(missing.status == 400)
      #expect(missing.json["error"]["code"] == .string("missing_parameter"))
      #expect(missing.json["error"]["message"].string?.contains("video_url") == true)

      let external = "http://127.0.0.1:9/clip.mp4"
      let klingon = try await server.post(
        "/v2/video_translate", json: ["video_url": external, "output_language": "Klingon"])
      #expect(klingon.status == 400)
      #expect(klingon.json["error"]["code"] == .string("unsupported_language"))
      let message = klingon.json["error"]["message"].string ?? ""
      #expect(message.contains("output_language") && message.contains("Spanish"), "\(message)")

      let japanese = try await server.post(
        "/v2/video_translate", json: ["video_url": external, "output_language": "Japanese"])
      #expect(japanese.json["error"]["code"] == .string("unsupported_language"))

      let noLanguage = try await server.post("/v2/video_translate", json: ["video_url": external])
      #expect(noLanguage.status == 400)
      #expect(noLanguage.json["error"]["message"].string?.contains("output_language") == true)

      let unknown = try await server.post(
        "/v2/video_translate", json: ["video_id": "0123456789abcdef", "output_language": "Spanish"])
      #expect(unknown.status == 404)

      let badInput = try await server.post(
        "/v2/video_translate",
        json: ["video_url": external, "output_language": "Spanish", "input_language": "Elvish"])
      #expect(badInput.status == 400)
      #expect(badInput.json["error"]["message"].string?.contains("input_language") == true)

      let notFound = try await server.get("/v2/video_translate/0123456789abcdef")
      #expect(notFound.status == 404 && notFound.json["error"]["code"] == .string("not_found"))

      let badCallback = try await server.post(
        "/v2/video_translate",
        json: [
          "video_url": external, "output_language": "Spanish", "callback_url": "ftp://example/x",
        ])
      #expect(badCallback.status == 400)
      #expect(badCallback.json["error"]["message"].string?.contains("callback_url") == true)
    }
  }

  @Test func unfinishedVideosAreNotTranslated() async throws {
    // No worker: the video stays pending.
    try await TestServer.with(workers: 0) { server in
      let pending = try await server.generate(VideoRequest.body(text: "Not yet."))
      let refused = try await server.post(
        "/v2/video_translate", json: ["video_id": pending, "output_language": "Spanish"])
      #expect(refused.status == 400, "\(refused.text)")
      let message = refused.json["error"]["message"].string ?? ""
      #expect(message.contains("video_id") && message.contains("pending"), "\(message)")
      let list = try await server.get("/v1/video.list")
      #expect(list.json["data"]["videos"].array?.count == 1, "nothing else was queued")
    }
  }

  @Test func unreachableOrUnreadableVideosFailWithAMessage() async throws {
    let receiver = try await WebhookReceiver()
    defer { Task { await receiver.stop() } }
    try await TestServer.with { server in
      let id = try await Self.translate(
        [
          "video_url": "http://127.0.0.1:9/missing.mp4", "output_language": "Catalan",
          "callback_id": "ca-1", "callback_url": receiver.baseURL + "/failed",
        ], server)
      let data = try await Self.waitForTranslation(id, server)
      #expect(data["status"] == .string("failed"))
      #expect(data["url"].isNull)
      #expect(data["message"].string?.contains("video_url") == true, "\(data["message"])")
      // The callback hears of it in HeyGen's translate shape.
      let event = try #require(try await receiver.wait(for: 1, path: "failed").first).json
      #expect(event["event_type"] == .string("video_translate.fail"))
      #expect(
        event["event_data"].keys
          == ["video_translate_id", "message", "callback_id", "output_language"])
      // The event carries the failure's message; the status adds its detail after it.
      let eventMessage = try #require(event["event_data"]["message"].string)
      #expect(data["message"].string?.hasPrefix(eventMessage) == true, "\(eventMessage)")
      #expect(event["event_data"]["callback_id"] == .string("ca-1"))

      // A URL that answers, but with something that is not a video.
      let page = try await Self.translate(
        ["video_url": server.baseURL + "/healthz", "output_language": "Spanish"], server)
      let unreadable = try await Self.waitForTranslation(page, server)
      #expect(unreadable["status"] == .string("failed"))
      #expect(unreadable["message"].string?.contains("could not be read") == true, "\(unreadable)")

      let deleted = try await server.delete("/v1/video.delete?video_id=\(id)&type=video_translate")
      #expect(deleted.status == 200 && deleted.json["code"].int == 100)
      let gone = try await server.get("/v2/video_translate/\(id)")
      #expect(gone.status == 404)
    }
  }

  @Test func translationsBelongToTheirAccount() async throws {
    try await TestServer.with { server in
      let id = try await Self.translate(
        ["video_url": "http://127.0.0.1:9/missing.mp4", "output_language": "Spanish"], server)
      let (other, _) = try await server.createKey()
      let hidden = try await server.get("/v2/video_translate/\(id)", key: other)
      #expect(hidden.status == 404)
    }
  }
}

/// Asks the same Whisper model the server uses which language a file's speech is in.
enum SpeechCheck {
  static func detectedLanguage(of path: String, in server: TestServer) async throws -> String {
    let venv =
      ProcessInfo.processInfo.environment["ORATOR_ASR_VENV"]
      ?? FileManager.default.currentDirectoryPath + "/.venv-asr"
    let script = """
      import sys
      from faster_whisper import WhisperModel
      model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8", cpu_threads=2)
      segments, info = model.transcribe(sys.argv[2])
      print(info.language)
      """
    let result = try await Tool.run(
      venv + "/bin/python", ["-c", script, venv + "/models/whisper-base", path])
    try #require(result.status == 0, "\(result.output)")
    return result.output.split(separator: "\n").last.map(String.init) ?? ""
  }
}
