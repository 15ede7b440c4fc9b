import Foundation

/// A sentence of the original speech: what is translated and spoken as one piece.
struct SpokenSentence: Equatable {
  var start: Double
  var end: Double
  var text: String
}

/// Groups recognised words into sentences: a sentence ends at terminal punctuation, or at a
/// long pause, where a dubbed sentence could not stretch across anyway.
enum SpokenSentences {
  /// A silence this long ends a sentence even without punctuation.
  static let pauseBreak = 1.0
  static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
  /// Scripts written without spaces between words, whose recognised words are joined directly.
  static let unspacedLanguages: Set<String> = ["zh", "ja", "th", "lo", "km", "my", "yue"]

  static func sentences(in transcript: Transcript) -> [SpokenSentence] {
    let separator = unspacedLanguages.contains(transcript.language) ? "" : " "
    var sentences: [SpokenSentence] = []
    var words: [TranscriptWord] = []

    func flush() {
      defer { words = [] }
      guard let first = words.first, let last = words.last else { return }
      let text = words.map(\.text).joined(separator: separator)
      sentences.append(
        SpokenSentence(start: first.start, end: max(last.end, first.start), text: text))
    }

    for segment in transcript.segments {
      let segmentWords =
        segment.words.isEmpty
        ? [TranscriptWord(text: segment.text, start: segment.start, end: segment.end)]
        : segment.words
      for word in segmentWords {
        let text = word.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { continue }
        if let previous = words.last, word.start - previous.end >= pauseBreak { flush() }
        words.append(TranscriptWord(text: text, start: word.start, end: word.end))
        if endsSentence(text) { flush() }
      }
      // A segment without word timings is a sentence of its own.
      if segment.words.isEmpty { flush() }
    }
    flush()
    return sentences
  }

  static func endsSentence(_ word: String) -> Bool {
    guard let last = word.last(where: { !"\"')”’»".contains($0) }) else { return false }
    return terminators.contains(last)
  }
}
