import Foundation
import Testing

/// schemathesis generates requests from `/openapi.json` — valid ones, invalid ones, and chains
/// that follow the documented links — and checks every answer: never a 5xx, every status code
/// documented, every body matching its schema. The seed is fixed so a run is repeatable.
@Suite struct OpenAPIFuzzTests {
  static var schemathesis: String { TestTools.program("schemathesis") }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: schemathesis),
      "schemathesis is not installed: run scripts/setup-test-tools.sh"))
  func generatedRequestsGetDocumentedAnswers() async throws {
    // No render workers: generated videos stay queued instead of loading the machine; no
    // private URLs, so generated callback and media URLs are refused rather than fetched.
    try await TestServer.with(
      workers: 0, allowPrivateURLs: false, arguments: ["--max-active-renders", "1000000"]
    ) { server in
      let result = try await Tool.run(
        Self.schemathesis,
        [
          "run", server.baseURL + "/openapi.json", "-H", "x-api-key: \(TestServer.apiKey)",
          "--checks",
          "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
          "--seed", "7", "--max-examples", "25", "--workers", "1",
          // Uploads take raw bodies of any type; AssetTests cover them.
          "--exclude-path-regex", "/v1/asset",
        ])
      #expect(result.status == 0, "schemathesis found failures:\n\(result.output.suffix(6000))")
    }
  }
}
