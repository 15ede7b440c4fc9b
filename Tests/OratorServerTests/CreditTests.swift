import Foundation
import Testing

/// Credits as a client sees them: the quota, 402 when it runs out, test videos for free,
/// and the real duration charged once a video completes.
@Suite(.serialized) struct CreditTests {
  func quota(_ server: TestServer) async throws -> Int? {
    try await server.get("/v2/user/remaining_quota").json["data"]["remaining_quota"].int
  }

  @Test func exhaustedCreditIs402AndTestVideosAreFree() async throws {
    try await TestServer.with(arguments: ["--initial-credit", "2"]) { server in
      #expect(try await quota(server) == 2)
      let long = VideoRequest.body(
        text: "This script is far longer than two seconds of speech, so it cannot be paid for.")
      let refused = try await server.post("/v2/video/generate", json: long)
      #expect(refused.status == 402, "\(refused.text)")
      #expect(refused.json["error"]["code"] == .string("insufficient_credit"))
      #expect(refused.json["data"].isNull)
      let listed = try await server.get("/v1/video.list")
      #expect(listed.json["data"]["videos"].array?.isEmpty == true, "no video row is left behind")

      var free = long
      free["test"] = true
      let id = try await server.generate(free)
      #expect(try await server.waitForStatus(id)["status"] == .string("completed"))
      #expect(try await quota(server) == 2)
    }
  }

  @Test func completedVideosChargeTheirDuration() async throws {
    try await TestServer.with(arguments: ["--initial-credit", "100"]) { server in
      let id = try await server.generate(VideoRequest.body(text: "Hello there, one two three."))
      let status = try await server.waitForStatus(id)
      let duration = try #require(status["duration"].double)
      let remaining = try #require(try await quota(server))
      #expect(remaining == 100 - Int(duration.rounded(.up)), "duration \(duration)")
    }
  }
}
