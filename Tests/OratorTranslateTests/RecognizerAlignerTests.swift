import Testing

@testable import OratorRender
@testable import OratorTranslate

@Suite("Forced alignment of a speech server's audio")
struct RecognizerAlignerTests {
  private let written = [
    TimedWord(text: "Welcome", start: 0, end: 1, startsSentence: true),
    TimedWord(text: "to", start: 1, end: 2),
    TimedWord(text: "Orator,", start: 2, end: 3),
    TimedWord(text: "friends.", start: 3, end: 4),
  ]

  @Test("Heard words give their times; a misheard word fills the gap between its neighbours")
  func alignsAndFills() throws {
    let heard = [
      TranscriptWord(text: "welcome", start: 0.3, end: 0.8),
      TranscriptWord(text: "to", start: 0.85, end: 1.0),
      TranscriptWord(text: "orrery", start: 1.1, end: 1.6),
      TranscriptWord(text: "friends.", start: 1.7, end: 2.2),
    ]
    let words = try #require(RecognizerAligner.align(written, to: heard))
    #expect(words.map(\.text) == written.map(\.text))
    #expect(words[0].start == 0.3 && words[1].end == 1.0)
    #expect(words[2].start == 1.0 && words[2].end == 1.7)
    #expect(words[3].start == 1.7 && words[3].end == 2.2)
    #expect(words[0].startsSentence)
  }

  @Test("A transcript of something else is no alignment")
  func refusesUnrelated() {
    let heard = [
      TranscriptWord(text: "completely", start: 0, end: 1),
      TranscriptWord(text: "different", start: 1, end: 2),
    ]
    #expect(RecognizerAligner.align(written, to: heard) == nil)
  }
}
