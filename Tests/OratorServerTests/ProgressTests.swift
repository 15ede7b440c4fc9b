import Foundation
import Testing

/// A rendering video reports how far it is, in v3's resource and v1's status alike, so a
/// client's progress bar moves instead of sitting at "processing".
@Suite struct ProgressTests {
  @Test func progressRisesWhileRenderingAndEndsAtOne() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      var body = VideoRequest.body(
        text: String(
          repeating: "This paragraph keeps the renderer busy for a good few seconds. ", count: 6))
      body["dimension"] = ["width": 1280, "height": 720]
      let id = try await server.generate(body)

      var v1Progress: [Double] = []
      let watch = try await ProgressWatch.follow(id, with: cli) {
        if let progress = try await server.status(id)["progress"].double {
          v1Progress.append(progress)
        }
      }
      let (seen, final) = (watch.seen, watch.final)
      #expect(final["status"].string == "completed", "\(final)")
      #expect(final["progress"].double == 1)
      #expect(try await server.status(id)["progress"].double == 1)
      #expect(
        seen.contains { $0 > 0 && $0 < 1 }, "a fraction between 0 and 1 while rendering: \(seen)")
      #expect(seen == seen.sorted(), "progress never goes back: \(seen)")
      #expect(!v1Progress.isEmpty, "v1's status carries progress too")
    }
  }
}
