import Testing

@testable import OratorTranslate

@Suite struct SpokenSentencesTests {
  func word(_ text: String, _ start: Double, _ end: Double) -> TranscriptWord {
    TranscriptWord(text: text, start: start, end: end)
  }

  @Test func sentencesEndAtPunctuationAndLongPauses() {
    let transcript = Transcript(
      language: "en", duration: 10,
      segments: [
        TranscriptSegment(
          start: 0, end: 4, text: "Hello there. How are",
          words: [
            word("Hello", 0, 0.4), word("there.", 0.4, 0.9), word("How", 1.2, 1.4),
            word("are", 1.4, 1.6),
          ]),
        TranscriptSegment(
          start: 4, end: 8, text: "you? Fine",
          words: [word("you?", 1.6, 2.0), word("Fine", 4.0, 4.5)]),
        TranscriptSegment(start: 8, end: 9, text: " No words here "),
      ])
    let sentences = SpokenSentences.sentences(in: transcript)
    #expect(
      sentences == [
        SpokenSentence(start: 0, end: 0.9, text: "Hello there."),
        SpokenSentence(start: 1.2, end: 2.0, text: "How are you?"),
        SpokenSentence(start: 4.0, end: 4.5, text: "Fine"),
        SpokenSentence(start: 8, end: 9, text: "No words here"),
      ])
  }

  @Test func slotFittingIsBounded() {
    let fitting = SlotFitting()
    #expect(fitting.speed(natural: 2, available: 3) == 1)
    #expect(fitting.speed(natural: 3.3, available: 3) > 1.1)
    #expect(fitting.speed(natural: 9, available: 3) == fitting.maxSpeed)
    #expect(fitting.tempo(spoken: 4, available: 3) == fitting.maxTempo)
    #expect(fitting.tempo(spoken: 2, available: 3) == 1)
    #expect(fitting.start(original: 5, previousEnd: 4) == 5)
    #expect(fitting.start(original: 5, previousEnd: 5.5) == 5.5 + fitting.gap)
  }
}
