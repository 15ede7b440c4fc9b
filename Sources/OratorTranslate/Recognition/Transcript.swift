/// What was said in a recording, when: segments (about a sentence each) with their words.
public struct Transcript: Sendable, Codable, Equatable {
  /// ISO 639-1 code of the spoken language (detected, or the hint given).
  public var language: String
  /// Length of the audio in seconds.
  public var duration: Double
  public var segments: [TranscriptSegment]

  public init(language: String, duration: Double, segments: [TranscriptSegment]) {
    self.language = language
    self.duration = duration
    self.segments = segments
  }

  /// The whole text, segments joined by spaces.
  public var text: String {
    segments.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// A stretch of speech, in seconds from the start of the audio.
public struct TranscriptSegment: Sendable, Codable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String
  /// Word timings; empty when the recognizer gives none.
  public var words: [TranscriptWord]

  public init(start: Double, end: Double, text: String, words: [TranscriptWord] = []) {
    self.start = start
    self.end = end
    self.text = text
    self.words = words
  }
}

/// One recognised word (with its punctuation), in seconds from the start of the audio.
public struct TranscriptWord: Sendable, Codable, Equatable {
  public var text: String
  public var start: Double
  public var end: Double

  public init(text: String, start: Double, end: Double) {
    self.text = text
    self.start = start
    self.end = end
  }
}
