import Foundation
import Testing

/// Orator Studio driven in headless Chromium as a person would use it (`Tests/Browser/
/// studio_test.py`, Selenium): a wrong key, sign in, make a video and watch it complete, play
/// it to the end, share it and open the share page, generate from a template, open every page,
/// delete the video, open an unknown share link. Screenshots at desktop and phone sizes are
/// left in `$ORATOR_TEST_ARTEFACTS/studio` (default: the temporary folder's `orator-artefacts`).
@Suite struct StudioBrowserTests {
  static var python: String { TestTools.program("python") }

  static var script: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Browser/studio_test.py").standardized.path
  }

  static var artefacts: String {
    let folder =
      ProcessInfo.processInfo.environment["ORATOR_TEST_ARTEFACTS"]
      ?? NSTemporaryDirectory() + "orator-artefacts"
    return (folder as NSString).appendingPathComponent("studio")
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.isExecutableFile(atPath: python),
      "Chromium, its driver or Selenium is missing: run scripts/setup-test-tools.sh"))
  func aPersonMakesSharesAndDeletesAVideoInTheStudio() async throws {
    try await TestServer.with { server in
      let template = try await server.post("/v2/template", json: V3TemplateTests.twoScenes)
      try #require(template.status == 200, "\(template.text)")
      let id = try #require(template.json["data"]["template_id"].string)
      try? FileManager.default.removeItem(atPath: Self.artefacts)
      let run = try await Tool.run(
        Self.python, [Self.script, server.baseURL, TestServer.apiKey, id, Self.artefacts])
      #expect(run.status == 0, "\(run.output.suffix(4000))\nserver:\n\(server.log.suffix(2000))")
      let shots = (try? FileManager.default.contentsOfDirectory(atPath: Self.artefacts)) ?? []
      #expect(shots.filter { $0.hasSuffix("-phone.png") }.count >= 10, "\(shots)")
    }
  }

  @Test func theStudioIsServedWithAStrictPolicyAndBrowsersGetErrorPages() async throws {
    try await TestServer.with(workers: 0) { server in
      let root = try await server.get("/", key: nil)
      #expect(root.status == 200, "redirects are followed to the app: \(root.status)")
      let page = try await server.get("/studio/", key: nil)
      #expect(page.header("content-type")?.hasPrefix("text/html") == true)
      let policy = try #require(page.header("content-security-policy"))
      #expect(
        policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(policy)")
      #expect(page.text.contains(#"<script type="module" src="/studio/js/app.js">"#))
      #expect(!page.text.contains("<script>"), "no inline script")
      let script = try await server.get("/studio/js/app.js", key: nil)
      #expect(script.header("content-type")?.hasPrefix("text/javascript") == true)
      #expect(try await server.get("/studio/../Package.swift", key: nil).status == 404)
      #expect(try await server.get("/studio/.hidden.js", key: nil).status == 404)

      let html = [("Accept", "text/html,application/xhtml+xml")]
      let unshared = try await server.get(
        "/share/0123456789abcdef0123456789abcdef", key: nil, headers: html)
      #expect(unshared.status == 404)
      #expect(unshared.header("content-type")?.hasPrefix("text/html") == true)
      #expect(unshared.text.contains("This video is not shared"))
      // API clients keep their JSON, on API paths even from a browser.
      let json = try await server.get("/share/0123456789abcdef0123456789abcdef", key: nil)
      #expect(json.header("content-type")?.hasPrefix("application/json") == true)
      let api = try await server.get("/v3/videos/nope", headers: html)
      #expect(api.header("content-type")?.hasPrefix("application/json") == true)
    }
  }
}
