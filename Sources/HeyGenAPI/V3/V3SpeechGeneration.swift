/// `POST /v3/voices/speech`: a script spoken in one voice, as an audio file.
public struct V3SpeechGenerateRequest: Decodable, Sendable, Equatable {
  public var text: String?
  public var voiceId: String?
  /// `text` or `ssml`; either way `<break time="…"/>` pauses are honoured and other tags
  /// dropped, as in a video's script.
  public var inputType: String?
  public var speed: Double?
  public var language: String?
  public var locale: String?

  enum CodingKeys: String, CodingKey {
    case text, speed, language, locale
    case voiceId = "voice_id"
    case inputType = "input_type"
  }
}

/// The spoken file and when each word is said.
public struct V3GeneratedSpeech: Codable, Sendable, Equatable {
  public var audioUrl: String
  public var duration: Double
  public var requestId: String?
  public var wordTimestamps: [V3WordTimestamp]?

  public init(
    audioUrl: String, duration: Double, requestId: String?, wordTimestamps: [V3WordTimestamp]?
  ) {
    self.audioUrl = audioUrl
    self.duration = duration
    self.requestId = requestId
    self.wordTimestamps = wordTimestamps
  }

  enum CodingKeys: String, CodingKey {
    case duration
    case audioUrl = "audio_url"
    case requestId = "request_id"
    case wordTimestamps = "word_timestamps"
  }
}

/// One word and its time in the file, in seconds.
public struct V3WordTimestamp: Codable, Sendable, Equatable {
  public var word: String
  public var start: Double
  public var end: Double

  public init(word: String, start: Double, end: Double) {
    self.word = word
    self.start = start
    self.end = end
  }
}
