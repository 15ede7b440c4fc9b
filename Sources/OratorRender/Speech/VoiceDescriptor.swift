/// One selectable voice, as listed by `GET /v2/voices` and chosen by `voice_id`.
public struct VoiceDescriptor: Sendable, Equatable, Hashable, Codable {
  /// Stable id: `<locale lowercased>-<gender>`, with a `-2`, `-3`… suffix for extra voices of the
  /// same locale and gender (for example `en-us-female`, `en-us-male-2`, `es-es-male`); neural
  /// voices are `<locale lowercased>-<name>` (`en-us-joe`).
  public var id: String
  /// Presenter-style display name, for example "Emma · English (US)".
  public var name: String
  /// Language as an English name, for example "English" or "Spanish".
  public var language: String
  /// BCP 47 tag, for example "en-US" or "es-ES".
  public var locale: String
  /// "female" or "male".
  public var gender: String
  /// The engine's own voice name (for espeak-ng the voice file identifier, e.g. "gmw/en-US";
  /// for Piper the model file; for a speech server the voice it is asked for).
  public var engineVoice: String
  /// The engine's voice variant, if any (for espeak-ng e.g. "f2"); nil means the plain voice.
  public var engineVariant: String?
  /// The engine that speaks it, as `GET /v3/voices?engine=` names it.
  public var engine: SpeechEngineName

  public init(
    id: String, name: String, language: String, locale: String, gender: String,
    engineVoice: String, engineVariant: String? = nil, engine: SpeechEngineName = .espeak
  ) {
    self.id = id
    self.name = name
    self.language = language
    self.locale = locale
    self.gender = gender
    self.engineVoice = engineVoice
    self.engineVariant = engineVariant
    self.engine = engine
  }
}

/// The speech engines Orator can speak with.
public enum SpeechEngineName: String, Sendable, Codable, CaseIterable {
  /// espeak-ng through its C library, in process: every language, robotic.
  case espeak = "espeak-ng"
  /// Piper neural voices, in a sidecar process.
  case piper
  /// An OpenAI-compatible `/v1/audio/speech` server.
  case openAI = "openai"
}
