/// One selectable voice, as listed by `GET /v2/voices` and chosen by `voice_id`.
public struct VoiceDescriptor: Sendable, Equatable, Hashable {
  /// Stable id: `<locale lowercased>-<gender>`, with a `-2`, `-3`… suffix for extra voices of the
  /// same locale and gender (for example `en-us-female`, `en-us-male-2`, `es-es-male`).
  public var id: String
  /// Presenter-style display name, for example "Emma · English (US)".
  public var name: String
  /// Language as an English name, for example "English" or "Spanish".
  public var language: String
  /// BCP 47 tag, for example "en-US" or "es-ES".
  public var locale: String
  /// "female" or "male".
  public var gender: String
  /// The engine's own voice name (for espeak-ng the voice file identifier, e.g. "gmw/en-US").
  public var engineVoice: String
  /// The engine's voice variant, if any (for espeak-ng e.g. "f2"); nil means the plain voice.
  public var engineVariant: String?

  public init(
    id: String, name: String, language: String, locale: String, gender: String,
    engineVoice: String, engineVariant: String? = nil
  ) {
    self.id = id
    self.name = name
    self.language = language
    self.locale = locale
    self.gender = gender
    self.engineVoice = engineVoice
    self.engineVariant = engineVariant
  }
}
