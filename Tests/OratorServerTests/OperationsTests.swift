import AsyncHTTPClient
import Foundation
import NIOCore
import OratorCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What an operator relies on: settings from flags, environment, secret files and a config
/// file, refused when wrong; links on `--port 0`; logs, health and metrics; the rough edges
/// of starting, stopping and bounding the disk.
@Suite(.serialized) struct OperationsTests {
  // MARK: Settings

  @Test func versionIsPrintedAndAnsweredByTheHealthChecks() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let version = try await CLI(directory: folder, environment: [:])("--version")
    #expect(
      version.status == 0
        && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
          == OratorVersion.current,
      "\(version)")
    try await TestServer.with(workers: 0) { server in
      let health = try await server.get("/healthz", key: nil)
      #expect(health.json["version"].string == OratorVersion.current, "\(health.text)")
      let ready = try await server.get("/readyz", key: nil)
      #expect(ready.status == 200, "\(ready.text)")
      #expect(ready.json["version"].string == OratorVersion.current)
      for check in ["database", "ffmpeg", "speech", "avatars", "workers"] {
        #expect(ready.json["checks"][check].string?.hasPrefix("ok") == true, "\(ready.text)")
      }
    }
  }

  @Test func badValuesStopTheStartNamingWhereTheyCameFrom() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = folder.appendingPathComponent("orator.json")
    func serve(_ environment: [String: String], _ arguments: String...) async throws -> CLI.Run {
      try await CLI(directory: folder, environment: environment)(["serve"] + arguments)
    }
    let words = try await serve(["ORATOR_PORT": "abc"])
    #expect(words.status == 2 && words.stderr.contains("ORATOR_PORT=abc"), "\(words)")
    let negative = try await serve(["ORATOR_WORKERS": "-1"])
    #expect(negative.status == 2 && negative.stderr.contains("ORATOR_WORKERS=-1"), "\(negative)")
    let timeout = try await serve([:], "--idle-timeout-seconds", "0")
    #expect(timeout.status == 2 && timeout.stderr.contains("--idle-timeout-seconds"), "\(timeout)")
    try Data(#"{"port": "eighty"}"#.utf8).write(to: config)
    let fromFile = try await serve([:], "--config", config.path)
    #expect(
      fromFile.status == 2 && fromFile.stderr.contains("\"port\" in \(config.path)"), "\(fromFile)")
    try Data(#"{"lease-seconds": 0}"#.utf8).write(to: config)
    let zero = try await serve(["ORATOR_CONFIG": config.path])
    #expect(zero.status == 2 && zero.stderr.contains("\"lease-seconds\""), "\(zero)")
    let missing = try await serve([:], "--config", folder.appendingPathComponent("no.json").path)
    #expect(missing.status == 2 && missing.stderr.contains("--config"), "\(missing)")
    let level = try await serve([:], "--log-level", "chatty")
    #expect(level.status == 2 && level.stderr.contains("log-level"), "\(level)")
    // Refused before anything was opened.
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("orator-data").path))
  }

  /// Flags win over the environment, which wins over the config file; a secret can come from
  /// the file an `ORATOR_*_FILE` variable names.
  @Test func flagsThenEnvironmentThenConfigFileAndSecretsFromFiles() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = folder.appendingPathComponent("orator.json")
    try Data(#"{"public-url": "http://from-file.example", "workers": 0}"#.utf8).write(to: config)
    let keyFile = folder.appendingPathComponent("api-key")
    try Data("key-from-a-file-7c1d\n".utf8).write(to: keyFile)
    let environment = [
      "ORATOR_CONFIG": config.path, "ORATOR_API_KEY_FILE": keyFile.path,
      "ORATOR_DATA_DIR": folder.appendingPathComponent("data").path,
    ]
    func previewHost(_ extra: [String: String], _ arguments: [String]) async throws -> String? {
      try await PortZeroServer.with(environment: environment.merging(extra) { $1 }, arguments) {
        server in
        let avatars = try await server.get("/v2/avatars", key: "key-from-a-file-7c1d")
        try #require(avatars.status == 200, "\(avatars.text)")
        return avatars.json["data"]["avatars"][0]["preview_image_url"].string
          .flatMap { URL(string: $0)?.host }
      }
    }
    #expect(try await previewHost([:], []) == "from-file.example")
    #expect(
      try await previewHost(["ORATOR_PUBLIC_URL": "http://from-env.example"], [])
        == "from-env.example")
    #expect(
      try await previewHost(
        ["ORATOR_PUBLIC_URL": "http://from-env.example"],
        ["--public-url", "http://from-flag.example"]) == "from-flag.example")
  }

  @Test func portZeroHandsOutTheBoundPortInLinks() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await PortZeroServer.with(
      environment: ["ORATOR_DATA_DIR": folder.path, "ORATOR_API_KEY": TestServer.apiKey],
      ["--workers", "0"]
    ) { server in
      #expect(server.port > 0)
      let avatars = try await server.get("/v2/avatars", key: TestServer.apiKey)
      let preview = try #require(avatars.json["data"]["avatars"][0]["preview_image_url"].string)
      #expect(preview.hasPrefix("http://127.0.0.1:\(server.port)/"), "\(preview)")
      #expect(server.stdout.contains("Orator listening on http://127.0.0.1:\(server.port) "))
    }
  }

  @Test func keysCommandsRefuseAFolderWithoutAStore() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let list = try await CLI(directory: folder, environment: [:])("keys", "list")
    #expect(list.status == 2 && list.stderr.contains("no Orator store"), "\(list)")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("orator-data").path))
  }

  // MARK: Resources and avatars

  @Test func aBinaryCopiedWithoutItsResourcesSaysWhatIsMissing() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("orator")
    let original = try TestServer.executable()
    do {
      try FileManager.default.linkItem(at: original, to: copy)
    } catch {
      try FileManager.default.copyItem(at: original, to: copy)
    }
    let run = try await Tool.run(
      copy.path,
      ["serve", "--port", "0", "--data-dir", folder.appendingPathComponent("data").path])
    #expect(run.status != 0, "\(run.output)")
    #expect(run.output.contains("Orator_OratorRender.resources"), "\(run.output)")
  }

  @Test func avatarsFromAFolderAreOfferedAndRendered() async throws {
    let avatars = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: avatars) }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/OratorRender/Avatars/BuiltIn/amara_navy_blazer.json")
    var definition = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    definition["id"] = "operator_presenter"
    definition["name"] = "Operator's Presenter"
    try JSONSerialization.data(withJSONObject: definition).write(
      to: avatars.appendingPathComponent("operator_presenter.json"))
    try await TestServer.with(arguments: ["--avatars-dir", avatars.path]) { server in
      let listed = try await server.get("/v2/avatars")
      let ids = listed.json["data"]["avatars"].array?.compactMap { $0["avatar_id"].string } ?? []
      #expect(ids.contains("operator_presenter"), "\(ids)")
      #expect(ids.contains(VideoRequest.avatarID), "the built-in ones stay")
      var body = VideoRequest.body(text: "An operator's own presenter.")
      body["video_inputs"] = [
        [
          "character": ["type": "avatar", "avatar_id": "operator_presenter"],
          "voice": ["type": "text", "input_text": "Hello.", "voice_id": VideoRequest.voiceID],
        ]
      ]
      let id = try await server.generate(body)
      let done = try await server.waitForStatus(id)
      #expect(done["status"].string == "completed", "\(done)")
    }
  }

  // MARK: Logs, health and metrics

  /// One JSON object per line; every request, refused ones included, leaves a line with the
  /// id it answered with.
  @Test func jsonAccessLogFollowsEachRequestByItsId() async throws {
    try await TestServer.with(workers: 0, arguments: ["--log-format", "json"]) { server in
      let unauthorised = try await server.get("/v2/avatars", key: "wrong-key")
      let malformed = try await server.request(.POST, "/v2/video/generate", body: Data("{".utf8))
      let unknown = try await server.get("/v2/nothing-here")
      let statuses: [Int] = [unauthorised.status, malformed.status, unknown.status]
      #expect(statuses == [401, 400, 404])
      try await Task.sleep(for: .milliseconds(200))
      let lines = server.log.split(separator: "\n").filter { $0.hasPrefix("{") }
      #expect(!lines.isEmpty)
      let entries = lines.compactMap { try? JSONValue(data: Data($0.utf8)) }
      #expect(entries.count == lines.count, "a log line that is not JSON")
      for (response, status) in [(unauthorised, 401), (malformed, 400), (unknown, 404)] {
        let id = try #require(response.header("x-request-id"))
        let entry = entries.first { $0["request_id"].string == id }
        #expect(entry?["status"].string == String(status), "no access line for \(id)")
        #expect(entry?["time"].string != nil && entry?["level"].string == "info")
      }
      #expect(entries.contains { $0["message"].string?.hasPrefix("Orator ") == true })
    }
  }

  @Test func aQuieterLogLevelDropsTheAccessLines() async throws {
    try await TestServer.with(workers: 0, arguments: ["--log-level", "warning"]) { server in
      let answer = try await server.get("/v2/avatars")
      let id = try #require(answer.header("x-request-id"))
      try await Task.sleep(for: .milliseconds(200))
      #expect(!server.log.contains(id))
    }
  }

  @Test func readinessSaysWhatIsMissing() async throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // No ffmpeg on this PATH.
    try await PortZeroServer.with(
      environment: ["ORATOR_DATA_DIR": folder.path, "PATH": folder.path], ["--workers", "0"]
    ) { server in
      let ready = try await server.get("/readyz", key: nil)
      #expect(ready.status == 503, "\(ready.text)")
      #expect(ready.json["checks"]["ffmpeg"].string == "not found on PATH", "\(ready.text)")
      #expect(ready.json["checks"]["database"].string == "ok")
      #expect(try await server.get("/healthz", key: nil).status == 200)
      #expect(server.stderr.contains("ffmpeg is not on PATH"))
    }
  }

  @Test func metricsCountRequestsRendersAndTheQueue() async throws {
    try await TestServer.with(workers: 0) { server in
      _ = try await server.generate()
      _ = try await server.generate()
      let metrics = try await server.get("/metrics", key: nil)
      #expect(metrics.status == 200)
      #expect(metrics.header("content-type")?.hasPrefix("text/plain") == true)
      let queued = try Self.metricValue(metrics.text, "orator_queue_jobs")
      #expect(queued == 2, "\(metrics.text)")
      #expect(
        metrics.text.contains(
          #"hb_requests{http_route="/v2/video/generate",http_request_method="POST",http_response_status_code="200"} 2"#
        ), "\(metrics.text)")
    }
    try await TestServer.with { server in
      let id = try await server.generate()
      _ = try await server.waitForStatus(id)
      let text = try await server.get("/metrics", key: nil).text
      #expect(try Self.metricValue(text, #"orator_renders_completed_total{kind="generated"}"#) == 1)
      #expect(
        try Self.metricValue(text, #"orator_render_realtime_ratio_count{kind="generated"}"#) == 1)
      #expect(try Self.metricValue(text, "orator_credit_consumed_seconds_total") >= 1)
      #expect(try Self.metricValue(text, "orator_workers_running") == 1)
      #expect(try Self.metricValue(text, "orator_queue_jobs") == 0)
    }
  }

  static func metricValue(_ text: String, _ series: String) throws -> Double {
    let line = try #require(
      text.split(separator: "\n").first { $0.hasPrefix(series + " ") }, "no \(series)")
    return try #require(Double(line.split(separator: " ").last ?? ""))
  }

  // MARK: Stopping and the disk

  /// SIGTERM stops the render and hands its job back: the next start renders it at once,
  /// where otherwise it would wait out a two-minute lease.
  @Test func sigtermHandsTheRunningRenderBack() async throws {
    try await TestServer.with(arguments: ["--lease-seconds", "120"]) { server in
      let script = Array(repeating: "This sentence keeps the renderer busy for a while.", count: 12)
        .joined(separator: " ")
      let id = try await server.generate(VideoRequest.body(text: script, width: 1280, height: 720))
      _ = try await server.waitForStatus(id, in: ["processing"], timeout: .seconds(60))
      try await Task.sleep(for: .milliseconds(500))
      try await server.restart()
      #expect(server.log.contains("handed back to the queue"), "\(server.log.suffix(2000))")
      let done = try await server.waitForStatus(id, timeout: .seconds(90))
      #expect(done["status"].string == "completed", "\(done)")
    }
  }

  @Test func oldVideosArePrunedByCommandAndByRetention() async throws {
    try await TestServer.with { server in
      let id = try await server.generate()
      _ = try await server.waitForStatus(id)
      let folder = server.dataDirectory.appendingPathComponent("media").path
      try await Task.sleep(for: .milliseconds(1100))
      let cli = CLI(directory: server.dataDirectory, environment: [:])
      let dry = try await cli(
        "media", "prune", "--data-dir", server.dataDirectory.path, "--older-than-days", "0",
        "--dry-run")
      #expect(dry.status == 0 && dry.stdout.contains("would delete 1 videos"), "\(dry)")
      #expect(try await server.get("/v1/video_status.get?video_id=\(id)").status == 200)
      let pruned = try await cli(
        "media", "prune", "--data-dir", server.dataDirectory.path, "--older-than-days", "0")
      #expect(pruned.status == 0 && pruned.stdout.contains("deleted 1 videos"), "\(pruned)")
      #expect(try await server.get("/v1/video_status.get?video_id=\(id)").status == 404)
      let left = FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap {
        $0 as? String
      }.filter { $0.hasSuffix(".mp4") }
      #expect(left == [], "\(left ?? [])")
    }
    // About 4 s of retention: the server deletes the video on its own soon after.
    try await TestServer.with(arguments: ["--media-retention-days", "0.00005"]) { server in
      let id = try await server.generate()
      _ = try await server.waitForStatus(id)
      let deadline = ContinuousClock.now + .seconds(30)
      var status = 200
      while status == 200 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(500))
        status = try await server.get("/v1/video_status.get?video_id=\(id)").status
      }
      #expect(status == 404, "still there after 30 s")
      // The pass logs once it has finished, a moment after the record is gone.
      let logged = ContinuousClock.now + .seconds(10)
      while !server.log.contains("media retention: deleted old videos"),
        ContinuousClock.now < logged
      {
        try await Task.sleep(for: .milliseconds(100))
      }
      #expect(server.log.contains("media retention: deleted old videos"))
    }
  }
}

/// `orator serve --port 0` started with exactly the environment given (no inherited
/// `ORATOR_*`), and the port it announced.
final class PortZeroServer {
  let port: Int
  private let process: Process
  private let outputURL: URL
  private let errorURL: URL
  private let client = HTTPClient(eventLoopGroupProvider: .singleton)

  var stdout: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

  private init(environment: [String: String], arguments: [String]) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-port0-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    outputURL = folder.appendingPathComponent("stdout")
    errorURL = folder.appendingPathComponent("stderr")
    for url in [outputURL, errorURL] {
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    }
    process = Process()
    process.executableURL = try TestServer.executable()
    process.arguments = ["serve", "--port", "0"] + arguments
    process.currentDirectoryURL = folder
    var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORATOR_") }
    inherited.merge(environment) { $1 }
    process.environment = inherited
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    let deadline = ContinuousClock.now + .seconds(60)
    var found: Int?
    while found == nil, ContinuousClock.now < deadline, process.isRunning {
      let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
      if let range = text.range(of: #"\(port (\d+)\)"#, options: .regularExpression) {
        found = Int(text[range].dropFirst(6).dropLast())
      } else {
        try await Task.sleep(for: .milliseconds(50))
      }
    }
    guard let found else {
      process.terminate()
      let output = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw TestServerError("serve --port 0 did not start: \(output)")
    }
    port = found
  }

  static func with<T>(
    environment: [String: String], _ arguments: [String], _ body: (PortZeroServer) async throws -> T
  ) async throws -> T {
    let server = try await PortZeroServer(environment: environment, arguments: arguments)
    defer { server.stop() }
    return try await body(server)
  }

  func get(_ path: String, key: String?) async throws -> TestServer.Response {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    if let key { request.headers.add(name: "x-api-key", value: key) }
    let response = try await client.execute(request, timeout: .seconds(60))
    let bytes = try await response.body.collect(upTo: 16 << 20)
    return TestServer.Response(
      status: Int(response.status.code), headers: response.headers,
      body: Data(bytes.readableBytesView))
  }

  private func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: outputURL.deletingLastPathComponent())
    try? client.syncShutdown()
  }
}
