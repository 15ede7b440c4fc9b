/// Finds when each word of a script is spoken in audio that came without timings (a speech
/// server's), for captions. Forced alignment through a speech recognizer is one.
public protocol SpeechAligner: Sendable {
  /// The script's words with their times in `track`, or nil when this aligner cannot tell.
  /// - Parameter language: ISO 639-1 code of the speech.
  func words(of script: String, in track: SpeechTrack, language: String) async -> [TimedWord]?
}

/// The fallback timing when nothing better is known: the words share the stretch between the
/// first and the last sound in proportion to their letters.
public enum ProportionalWordTiming {
  /// Samples quieter than this (about −40 dBFS) are taken for silence at either end.
  static let soundThreshold: Int16 = 330

  public static func words(of script: String, in track: SpeechTrack) -> [TimedWord] {
    let written = ScriptWords(script).words
    guard !written.isEmpty, track.sampleRate > 0 else { return [] }
    let loud = { (sample: Int16) in sample > soundThreshold || sample < -soundThreshold }
    let first = track.samples.firstIndex(where: loud) ?? 0
    let last = track.samples.lastIndex(where: loud) ?? track.samples.count
    let start = Double(first) / Double(track.sampleRate)
    let end = max(start, Double(last) / Double(track.sampleRate))
    let total = Double(written.reduce(0) { $0 + max($1.spokenLength, 1) })
    let sentenceStarts = PiperTiming.sentenceStarts(written)
    var cursor = start
    return written.enumerated().map { index, word in
      let share = (end - start) * Double(max(word.spokenLength, 1)) / total
      let wordEnd = index == written.count - 1 ? end : cursor + share
      defer { cursor = wordEnd }
      return TimedWord(
        text: word.text, start: cursor, end: wordEnd,
        startsSentence: sentenceStarts.contains(index))
    }
  }
}
