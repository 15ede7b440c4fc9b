/// `video_inputs[].voice`: text to speak, an audio track, or silence, told apart by `type`.
public enum Voice: Codable, Sendable, Equatable {
  case text(TextVoice)
  case audio(AudioVoice)
  case silence(SilenceVoice)

  enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: TypeKey.self)
    let type = try c.decodeIfPresent(String.self, forKey: .type) ?? "text"
    switch type {
    case "text": self = .text(try TextVoice(from: decoder))
    case "audio": self = .audio(try AudioVoice(from: decoder))
    case "silence": self = .silence(try SilenceVoice(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: c,
        debugDescription: "unknown voice type \"\(type)\" (expected text, audio or silence)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: TypeKey.self)
    switch self {
    case .text(let voice):
      try c.encode("text", forKey: .type)
      try voice.encode(to: encoder)
    case .audio(let voice):
      try c.encode("audio", forKey: .type)
      try voice.encode(to: encoder)
    case .silence(let voice):
      try c.encode("silence", forKey: .type)
      try voice.encode(to: encoder)
    }
  }
}

public struct TextVoice: Codable, Sendable, Equatable {
  public var voiceId: String
  public var inputText: String
  public var speed: Double?
  public var pitch: Double?
  public var emotion: String?
  public var locale: String?
  public var elevenlabsSettings: ElevenLabsSettings?
  /// The voice's loudness, 0 (silent) to 1 (full); v3's `voice_settings.volume`, accepted
  /// in v2 bodies too.
  public var volume: Double?

  public init(
    voiceId: String, inputText: String, speed: Double? = nil, pitch: Double? = nil,
    emotion: String? = nil, locale: String? = nil, volume: Double? = nil
  ) {
    self.voiceId = voiceId
    self.inputText = inputText
    self.speed = speed
    self.pitch = pitch
    self.emotion = emotion
    self.locale = locale
    self.volume = volume
  }

  enum CodingKeys: String, CodingKey {
    case voiceId = "voice_id"
    case inputText = "input_text"
    case speed, pitch, emotion, locale, volume
    case elevenlabsSettings = "elevenlabs_settings"
    case elevanlabsSettings = "elevanlabs_settings"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    voiceId = try c.decode(String.self, forKey: .voiceId)
    inputText = try c.decode(String.self, forKey: .inputText)
    speed = try c.decodeIfPresent(Double.self, forKey: .speed)
    pitch = try c.decodeIfPresent(Double.self, forKey: .pitch)
    emotion = try c.decodeIfPresent(String.self, forKey: .emotion)
    locale = try c.decodeIfPresent(String.self, forKey: .locale)
    volume = try c.decodeIfPresent(Double.self, forKey: .volume)
    elevenlabsSettings =
      try c.decodeIfPresent(ElevenLabsSettings.self, forKey: .elevenlabsSettings)
      ?? c.decodeIfPresent(ElevenLabsSettings.self, forKey: .elevanlabsSettings)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(voiceId, forKey: .voiceId)
    try c.encode(inputText, forKey: .inputText)
    try c.encodeIfPresent(speed, forKey: .speed)
    try c.encodeIfPresent(pitch, forKey: .pitch)
    try c.encodeIfPresent(emotion, forKey: .emotion)
    try c.encodeIfPresent(locale, forKey: .locale)
    try c.encodeIfPresent(volume, forKey: .volume)
    try c.encodeIfPresent(elevenlabsSettings, forKey: .elevenlabsSettings)
  }
}

/// Accepted for compatibility; Orator's engines have no use for these values.
public struct ElevenLabsSettings: Codable, Sendable, Equatable {
  public var model: String?
  public var similarityBoost: Double?
  public var stability: Double?
  public var style: Double?

  enum CodingKeys: String, CodingKey {
    case model
    case similarityBoost = "similarity_boost"
    case stability, style
  }
}

public struct AudioVoice: Codable, Sendable, Equatable {
  public var audioUrl: String?
  public var audioAssetId: String?
  /// The recording's loudness, 0 (silent) to 1 (as recorded).
  public var volume: Double?

  public init(audioUrl: String? = nil, audioAssetId: String? = nil, volume: Double? = nil) {
    self.audioUrl = audioUrl
    self.audioAssetId = audioAssetId
    self.volume = volume
  }

  enum CodingKeys: String, CodingKey {
    case audioUrl = "audio_url"
    case audioAssetId = "audio_asset_id"
    case volume
  }
}

public struct SilenceVoice: Codable, Sendable, Equatable {
  /// Seconds; HeyGen's docs show it both as a number and as a string.
  public var duration: Double?

  public init(duration: Double? = nil) { self.duration = duration }

  enum CodingKeys: String, CodingKey { case duration }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let number = try? c.decodeIfPresent(Double.self, forKey: .duration) {
      duration = number
    } else if let text = try c.decodeIfPresent(String.self, forKey: .duration) {
      guard let number = Double(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .duration, in: c, debugDescription: "not a number of seconds: \"\(text)\"")
      }
      duration = number
    } else {
      duration = nil
    }
  }
}
