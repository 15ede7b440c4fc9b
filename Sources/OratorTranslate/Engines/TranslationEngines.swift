import OratorRender

/// The engines a deployment configured for video translation. Together they decide which
/// languages Orator offers: a language is a target only if it can be translated into and
/// spoken.
public struct TranslationEngines: Sendable {
  public var translator: any TextTranslator
  public var recognizer: any SpeechRecognizer
  /// The voices of the speech engine that dubs (for espeak-ng, `EspeakSynthesizer.shared.voices`).
  public var voices: [VoiceDescriptor]

  public init(
    translator: any TextTranslator, recognizer: any SpeechRecognizer, voices: [VoiceDescriptor]
  ) {
    self.translator = translator
    self.recognizer = recognizer
    self.voices = voices
  }

  /// Every language some installed direction translates into and some voice speaks, sorted by
  /// name.
  public func targetLanguages() async throws(TranslationError) -> [TranslationLanguage] {
    let targets = Set(try await translator.pairs().map(\.target))
    return
      targets
      .compactMap { LanguageNames.language(code: $0) }
      .filter { VoicePicker.voice(for: $0, gender: nil, in: voices) != nil }
      .sorted { $0.name < $1.name }
  }

  /// Whether speech in `source` can be dubbed into `target` (ISO 639-1 codes). The same
  /// language needs only a voice: the video is re-voiced without translation.
  public func supports(source: String, target: String) async throws(TranslationError) -> Bool {
    guard let language = LanguageNames.language(code: target),
      VoicePicker.voice(for: language, gender: nil, in: voices) != nil
    else { return false }
    if source == target { return true }
    return try await translator.pairs().contains(LanguagePair(source: source, target: target))
  }
}
