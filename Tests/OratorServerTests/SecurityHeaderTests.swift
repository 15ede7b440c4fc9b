import Foundation
import Testing

@testable import OratorServer

/// What browsers are told about Orator's responses: never sniff, never frame, and the share
/// page runs no script and loads only its own style and the video's files.
@Suite(.serialized) struct SecurityHeaderTests {
  @Test func everyResponseIsNosniffAndUnframeable() async throws {
    try await TestServer.with(workers: 0) { server in
      let answers = [
        try await server.get("/healthz", key: nil),
        try await server.get("/openapi.json", key: nil),
        try await server.get("/v2/avatars"),
        try await server.get("/v2/avatars", key: nil),  // 401
        try await server.get("/no/such/path", key: nil),  // 404
        try await server.get("/media/x/y.mp4?expires=1&signature=00", key: nil),  // 403
      ]
      for answer in answers {
        #expect(answer.header("x-content-type-options") == "nosniff", "\(answer.status)")
        #expect(answer.header("x-frame-options") == "DENY", "\(answer.status)")
      }
    }
  }

  @Test func theSharePageRunsNoScriptAndCannotBeFramed() async throws {
    try await TestServer.with { server in
      let id = try await server.generate(VideoRequest.body(text: "Hi.", caption: true))
      let status = try await server.waitForStatus(id)
      try #require(status["status"] == .string("completed"), "\(status)")
      let share = try await server.post("/v1/video/share", json: ["video_id": id])
      let url = try #require(share.json["data"].string)

      let page = try await server.get(url, key: nil)
      #expect(page.status == 200)
      #expect(page.header("content-type") == "text/html; charset=utf-8")
      #expect(page.header("x-content-type-options") == "nosniff")
      #expect(page.header("x-frame-options") == "DENY")
      #expect(page.header("referrer-policy") == "no-referrer")
      let policy = try #require(page.header("content-security-policy"))
      let directives = Dictionary(
        policy.split(separator: ";").map {
          let words = $0.split(separator: " ").map(String.init)
          return (words[0], Array(words.dropFirst()))
        }, uniquingKeysWith: { first, _ in first })
      #expect(directives["default-src"] == ["'none'"], "\(policy)")
      #expect(directives["frame-ancestors"] == ["'none'"], "\(policy)")
      #expect(directives["script-src"] == nil, "\(policy)")
      #expect(!policy.contains("unsafe"), "\(policy)")
      #expect(directives["media-src"] == [server.baseURL], "\(policy)")
      #expect(directives["img-src"] == [server.baseURL], "\(policy)")
      // The page's one style element carries the nonce the policy allows, fresh each time.
      let nonce = try #require(directives["style-src"]?.first)
      #expect(nonce.hasPrefix("'nonce-") && nonce.count > 20, "\(policy)")
      #expect(page.text.contains("<style nonce=\"\(nonce.dropFirst(7).dropLast())\">"))
      #expect(!page.text.lowercased().contains("<script"))
      #expect(page.text.contains("<video") && page.text.contains("<track"))
      let again = try await server.get(url, key: nil)
      #expect(again.header("content-security-policy") != policy)

      // The files the page plays come with their checked types, never sniffable.
      let video = try await server.get(try #require(status["video_url"].string), key: nil)
      #expect(video.header("content-type") == "video/mp4")
      #expect(video.header("x-content-type-options") == "nosniff")
    }
  }

  @Test func pagePolicyAllowsOnlyTheMediaOrigin() {
    let page = SharePage(
      title: "<script>alert(1)</script>",
      videoURL: "https://media.example.com:8443/media/a.mp4?s=1",
      posterURL: "https://media.example.com:8443/media/a.jpg", captionsURL: nil,
      styleNonce: "abc")
    #expect(
      page.contentSecurityPolicy
        == "default-src 'none'; style-src 'nonce-abc'; media-src https://media.example.com:8443; img-src https://media.example.com:8443; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    #expect(!page.html.contains("<script>"))
    #expect(
      SharePage(
        title: "", videoURL: "javascript:alert(1)", posterURL: nil, captionsURL: nil,
        styleNonce: "n"
      )
      .contentSecurityPolicy.contains("media-src 'none'"))
  }
}
