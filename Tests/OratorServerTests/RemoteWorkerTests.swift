import Foundation
import Testing

/// `orator worker` processes rendering for `orator serve --workers 0`: over the internal
/// worker API only, with the lease, fencing and asset rules of in-process workers.
@Suite(.serialized) struct RemoteWorkerTests {
  static let token = "worker-token-3b9e61d0c4f2a857"
  static let serverArguments = ["--worker-token", token]

  static func withServer<T>(
    allowPrivateURLs: Bool = true, arguments: [String] = [], _ body: (TestServer) async throws -> T
  ) async throws -> T {
    try await TestServer.with(
      workers: 0, allowPrivateURLs: allowPrivateURLs, arguments: serverArguments + arguments, body)
  }

  /// POSTs a worker message with `token` as the bearer (nil sends no Authorization header).
  static func workerPost(_ server: TestServer, _ path: String, json: Any, token: String?)
    async throws -> TestServer.Response
  {
    try await server.request(
      .POST, path, body: JSONSerialization.data(withJSONObject: json), key: nil,
      headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [])
  }

  @Test func remoteWorkerRendersAVideo() async throws {
    try await Self.withServer { server in
      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        let id = try await server.generate(VideoRequest.body(text: "Rendered elsewhere."))
        let status = try await server.waitForStatus(id, timeout: .seconds(120))
        #expect(status["status"] == .string("completed"), "\(status)\n\(worker.log)")
        #expect(worker.log.contains("completed"), "\(worker.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "remote.mp4")
        let probe = try await MediaProbe(path: file)
        #expect(probe.videoCodec == "h264")
        #expect(probe.audioCodec == "aac")
        #expect(probe.width == 320 && probe.height == 180)
        #expect(
          try await server.get(try #require(status["thumbnail_url"].string), key: nil).status == 200
        )
        // The staging folder is emptied once the files moved into the media folder.
        let staging = server.dataDirectory.appendingPathComponent("scratch/worker-uploads").path
        #expect((try? FileManager.default.contentsOfDirectory(atPath: staging))?.isEmpty ?? true)
      }
    }
  }

  @Test func wrongOrMissingTokenIsRefused() async throws {
    try await Self.withServer { server in
      let claim: [String: Any] = ["owner": "probe", "wait_seconds": 0]
      let wrong = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: "not-the-token")
      #expect(wrong.status == 401, "\(wrong.text)")
      let prefix = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: String(Self.token.dropLast()))
      #expect(prefix.status == 401)
      let missing = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: nil)
      #expect(missing.status == 401)
      // An API key is no worker token.
      let apiKey = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: TestServer.apiKey)
      #expect(apiKey.status == 401)
      let right = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: Self.token)
      #expect(right.status == 200, "\(right.text)")
      #expect(right.json["job"].isNull)
      // A lease the server never handed out is not accepted.
      let forged: [String: Any] = [
        "lease": [
          "job_id": String(repeating: "ab", count: 16),
          "video_id": String(repeating: "cd", count: 16),
          "account_id": String(repeating: "ef", count: 16), "owner": "probe", "fencing_token": 7,
          "expires_at": 0, "attempt": 1,
        ]
      ]
      let heartbeat = try await Self.workerPost(
        server, "/internal/worker/heartbeat", json: forged, token: Self.token)
      #expect(heartbeat.status == 409, "\(heartbeat.text)")
    }
  }

  @Test func workerAPIIsAbsentWithoutAToken() async throws {
    try await TestServer.with(workers: 0) { server in
      let response = try await Self.workerPost(
        server, "/internal/worker/claim", json: ["owner": "probe", "wait_seconds": 0],
        token: Self.token)
      #expect(response.status == 404, "\(response.text)")
    }
  }

  @Test func aKilledWorkersJobIsFinishedByAnother() async throws {
    try await Self.withServer(arguments: ["--lease-seconds", "3"]) { server in
      let long = String(
        repeating: "This sentence keeps the renderer busy for a little while. ", count: 6)
      let id = try await server.generate(VideoRequest.body(text: long, title: "Taken over"))
      let first = try WorkerProcess(server: server, token: Self.token)
      let rendering = try await first.waitForLog("rendering")
      #expect(rendering, "the first worker never started: \(first.log)")
      await first.kill(signal: SIGKILL)
      #expect(!first.log.contains("completed"), "the first worker finished before the kill")

      try await WorkerProcess.with(server: server, token: Self.token) { second in
        let status = try await server.waitForStatus(id, timeout: .seconds(120))
        #expect(status["status"] == .string("completed"), "\(status)\n\(second.log)")
        #expect(second.log.contains("attempt=2"), "\(second.log)")
        #expect(second.log.contains("completed"), "\(second.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "taken-over.mp4")
        #expect(try await MediaProbe(path: file).videoCodec == "h264")
      }
    }
  }

  @Test func uploadedImageBackgroundRendersRemotely() async throws {
    // Neither end allows private URLs: the asset must come through the worker API.
    try await Self.withServer(allowPrivateURLs: false) { server in
      let png = try await AssetTests.makeFile(
        "teal.png", in: server, input: "color=c=teal:s=320x180", extra: ["-frames:v", "1"])
      let upload = try await AssetTests.upload(png, contentType: "image/png", to: server)
      #expect(upload.status == 200, "\(upload.text)")
      let asset = try #require(upload.json["data"]["id"].string)
      var body = VideoRequest.body(text: "Hi.", title: "Remote picture")
      if var scenes = body["video_inputs"] as? [[String: Any]] {
        scenes[0]["background"] = ["type": "image", "image_asset_id": asset]
        body["video_inputs"] = scenes
      }
      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        let id = try await server.generate(body)
        let status = try await server.waitForStatus(id, timeout: .seconds(120))
        #expect(status["status"] == .string("completed"), "\(status)\n\(worker.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "remote-picture.mp4")
        #expect(try await MediaProbe(path: file).videoCodec == "h264")
        // The background is teal: a 2×2 corner of the first frame is teal, not white.
        let frame = server.dataDirectory.appendingPathComponent("frame.rgb").path
        let extract = try await Tool.run(
          "ffmpeg",
          [
            "-v", "error", "-y", "-i", file, "-frames:v", "1", "-vf", "crop=2:2:4:4",
            "-f", "rawvideo", "-pix_fmt", "rgb24", frame,
          ])
        try #require(extract.status == 0, "\(extract.output)")
        let pixel = [UInt8](try Data(contentsOf: URL(fileURLWithPath: frame)))
        try #require(pixel.count == 12)
        #expect(pixel[0] < 60 && pixel[1] > 90 && pixel[2] > 90, "pixel \(pixel)")
      }
    }
  }
}
