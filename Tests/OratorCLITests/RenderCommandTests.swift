import Foundation
import HeyGenAPI
import Testing

/// `orator render` as a user runs it: the real executable, its output, files and exit codes.
@Suite("orator render", .serialized)
struct RenderCommandTests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `orator` built beside this test bundle.
  static var executable: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    var directory = bundle.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("orator")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/orator")
  }

  /// Runs `orator` with `arguments` in `directory`, with this process's environment and
  /// `environment` over it.
  func orator(_ arguments: [String], in directory: URL, environment: [String: String] = [:])
    throws -> Run
  {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func write(_ json: String, to url: URL) throws {
    try Data(json.utf8).write(to: url)
  }

  @Test("--list --json prints the catalogue in the API's shapes")
  func listJSON() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try orator(["render", "--list", "--json"], in: directory)
    #expect(run.status == 0)
    let listing = try JSONDecoder().decode(CatalogueListing.self, from: Data(run.stdout.utf8))
    #expect(listing.avatars.count >= 8)
    #expect(Set(listing.avatars.map(\.avatarId)).count == listing.avatars.count)
    #expect(
      listing.avatars.allSatisfy {
        $0.previewImageUrl.hasPrefix("http") && $0.defaultVoiceId != nil
      })
    let english = listing.voices.filter { $0.language == "English" }
    #expect(english.contains { $0.voiceId == "en-us-female" && $0.gender == "female" })
    #expect(english.contains { $0.voiceId == "en-us-male" && $0.gender == "male" })
    // Strict clients need every key, even when null.
    let raw = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String: Any]]])
    for key in [
      "avatar_id", "avatar_name", "gender", "preview_image_url", "preview_video_url", "premium",
      "type", "tags", "default_voice_id",
    ] {
      #expect(raw["avatars"]?.allSatisfy { $0.keys.contains(key) } == true, "\(key)")
    }
    for key in [
      "voice_id", "name", "language", "gender", "preview_audio", "support_pause", "emotion_support",
      "support_interactive_avatar",
    ] {
      #expect(raw["voices"]?.allSatisfy { $0.keys.contains(key) } == true, "\(key)")
    }
  }

  @Test("a request renders: exit 0, the paths printed, the files beside the MP4")
  func renders() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try write(
      """
      {"video_inputs":[{"character":{"type":"avatar","avatar_id":"priya_plum_blazer","avatar_style":"closeUp"},
        "voice":{"type":"text","input_text":"Hi! This is a short test.","voice_id":"en-gb-female"},
        "background":{"type":"color","value":"#FAFAFA"}}],
       "dimension":{"width":320,"height":180},"title":"CLI test"}
      """, to: directory.appendingPathComponent("request.json"))
    let run = try orator(["render", "request.json", "-o", "out/video.mp4"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let printed = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      printed.map { ($0 as NSString).lastPathComponent } == [
        "video.mp4", "video.jpg", "video.gif", "video.srt", "video.vtt", "video.ass",
      ])
    for path in printed {
      #expect(
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
          || FileManager.default.fileExists(atPath: path), "\(path)")
    }
    let srt = try String(
      contentsOf: directory.appendingPathComponent("out/video.srt"), encoding: .utf8)
    #expect(srt.contains("Hi!") && srt.contains("short test."))
  }

  @Test(
    "bad input: exit code 2, one line naming the field, no files left",
    arguments: [
      (
        #"{"video_inputs":[{"voice":{"type":"text","input_text":"Hi","voice_id":"en-us-female"}},{"voice":{"type":"silence"}},{"voice":{"type":"text","input_text":"Hi","voice_id":"x"}}]}"#,
        #"video_inputs[2].voice.voice_id: unknown voice "x""#
      ),
      (
        #"{"video_inputs":[{"character":{"type":"avatar","avatar_id":"ghost"},"voice":{"type":"silence"}}]}"#,
        #"video_inputs[0].character.avatar_id: unknown avatar "ghost""#
      ),
      (
        #"{"video_inputs":[{"voice":{"type":"silence"},"background":{"type":"color","value":"purple"}}]}"#,
        "video_inputs[0].background.value"
      ),
      (
        #"{"video_inputs":[{"voice":{"type":"silence"}}],"dimension":{"width":1279,"height":720}}"#,
        "dimension.width: must be even"
      ),
      (
        #"{"video_inputs":[{"voice":{"type":"silence"},"background":{"type":"image","url":"missing.png"}}]}"#,
        "video_inputs[0].background.url"
      ),
      (
        #"{"video_inputs":[{"voice":{"type":"audio","audio_url":"request.json"}}]}"#,
        "video_inputs[0].voice.audio_url"
      ),
      (
        #"{"video_inputs":[{"voice":{"type":"text","voice_id":"en-us-female"}}]}"#,
        "video_inputs[0].voice.input_text: is required"
      ),
    ])
  func badInput(json: String, message: String) throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try write(json, to: directory.appendingPathComponent("request.json"))
    let run = try orator(["render", "request.json", "-o", "out.mp4"], in: directory)
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left == ["request.json"], "\(left)")
  }

  @Test("text over 5000 characters is refused with exit code 2")
  func tooLong() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = String(repeating: "word ", count: 1001)
    try write(
      #"{"video_inputs":[{"voice":{"type":"text","input_text":"\#(text)","voice_id":"en-us-female"}}]}"#,
      to: directory.appendingPathComponent("request.json"))
    let run = try orator(["render", "request.json"], in: directory)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("video_inputs[0].voice.input_text: must be at most 5000 characters"))
  }

  @Test(
    "--piper-parallel-requests and its variable refuse what is not a count of at least one",
    arguments: [
      (["--piper-parallel-requests", "0"], [:], "--piper-parallel-requests 0 must be at least 1"),
      (["--piper-parallel-requests=-2"], [:], "--piper-parallel-requests -2 must be at least 1"),
      (["--piper-parallel-requests", "two"], [:], "--piper-parallel-requests"),
      (
        [], ["ORATOR_PIPER_PARALLEL_REQUESTS": "two"],
        "ORATOR_PIPER_PARALLEL_REQUESTS=two must be a whole number"
      ),
      (
        [], ["ORATOR_PIPER_PARALLEL_REQUESTS": "0"],
        "ORATOR_PIPER_PARALLEL_REQUESTS=0 must be at least 1"
      ),
    ] as [([String], [String: String], String)])
  func parallelRequestsRefused(options: [String], environment: [String: String], message: String)
    throws
  {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let render = try orator(
      ["render", "--list"] + options, in: directory, environment: environment)
    #expect(render.status != 0 && render.stdout.isEmpty)
    #expect(render.stderr.contains(message), "\(render.stderr)")
    // `serve` reads the speech options before it opens anything. The render limit checked
    // after them is wrong too, so that a serve that let the count through exits all the same
    // (naming the limit) rather than serving.
    let data = directory.appendingPathComponent("data")
    let serve = try orator(
      ["serve", "--data-dir", data.path, "--max-video-minutes", "0"] + options, in: directory,
      environment: environment)
    #expect(serve.status != 0)
    #expect(serve.stderr.contains(message), "\(serve.stderr)")
    #expect(!FileManager.default.fileExists(atPath: data.path))
  }

  @Test("--piper-parallel-requests 2 is taken: the catalogue lists as before")
  func parallelRequestsAccepted() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try orator(
      ["render", "--list", "--piper-parallel-requests", "2"], in: directory,
      environment: ["ORATOR_PIPER_PARALLEL_REQUESTS": "3"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("en-us-male"))
  }
}
