import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `Idempotency-Key` on `POST /v3/videos` and `POST /v3/assets`: replayed within a day, 409
/// while the first is running, scoped to account and endpoint, kept across a restart.
@Suite("Idempotency-Key")
struct IdempotencyTests {
  static var body: [String: Any] {
    [
      "type": "avatar", "avatar_id": "amara_navy_blazer", "script": "Only once.",
      "voice_id": "en-us-female", "resolution": "720p",
    ]
  }

  @Test("a repeat replays the first answer, across a restart; another key or account is new")
  func replay() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let key = [("Idempotency-Key", "order-42:attempt.1")]
      let first = try await cli.post("/v3/videos", json: Self.body, extraHeaders: key)
      #expect(first.status == 200, "\(first.text)")
      let id = try #require(first.json["data"]["video_id"].string)

      let repeated = try await cli.post("/v3/videos", json: Self.body, extraHeaders: key)
      #expect(repeated.status == 200 && repeated.body == first.body)
      #expect(repeated.header("Idempotent-Replayed") == "true")

      let other = try await cli.post(
        "/v3/videos", json: Self.body, extraHeaders: [("Idempotency-Key", "order-43")])
      let otherID = try #require(other.json["data"]["video_id"].string)
      #expect(otherID != id)

      try await server.restart()
      let afterRestart = try await cli.post("/v3/videos", json: Self.body, extraHeaders: key)
      #expect(afterRestart.json["data"]["video_id"].string == id)

      // The same key from another account is that account's own request.
      let stranger = try await server.createKey()
      let theirs = try await HeyGenCLIClient(server: server, key: stranger.key).post(
        "/v3/videos", json: Self.body, extraHeaders: key)
      #expect(theirs.status == 200)
      #expect(theirs.json["data"]["video_id"].string != id)

      // A refused request is not remembered: fixed, the repeat runs.
      var broken = Self.body
      broken["voice_id"] = "xx-none"
      let refused = try await cli.post(
        "/v3/videos", json: broken, extraHeaders: [("Idempotency-Key", "fix-me")])
      #expect(refused.status == 400)
      let fixed = try await cli.post(
        "/v3/videos", json: Self.body, extraHeaders: [("Idempotency-Key", "fix-me")])
      #expect(fixed.status == 200)

      let videos = try await server.get("/v1/video.list")
      #expect(videos.json["data"]["videos"].array?.count == 3, "\(videos.text)")

      // Assets: the same key on another endpoint is another request; a repeat is replayed.
      let picture = server.dataDirectory.appendingPathComponent("dot.png")
      let made = try await Tool.run(
        "ffmpeg",
        [
          "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=white:s=8x8", "-frames:v", "1",
          picture.path,
        ])
      try #require(made.status == 0)
      let bytes = try Data(contentsOf: picture)
      let asset = try await cli.upload(fileName: "dot.png", bytes: bytes, extraHeaders: key)
      #expect(asset.status == 200, "\(asset.text)")
      let assetAgain = try await cli.upload(fileName: "dot.png", bytes: bytes, extraHeaders: key)
      #expect(assetAgain.json["data"]["asset_id"] == asset.json["data"]["asset_id"])
    }
  }

  /// Starts a POST /v3/videos whose body arrives in two halves; the second half is sent
  /// when the returned continuation is told to.
  static func slowCreate(_ server: TestServer, key: String) throws -> (
    answer: Task<(Int, Data), any Error>, rest: @Sendable () -> Void
  ) {
    let body = try JSONSerialization.data(withJSONObject: Self.body)
    let half = body.count / 2
    let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
    var slow = HTTPClientRequest(url: server.baseURL + "/v3/videos")
    slow.method = .POST
    slow.headers.add(name: "x-api-key", value: TestServer.apiKey)
    slow.headers.add(name: "Content-Type", value: "application/json")
    slow.headers.add(name: "Idempotency-Key", value: key)
    slow.body = .stream(stream, length: .known(Int64(body.count)))
    let request = slow
    let answer = Task {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
      let bytes = try await response.body.collect(upTo: 1 << 20)
      return (Int(response.status.code), Data(bytes.readableBytesView))
    }
    continuation.yield(ByteBuffer(bytes: body.prefix(half)))
    let rest = Data(body.suffix(from: half))
    return (
      answer,
      {
        continuation.yield(ByteBuffer(bytes: rest))
        continuation.finish()
      }
    )
  }

  @Test("a repeat while the first request is still arriving gets 409 request_in_progress")
  func inProgress() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      // On a busy machine the repeat can overtake the first request; then the first is the
      // repeat (and replays), and the next attempt uses a new key.
      var conflict: TestServer.Response?
      for attempt in 0..<5 where conflict == nil {
        let key = "slow-\(attempt)"
        let first = try Self.slowCreate(server, key: key)
        try await Task.sleep(for: .milliseconds(300 * (attempt + 1)))
        let repeated = try await cli.post(
          "/v3/videos", json: Self.body, extraHeaders: [("Idempotency-Key", key)])
        first.rest()
        let (status, firstBody) = try await first.answer.value
        if status == 409 {
          // Overtaken while both were in flight: the repeat began the key and the first
          // waited on it. The repeat's answer stands; try again with a new key.
          #expect(repeated.status == 200, "\(repeated.text)")
          continue
        }
        #expect(status == 200, "\(String(decoding: firstBody, as: UTF8.self))")
        if repeated.status == 409 {
          conflict = repeated
          let replay = try await cli.post(
            "/v3/videos", json: Self.body, extraHeaders: [("Idempotency-Key", key)])
          #expect(replay.body == firstBody)
        } else {
          #expect(repeated.status == 200 && repeated.body == firstBody)
        }
      }
      let refused = try #require(conflict, "no 409 while the first request was arriving")
      #expect(refused.json["error"]["code"].string == "request_in_progress")
      #expect(refused.header("Retry-After") != nil)
    }
  }
}
