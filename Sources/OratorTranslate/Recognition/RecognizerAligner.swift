import Foundation
import OratorRender

/// Forced alignment through a speech recognizer: the audio is transcribed with word timings,
/// the recognised words are matched to the script's (the longest common subsequence of their
/// letters), and the script words the recognizer missed or misheard share the time between
/// their matched neighbours. Used for speech servers, which send audio without timings.
public struct RecognizerAligner: SpeechAligner {
  public let recognizer: any SpeechRecognizer

  public init(recognizer: any SpeechRecognizer) {
    self.recognizer = recognizer
  }

  public func words(of script: String, in track: SpeechTrack, language: String) async
    -> [TimedWord]?
  {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-align-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: file) }
    guard (try? WAVFile.write(track, to: file.path)) != nil,
      let transcript = try? await recognizer.transcribe(audioAt: file, language: language)
    else { return nil }
    let heard = transcript.segments.flatMap(\.words)
    let written = ProportionalWordTiming.words(of: script, in: track)
    return Self.align(written, to: heard)
  }

  /// `written` (timed in proportion) retimed by the `heard` words they match; nil when fewer
  /// than half of them match, as the recognizer then heard something else.
  static func align(_ written: [TimedWord], to heard: [TranscriptWord]) -> [TimedWord]? {
    guard !written.isEmpty, !heard.isEmpty else { return nil }
    let a = written.map { normalized($0.text) }
    let b = heard.map { normalized($0.text) }
    // Longest common subsequence, table from the ends.
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] =
          !a[i].isEmpty && a[i] == b[j]
          ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var matches: [Int: TranscriptWord] = [:]
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      if !a[i].isEmpty && a[i] == b[j] {
        matches[i] = heard[j]
        i += 1
        j += 1
      } else if table[i + 1][j] >= table[i][j + 1] {
        i += 1
      } else {
        j += 1
      }
    }
    guard matches.count * 2 >= written.count else { return nil }

    var result = written
    for (index, word) in matches {
      result[index].start = word.start
      result[index].end = max(word.start, word.end)
    }
    // Unmatched runs share the gap between the matched words around them by length.
    var index = 0
    while index < result.count {
      guard matches[index] == nil else {
        index += 1
        continue
      }
      var end = index
      while end < result.count, matches[end] == nil { end += 1 }
      // Before the first match the run starts where the proportional timing put it (but
      // not after that match); after the last match it ends where that timing ended.
      let from =
        index > 0
        ? result[index - 1].end
        : min(written[index].start, end < result.count ? result[end].start : written[index].start)
      let to = end < result.count ? result[end].start : max(from, written[end - 1].end)
      let lengths = (index..<end).map { Double(max(written[$0].text.count, 1)) }
      let total = lengths.reduce(0, +)
      var cursor = from
      for (offset, position) in (index..<end).enumerated() {
        let next =
          position == end - 1
          ? max(cursor, to) : cursor + max(0, to - from) * lengths[offset] / total
        result[position].start = cursor
        result[position].end = next
        cursor = next
      }
      index = end
    }
    // Recognizers can overlap neighbours by a few milliseconds; captions must not go back.
    for position in result.indices.dropFirst()
    where result[position].start < result[position - 1].end {
      result[position].start = result[position - 1].end
      result[position].end = max(result[position].end, result[position].start)
    }
    return result
  }

  /// Lower-case letters and digits only, so "Hello," matches "hello".
  static func normalized(_ word: String) -> String {
    String(word.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
