import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The checkout's Piper environment (`scripts/setup-piper.sh`); the server finds it beside
/// its binary, as it does the speech-recognition one.
private enum Piper {
  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let environment = checkout.appendingPathComponent(".venv-piper")
  static let joe = environment.appendingPathComponent("voices/en_US-joe-medium.onnx")
  static var installed: Bool { FileManager.default.fileExists(atPath: joe.path + ".json") }
  static let skipReason: Comment =
    "Piper is not installed: run scripts/setup-piper.sh to test the neural voices"
}

/// The Piper sidecar a server started, found by its script among the server's children.
private enum PiperProcess {
  static func sidecar(of parent: Int32) -> Int32? {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = Int32(entry),
        let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
        String(decoding: command, as: UTF8.self).contains("piper_server.py"),
        let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("PPid:") }),
        Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) == parent
      else { continue }
      return pid
    }
    return nil
  }
}

/// A real OpenAI-compatible speech server on loopback: Orator's Piper sidecar script, which
/// also answers `/v1/audio/speech`, started here as its own process.
private final class SpeechServer {
  let process = Process()
  let input = Pipe()
  let port: Int

  init(voices: [String: URL], cache: URL) throws {
    let output = Pipe()
    process.executableURL = Piper.environment.appendingPathComponent("bin/python")
    process.arguments =
      [
        Piper.checkout.appendingPathComponent(
          "Sources/OratorRender/Speech/Piper/Sidecar/piper_server.py"
        ).path, "--cache", cache.path,
      ] + voices.flatMap { ["--voice", "\($0.key)=\($0.value.path)"] }
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // The first line is `listening <port>`.
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty,
      byte != Data("\n".utf8)
    {
      line.append(byte)
    }
    let words = String(decoding: line, as: UTF8.self).split(separator: " ")
    guard words.first == "listening", let port = words.last.flatMap({ Int($0) }) else {
      process.terminate()
      throw TestServerError("the speech server did not start: \(words)")
    }
    self.port = port
  }

  /// Closing its standard input is what stops it.
  func stop() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}

@Suite(
  "Neural voices through the API (real Piper, real HTTP)", .serialized,
  .enabled(if: Piper.installed, Piper.skipReason))
struct NeuralVoiceTests {
  @Test("Joe is listed in v2 and v3 with a real preview, filtered by engine, and voices Daniel")
  func joeIsListed() async throws {
    try await TestServer.with { server in
      let voices = try #require(try await server.get("/v2/voices").json["data"]["voices"].array)
      let joe = try #require(voices.first { $0["voice_id"].string == "en-us-joe" })
      #expect(joe["name"].string == "Joe" && joe["language"].string == "English")
      #expect(joe["gender"].string == "male")
      let preview = try await server.get(try #require(joe["preview_audio"].string), key: nil)
      #expect(preview.status == 200 && preview.body.count > 5000, "\(preview.text.prefix(200))")

      let cli = HeyGenCLIClient(server: server)
      let piper = try await cli.get("/v3/voices", query: ["engine": "piper", "limit": "100"])
      let piperRows = try #require(piper.json["data"].array)
      #expect(piperRows.map { $0["voice_id"].string } == ["en-us-joe"])
      #expect(piperRows.first?["engine"].string == "piper")
      let espeak = try await cli.get("/v3/voices", query: ["engine": "espeak-ng", "limit": "100"])
      let espeakRows = try #require(espeak.json["data"].array)
      #expect(!espeakRows.isEmpty && espeakRows.allSatisfy { $0["engine"].string == "espeak-ng" })

      let avatars = try #require(try await server.get("/v2/avatars").json["data"]["avatars"].array)
      let daniel = try #require(avatars.first { $0["avatar_id"].string == "daniel_charcoal_suit" })
      #expect(daniel["default_voice_id"].string == "en-us-joe")
    }
  }

  /// A small video of Daniel saying `script` in Joe's voice; its id.
  static func generateWithJoe(_ script: String, on server: TestServer) async throws -> String {
    try await server.generate([
      "video_inputs": [
        [
          "character": ["type": "avatar", "avatar_id": "daniel_charcoal_suit"],
          "voice": ["type": "text", "input_text": script, "voice_id": "en-us-joe"],
        ]
      ],
      "dimension": ["width": 320, "height": 180],
    ])
  }

  @Test("A client sees progress move while the server speaks with Piper, before any frame")
  func progressWhileSpeaking() async throws {
    // One request at a time: the speech takes seconds, spoken piece by piece.
    try await TestServer.with(arguments: ["--piper-parallel-requests", "1"]) { server in
      let cli = HeyGenCLIClient(server: server)
      let id = try await Self.generateWithJoe(
        String(
          repeating: "This paragraph keeps the neural voice busy for a good few seconds. ",
          count: 10), on: server)
      let watch = try await ProgressWatch.follow(id, with: cli)
      let (seen, final) = (watch.seen, watch.final)
      #expect(final["status"].string == "completed", "\(final) \(server.log.suffix(2000))")
      // The speech stage is the share below 0.2: the render process reports it while Piper
      // speaks, and the frames stage only once all speech is made (counting the frames drawn
      // meanwhile at once), so anything between 0 and 0.2 is the speaking.
      #expect(
        seen.contains { $0 > 0 && $0 < 0.2 }, "progress while Piper was speaking: \(seen)")
      #expect(seen == seen.sorted(), "progress never goes back: \(seen)")
    }
  }

  @Test("A render whose Piper sidecar is killed while it speaks completes with a new sidecar")
  func sidecarKilledWhileSpeaking() async throws {
    try await TestServer.with(arguments: ["--piper-parallel-requests", "1"]) { server in
      let cli = HeyGenCLIClient(server: server)
      let id = try await Self.generateWithJoe(
        String(
          repeating: "The neural voice keeps talking while the frames are drawn. ", count: 24),
        on: server)
      let serverID = try #require(server.processID)
      var killed: Int32?
      let watch = try await ProgressWatch.follow(id, with: cli) {
        // Killed once the speech has begun and well before it ends.
        guard killed == nil, let sidecar = PiperProcess.sidecar(of: serverID) else { return }
        let resource = try await cli.get("/v3/videos/\(id)").json["data"]
        guard let progress = resource["progress"].double, progress > 0, progress < 0.15 else {
          return
        }
        _ = Glibc.kill(sidecar, SIGKILL)
        killed = sidecar
      }
      let dead = try #require(killed, "the sidecar was never seen speaking: \(watch.seen)")
      #expect(
        watch.final["status"].string == "completed", "\(watch.final) \(server.log.suffix(2000))")
      let duration = try #require(watch.final["duration"].double)
      #expect(duration > 40 && duration < 90, "\(duration)")
      let now = try #require(PiperProcess.sidecar(of: serverID), "no sidecar runs now")
      #expect(now != dead)
    }
  }

  @Test("An operator's Piper voice and a speech server's voice render a captioned video")
  func operatorAndServerVoices() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-voices-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("en_GB-ruby-medium.onnx")
    try FileManager.default.createSymbolicLink(at: model, withDestinationURL: Piper.joe)
    var config = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Piper.joe.path + ".json")))
        as? [String: Any])
    config["dataset"] = "ruby"
    config["name"] = nil
    config["gender"] = "female"
    config["language"] = ["code": "en_GB", "name_english": "English"]
    try JSONSerialization.data(withJSONObject: config).write(
      to: URL(fileURLWithPath: model.path + ".json"))

    let speech = try SpeechServer(
      voices: ["bob": Piper.joe], cache: folder.appendingPathComponent("cache"))
    defer { speech.stop() }

    try await TestServer.with(arguments: [
      "--piper-voices-dir", folder.path, "--speech-url", "http://127.0.0.1:\(speech.port)",
      "--speech-voices", "bob:en-US:male", "--speech-model", "piper",
    ]) { server in
      let cli = HeyGenCLIClient(server: server)
      let openAI = try await cli.get("/v3/voices", query: ["engine": "openai"])
      #expect(openAI.json["data"].array?.map { $0["voice_id"].string } == ["en-us-bob"])
      let ruby = try await cli.get("/v3/voices/en-gb-ruby")
      #expect(ruby.json["data"]["gender"].string == "female", "\(ruby.text)")
      #expect(ruby.json["data"]["engine"].string == "piper")

      func scene(_ voice: String, _ text: String) -> [String: Any] {
        [
          "character": ["type": "avatar", "avatar_id": "amara_navy_blazer"],
          "voice": ["type": "text", "input_text": text, "voice_id": voice],
        ]
      }
      let id = try await server.generate([
        "video_inputs": [
          scene("en-gb-ruby", "Good morning from the operator's voice."),
          scene("en-us-bob", "And good evening from the speech server."),
        ],
        "dimension": ["width": 320, "height": 180], "caption": true,
      ])
      let done = try await server.waitForStatus(id)
      #expect(done["status"].string == "completed", "\(done) \(server.log.suffix(2000))")
      let duration = try #require(done["duration"].double)
      #expect(duration > 3 && duration < 12)
      let captions = try await server.get(try #require(done["caption_url"].string), key: nil)
      #expect(captions.text.contains("operator's") && captions.text.contains("server."))
    }
  }

  @Test(
    "A talking photo speaks with Joe",
    .enabled(
      if: FileManager.default.isExecutableFile(
        atPath: Piper.checkout.appendingPathComponent(".venv-facemesh/bin/python").path),
      "the face finder is not installed: run scripts/setup-facemesh.sh"))
  func talkingPhotoWithJoe() async throws {
    try await TestServer.with { server in
      let upload = try await TalkingPhotoTests.upload(
        try TalkingPhotoTests.photo("astronaut.jpg"), to: server)
      let photo = try #require(upload.json["data"]["talking_photo_id"].string, "\(upload.text)")
      var body = TalkingPhotoTests.body(photo: photo, text: "Good morning. Here is the plan.")
      var scenes = try #require(body["video_inputs"] as? [[String: Any]])
      scenes[0]["voice"] = [
        "type": "text", "input_text": "Good morning. Here is the plan.", "voice_id": "en-us-joe",
      ]
      body["video_inputs"] = scenes
      body["caption"] = true
      let done = try await server.waitForStatus(try await server.generate(body))
      #expect(done["status"].string == "completed", "\(done)")
      let duration = try #require(done["duration"].double)
      #expect(duration > 1.2 && duration < 5)
      let captions = try await server.get(try #require(done["caption_url"].string), key: nil)
      #expect(captions.text.contains("morning.") && captions.text.contains("plan."))
    }
  }
}
