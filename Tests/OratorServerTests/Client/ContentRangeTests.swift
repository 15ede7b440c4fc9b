import Testing

@testable import OratorKit

/// How a download reads where the bytes of a 206 or 416 answer start.
@Suite struct ContentRangeTests {
  @Test func contentRangeIsRead() {
    #expect(ContentRange("bytes 100-199/200") == ContentRange(start: 100, total: 200))
    #expect(ContentRange("bytes 0-99/*") == ContentRange(start: 0, total: nil))
    #expect(ContentRange("bytes */4000") == ContentRange(start: nil, total: 4000))
    #expect(ContentRange(nil) == nil && ContentRange("items 0-1/2") == nil)
  }
}
