import Foundation
import OratorCore
import Testing

/// Signed media links: byte ranges for players, and refusal of altered or expired links.
@Suite(.serialized) struct MediaTests {
  @Test func signedLinksServeRangesAndRefuseTamperingAndExpiry() async throws {
    try await TestServer.with { server in
      let id = try await server.generate()
      let status = try await server.waitForStatus(id)
      try #require(status["status"] == .string("completed"), "\(status)")
      let videoURL = try #require(status["video_url"].string)

      let whole = try await server.get(videoURL, key: nil)
      #expect(whole.status == 200)
      #expect(whole.header("content-type") == "video/mp4")
      #expect(whole.header("accept-ranges") == "bytes")

      let range = try await server.get(videoURL, key: nil, headers: [("Range", "bytes=0-99")])
      #expect(range.status == 206)
      #expect(range.header("content-range") == "bytes 0-99/\(whole.body.count)")
      #expect(range.body.count == 100)
      #expect(range.body == whole.body.prefix(100))

      // One changed character of the signature.
      let signature = try #require(videoURL.range(of: "signature=")).upperBound
      let original = videoURL[signature]
      let tampered = videoURL.replacingCharacters(
        in: signature..<videoURL.index(after: signature), with: original == "0" ? "1" : "0")
      let refused = try await server.get(tampered, key: nil)
      #expect(refused.status == 403)
      #expect(refused.json["data"].isNull)

      // A correctly signed link whose time is up, signed with the server's own secret.
      let secret = try Data(
        contentsOf: server.dataDirectory.appendingPathComponent("url-signing.key"))
      let path = try #require(URL(string: videoURL)?.path)
      let expired = MediaURLSigner(secret: [UInt8](secret)).sign(
        path: path, expiresAt: Date(timeIntervalSinceNow: -60))
      let stale = try await server.get(server.baseURL + expired, key: nil)
      #expect(stale.status == 403)
      #expect(stale.json["error"]["message"].string?.contains("expired") == true, "\(stale.text)")
      // The same signer with a future expiry is accepted, so the refusal above is the expiry.
      let fresh = MediaURLSigner(secret: [UInt8](secret)).sign(
        path: path, expiresAt: Date(timeIntervalSinceNow: 60))
      #expect(try await server.get(server.baseURL + fresh, key: nil).status == 200)
    }
  }
}
