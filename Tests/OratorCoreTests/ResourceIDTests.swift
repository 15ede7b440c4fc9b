import Foundation
import OratorCore
import Testing

@Suite("ResourceID")
struct ResourceIDTests {
  @Test func randomIDsAreThirtyTwoLowercaseHex() {
    let random = SystemRandomSource()
    let ids = (0..<50).map { _ in ResourceID(random: random) }
    #expect(Set(ids).count == 50)
    for id in ids {
      #expect(id.rawValue.count == 32)
      #expect(id.rawValue.allSatisfy { "0123456789abcdef".contains($0) })
      #expect(ResourceID(id.rawValue) == id)
    }
  }

  @Test func seededSourceRepeats() {
    let first = (0..<3).map { _ in ResourceID(random: SeededRandomSource(seed: 7)) }
    #expect(Set(first).count == 1)
    let source = SeededRandomSource(seed: 7)
    #expect(ResourceID(random: source) == first[0])
    #expect(ResourceID(random: source) != first[0])
  }

  @Test(arguments: [
    "", "0123456789abcdef0123456789abcde", "0123456789ABCDEF0123456789abcdef",
    "0123456789abcdef0123456789abcdeg", "0123456789abcdef0123456789abcdef0",
  ])
  func malformedIDsAreRefused(text: String) {
    #expect(ResourceID(text) == nil)
  }

  @Test func codesAsAPlainString() throws {
    let id = try #require(ResourceID("0123456789abcdef0123456789abcdef"))
    let data = try JSONEncoder().encode([id])
    #expect(String(decoding: data, as: UTF8.self) == #"["0123456789abcdef0123456789abcdef"]"#)
    #expect(try JSONDecoder().decode([ResourceID].self, from: data) == [id])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([ResourceID].self, from: Data(#"["nope"]"#.utf8))
    }
  }
}
