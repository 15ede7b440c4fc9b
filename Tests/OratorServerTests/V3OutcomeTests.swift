import Foundation
import Testing

/// What a v3 client is told when a video cannot be made: 402 when the credit runs out, 429
/// with `Retry-After` when too many videos are rendering, and a `failed` video with v3's
/// lower-case `failure_code` (the state HeyGen's CLI turns into exit code 1).
@Suite("v3 refusals and failures", .serialized)
struct V3OutcomeTests {
  let schemas = V3ResponseSchemas.shared

  static func avatarVideo(_ script: String = "Hello from the test.") -> [String: Any] {
    [
      "type": "avatar", "avatar_id": "amara_navy_blazer", "script": script,
      "voice_id": "en-us-female", "resolution": "720p", "aspect_ratio": "16:9",
    ]
  }

  @Test func exhaustedCreditIs402() async throws {
    try await TestServer.with(workers: 0, arguments: ["--initial-credit", "2"]) { server in
      let cli = HeyGenCLIClient(server: server)
      let refused = try await cli.post(
        "/v3/videos",
        json: Self.avatarVideo(
          "This script is far longer than two seconds of speech, so it cannot be paid for."))
      #expect(refused.status == 402, "\(refused.text)")
      #expect(refused.json["error"]["code"] == .string("insufficient_credit"))
      #expect(refused.json["data"] == .missing)
      let listed = try await cli.get("/v3/videos")
      #expect(listed.json["data"].array?.isEmpty == true, "no video is left behind")
    }
  }

  @Test func tooManyRendersIs429WithRetryAfter() async throws {
    try await TestServer.with(workers: 0, arguments: ["--max-active-renders", "1"]) { server in
      let cli = HeyGenCLIClient(server: server)
      let first = try await cli.post("/v3/videos", json: Self.avatarVideo())
      #expect(first.status == 200, "\(first.text)")
      let refused = try await cli.post("/v3/videos", json: Self.avatarVideo())
      #expect(refused.status == 429, "\(refused.text)")
      #expect(refused.json["error"]["code"] == .string("rate_limit_exceeded"))
      #expect(refused.header("retry-after").flatMap(Int.init).map { $0 > 0 } == true)
    }
  }

  @Test func aFailedVideoReadsAsFailedWithV3Codes() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      // The server's own unknown path answers 404, so the recording cannot be fetched.
      let created = try await cli.post(
        "/v3/videos",
        json: [
          "type": "avatar", "avatar_id": "amara_navy_blazer",
          "audio_url": server.baseURL + "/missing/voice.mp3", "resolution": "720p",
          "aspect_ratio": "16:9",
        ])
      #expect(created.status == 200, "\(created.text)")
      let id = try #require(created.json["data"]["video_id"].string)
      let done = try await V3VideoTests.waitForVideo(cli, id)
      schemas.expectValid(done, endpoint: "GET /v3/videos/{video_id}")
      let video = done["data"]
      #expect(video["status"] == .string("failed"), "\(done)")
      #expect(video["failure_code"] == .string("invalid_parameter"), "\(done)")
      #expect(video["failure_message"].string?.isEmpty == false)
      #expect(video["video_url"] == .null || video["video_url"] == .missing)

      let statuses = try await cli.get("/v3/videos/statuses", query: ["video_ids": id])
      schemas.expectValid(statuses.json, endpoint: "GET /v3/videos/statuses")
      #expect(statuses.json["data"][0]["status"] == .string("failed"))
      #expect(statuses.json["data"][0]["error"]["code"] == .string("invalid_parameter"))
    }
  }
}
