/// Captions from spoken words, and writers for the subtitle formats the renderer offers.
public enum Captions {
  /// A silence longer than this ends a caption: the next words start a new one.
  public static let pauseBreak = 0.3

  /// Groups timed words into captions.
  ///
  /// A new caption starts at every sentence start and after every pause over
  /// ``pauseBreak`` seconds. Longer stretches are split into captions of at most `maxLines`
  /// lines of at most `maxLineLength` characters (a single longer word gets a line of its own),
  /// with the text spread evenly over the captions and over the lines of each caption so that
  /// no caption ends in a stray word. A caption shows from its first word's start to its last
  /// word's end; a gap shorter than ``pauseBreak`` before the next caption is bridged so the
  /// text does not blink off between captions.
  public static func cues(from words: [TimedWord], maxLineLength: Int = 42, maxLines: Int = 2)
    -> [CaptionCue]
  {
    let layout = Layout(maxLineLength: max(1, maxLineLength), maxLines: max(1, maxLines))
    var cues: [CaptionCue] = []
    for phrase in phrases(in: words) {
      for group in layout.split(phrase.map(\.text)).map({ phrase[$0] }) {
        guard let first = group.first, let last = group.last else { continue }
        let text = layout.lines(for: group.map(\.text)).joined(separator: "\n")
        cues.append(CaptionCue(start: first.start, end: last.end, text: text))
      }
    }
    return timedInOrder(cues)
  }

  /// Words with text, split at sentence starts and at pauses.
  private static func phrases(in words: [TimedWord]) -> [[TimedWord]] {
    var phrases: [[TimedWord]] = []
    var current: [TimedWord] = []
    for var word in words {
      word.text = word.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard !word.text.isEmpty else { continue }
      if let previous = current.last,
        word.startsSentence || word.start - previous.end > pauseBreak
      {
        phrases.append(current)
        current = []
      }
      current.append(word)
    }
    if !current.isEmpty { phrases.append(current) }
    return phrases
  }

  /// Makes cue times increase and never overlap, and bridges short gaps between cues.
  private static func timedInOrder(_ cues: [CaptionCue]) -> [CaptionCue] {
    var result = cues
    for index in result.indices {
      if index > 0 { result[index].start = max(result[index].start, result[index - 1].end) }
      result[index].end = max(result[index].end, result[index].start)
      if index + 1 < result.count {
        let gap = result[index + 1].start - result[index].end
        if gap > 0 && gap <= pauseBreak { result[index].end = result[index + 1].start }
      }
    }
    return result
  }
}
