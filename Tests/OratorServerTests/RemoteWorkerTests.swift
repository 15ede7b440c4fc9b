import AsyncHTTPClient
import Foundation
import NIOCore
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
        // The worker logs once the server has answered its completion.
        #expect(try await worker.waitForLog("completed", timeout: .seconds(10)), "\(worker.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "remote.mp4")
        let probe = try await MediaProbe(path: file)
        #expect(probe.videoCodec == "h264")
        #expect(probe.audioCodec == "aac")
        #expect(probe.width == 320 && probe.height == 180)
        #expect(
          try await server.get(try #require(status["thumbnail_url"].string), key: nil).status == 200
        )
        // The captions came through the worker messages too (their names used to be lost in
        // the snake_case round trip, leaving caption_url null).
        let caption = try #require(status["caption_url"].string, "no caption_url: \(status)")
        let captions = try await server.get(caption, key: nil)
        #expect(captions.status == 200, "\(captions.text)")
        #expect(captions.text.contains("[Script Info]"), "\(captions.text.prefix(300))")
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
        #expect(
          try await second.waitForLog("completed", timeout: .seconds(10)), "\(second.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "taken-over.mp4")
        #expect(try await MediaProbe(path: file).videoCodec == "h264")
      }
    }
  }

  /// SIGTERM stops the worker at once without failing the video, and hands its job back to
  /// the server: the next worker renders it at once, on the same attempt, where otherwise it
  /// would wait out a two-minute lease.
  @Test func aStoppedWorkerHandsItsJobToTheNext() async throws {
    try await Self.withServer(arguments: ["--lease-seconds", "120"]) { server in
      let long = String(
        repeating: "This sentence keeps the renderer busy for a little while. ", count: 6)
      let id = try await server.generate(VideoRequest.body(text: long, title: "Handed on"))
      let first = try WorkerProcess(server: server, token: Self.token)
      #expect(try await first.waitForLog("rendering"), "\(first.log)")
      let stopped = ContinuousClock.now
      await first.kill(signal: SIGTERM)
      #expect(!first.isRunning, "the worker ignored SIGTERM")
      #expect(ContinuousClock.now - stopped < .seconds(8))
      #expect(first.log.contains("handed back to the server"), "\(first.log)")
      #expect(!first.log.contains("render failed") && !first.log.contains("completed"))
      #expect(try await server.status(id)["status"] != .string("failed"))

      try await WorkerProcess.with(server: server, token: Self.token) { second in
        let status = try await server.waitForStatus(id, timeout: .seconds(90))
        #expect(status["status"] == .string("completed"), "\(status)\n\(second.log)")
        #expect(second.log.contains("attempt=1"), "\(second.log)")
      }
    }
  }

  /// A worker that exits while its claim is held open is not handed the next job: the video
  /// waits for a worker that is there, and renders on its first attempt at once, instead of
  /// after a lease and as attempt 2.
  @Test func aWorkerThatLeftIsNotHandedAJob() async throws {
    try await Self.withServer { server in
      let gone = try WorkerProcess(server: server, token: Self.token)
      #expect(try await gone.waitForLog("worker started"), "\(gone.log)")
      // Its long poll is open on the server by now.
      try await Task.sleep(for: .seconds(1))
      await gone.kill(signal: SIGKILL)
      #expect(!gone.isRunning)

      let id = try await server.generate(VideoRequest.body(text: "Nobody is home."))
      try await Task.sleep(for: .seconds(2))
      let waiting = try await server.status(id)
      #expect(waiting["status"] == .string("pending"), "\(waiting)\n\(server.log.suffix(2000))")

      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        // Well inside the 30 s lease the first claim would otherwise have held.
        let status = try await server.waitForStatus(id, timeout: .seconds(25))
        #expect(status["status"] == .string("completed"), "\(status)\n\(worker.log)")
        #expect(worker.log.contains("attempt=1"), "\(worker.log)")
      }
    }
  }

  /// A claim answered after its client hung up hands the job back rather than holding it:
  /// here the client is gone before any job exists, and the job queued later is still free.
  @Test func aHungUpPollHandsNothingOut() async throws {
    try await Self.withServer { server in
      // A raw claim whose connection closes while the server holds it open.
      let url = server.baseURL + "/internal/worker/claim"
      let poll = Task {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(Self.token)")
        request.body = .bytes(ByteBuffer(string: #"{"owner":"ghost","wait_seconds":15}"#))
        let answer = try? await client.execute(request, timeout: .seconds(30))
        try? await client.shutdown()
        return answer?.status.code
      }
      try await Task.sleep(for: .milliseconds(500))
      poll.cancel()
      _ = await poll.result
      try await Task.sleep(for: .milliseconds(300))
      let id = try await server.generate(VideoRequest.body(text: "Still free."))
      try await Task.sleep(for: .seconds(1))
      #expect(
        try await server.status(id)["status"] == .string("pending"), "\(server.log.suffix(2000))")
      let claim = try await Self.workerPost(
        server, "/internal/worker/claim", json: ["owner": "present", "wait_seconds": 2],
        token: Self.token)
      #expect(claim.json["job"]["lease"]["attempt"].int == 1, "\(claim.text)")
      #expect(claim.json["job"]["lease"]["owner"].string == "present", "\(claim.text)")
    }
  }

  /// SIGTERM stops a server whose worker keeps a claim open within a second or two: the open
  /// long poll is answered at once instead of holding the shutdown for up to 20 s.
  @Test func aServerWithAnOpenPollStopsPromptly() async throws {
    try await Self.withServer { server in
      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        #expect(try await worker.waitForLog("worker started"), "\(worker.log)")
        try await Task.sleep(for: .seconds(1))
        let stopping = ContinuousClock.now
        await server.kill(signal: SIGTERM)
        let took = ContinuousClock.now - stopping
        #expect(took < .seconds(4), "the server took \(took) to stop:\n\(server.log.suffix(2000))")
      }
    }
  }

  /// A worker whose lease ran out and was taken over can neither heartbeat nor complete;
  /// its staged upload is dropped and the video is finished by a worker holding the lease.
  @Test func aLateWorkerIsFencedOff() async throws {
    try await Self.withServer(arguments: ["--lease-seconds", "3"]) { server in
      let id = try await server.generate(VideoRequest.body(text: "Fenced."))
      let claim: [String: Any] = ["owner": "late", "wait_seconds": 5]
      let first = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: Self.token)
      let job = try #require(first.json["job"]["lease"]["job_id"].string, "\(first.text)")
      let token = try #require(first.json["job"]["lease"]["fencing_token"].int)
      // The lease exactly as handed out, to present again later.
      let firstBody = try JSONSerialization.jsonObject(with: first.body) as? [String: Any]
      let leaseJSON = try #require((firstBody?["job"] as? [String: Any])?["lease"])
      let staged = try await server.request(
        .PUT, "/internal/worker/files/\(job)/\(token)/video.mp4", body: Data("stale".utf8),
        key: nil, headers: [("Authorization", "Bearer \(Self.token)")])
      #expect(staged.status == 200, "\(staged.text)")
      let stagingFolder = server.dataDirectory
        .appendingPathComponent("scratch/worker-uploads/\(job)-\(token)").path
      #expect(FileManager.default.fileExists(atPath: stagingFolder))

      try await Task.sleep(for: .seconds(4))
      let second = try await Self.workerPost(
        server, "/internal/worker/claim", json: claim, token: Self.token)
      #expect(second.json["job"]["lease"]["fencing_token"].int == token + 1, "\(second.text)")
      #expect(!FileManager.default.fileExists(atPath: stagingFolder))

      let heartbeat = try await Self.workerPost(
        server, "/internal/worker/heartbeat", json: ["lease": leaseJSON], token: Self.token)
      #expect(heartbeat.status == 409, "\(heartbeat.text)")
      let complete = try await Self.workerPost(
        server, "/internal/worker/complete",
        json: ["lease": leaseJSON, "duration": 1.0, "files": ["video": "video.mp4"]],
        token: Self.token)
      #expect(complete.status == 409, "\(complete.text)")
      #expect(try await server.status(id)["status"] == .string("processing"))

      // The second claimer vanishes too; a real worker takes the job once that lease expires.
      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        let status = try await server.waitForStatus(id, timeout: .seconds(120))
        #expect(status["status"] == .string("completed"), "\(status)\n\(worker.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "fenced.mp4")
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
