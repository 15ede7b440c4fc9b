import OratorCore
import Testing

@Suite("VideoPageToken")
struct VideoPageTokenTests {
  @Test func roundTripsThroughText() throws {
    let id = try #require(ResourceID("00000000000000000000000000000abc"))
    let token = VideoPageToken(createdAt: 1_700_000_123, videoId: id)
    #expect(!token.string.contains("="))
    #expect(VideoPageToken(string: token.string) == token)
  }

  @Test(arguments: ["", "abc", "bm90IGEgdG9rZW4", "%%%"])
  func foreignTokensAreRefused(text: String) {
    #expect(VideoPageToken(string: text) == nil)
  }
}
