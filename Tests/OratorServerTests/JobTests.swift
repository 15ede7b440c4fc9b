import Foundation
import Testing

/// The render queue seen from outside: jobs survive a crash, deletes cancel renders, failed
/// renders are reported, and the per-account limit answers 429.
@Suite(.serialized) struct JobTests {
  /// A short lease, so a job held by a killed server is taken back within seconds.
  static let shortLease = ["--lease-seconds", "3"]

  @Test func jobsSurviveAServerCrash() async throws {
    try await TestServer.with(arguments: Self.shortLease) { server in
      var ids: [String] = []
      for index in 0..<3 {
        // Long and large enough (seconds of rendering each, at 1280×720) that a test process
        // kept waiting by the suites running beside it still sees one of them rendering.
        let text =
          "Video number \(index)."
          + String(repeating: " Another sentence keeps it rendering a little longer.", count: 10)
        var body = VideoRequest.body(text: text, title: "Crash \(index)")
        body["dimension"] = ["width": 1280, "height": 720]
        ids.append(try await server.generate(body))
      }
      var states: [String] = []
      let deadline = ContinuousClock.now + .seconds(60)
      while !states.contains("processing") && ContinuousClock.now < deadline {
        states = []
        for id in ids { states.append(try await server.status(id)["status"].string ?? "") }
        if states.allSatisfy({ $0 == "completed" }) { break }
        try await Task.sleep(for: .milliseconds(20))
      }
      #expect(states.contains("processing"), "no video was seen rendering: \(states)")

      await server.kill(signal: SIGKILL)
      try await server.restart()
      for id in ids {
        let status = try await server.waitForStatus(id)
        #expect(status["status"] == .string("completed"), "\(status)")
      }
    }
  }

  @Test func deletingARenderingVideoCancelsIt() async throws {
    try await TestServer.with(arguments: Self.shortLease) { server in
      let long = String(
        repeating: "This sentence keeps the renderer busy for a little while. ", count: 8)
      let first = try await server.generate(VideoRequest.body(text: long, title: "Long"))
      let next = try await server.generate(VideoRequest.body(text: "Next.", title: "Next"))
      let processing = try await server.waitForStatus(
        first, in: ["processing", "completed", "failed"])
      #expect(processing["status"] == .string("processing"))

      let deleted = try await server.delete("/v1/video.delete?video_id=\(first)")
      #expect(deleted.status == 200)
      #expect(try await server.get("/v1/video_status.get?video_id=\(first)").status == 404)

      let status = try await server.waitForStatus(next)
      #expect(status["status"] == .string("completed"), "\(status)")
      #expect(try await server.get("/v1/video_status.get?video_id=\(first)").status == 404)
      // Nothing of the cancelled render is left in the media folder.
      let media = server.dataDirectory.appendingPathComponent("media").path
      let files = FileManager.default.enumerator(atPath: media)?.compactMap { $0 as? String } ?? []
      #expect(!files.contains { $0.contains(first) }, "\(files)")
    }
  }

  @Test func aFailedRenderIsReportedAndTheServerGoesOn() async throws {
    try await TestServer.with { server in
      // The server's own unknown path answers 404, so the audio cannot be fetched.
      let failing = try await server.generate(
        VideoRequest.audioBody(url: server.baseURL + "/missing/voice.mp3"))
      let status = try await server.waitForStatus(failing)
      #expect(status["status"] == .string("failed"))
      #expect(status.keys == VideoTests.statusKeys)
      #expect(status["video_url"].isNull)
      let error = status["error"]
      #expect(error["code"].int != nil, "\(error)")
      #expect(error["message"].string?.isEmpty == false)
      #expect(error["detail"].string?.isEmpty == false)

      let next = try await server.generate()
      #expect(try await server.waitForStatus(next)["status"] == .string("completed"))
    }
  }

  @Test func tooManyActiveRendersIs429() async throws {
    try await TestServer.with(workers: 0, arguments: ["--max-active-renders", "2"]) { server in
      let first = try await server.generate()
      _ = try await server.generate()
      let refused = try await server.post("/v2/video/generate", json: VideoRequest.body())
      #expect(refused.status == 429)
      #expect(refused.header("retry-after").flatMap(Int.init).map { $0 > 0 } == true)
      #expect(refused.json["error"]["code"] == .string("rate_limited"))
      #expect(refused.json["data"].isNull)

      // A slot frees up when a queued video is deleted.
      #expect(try await server.delete("/v1/video.delete?video_id=\(first)").status == 200)
      _ = try await server.generate()
    }
  }
}
