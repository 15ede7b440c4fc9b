import OratorRender

/// Chooses the voice that dubs a language.
public enum VoicePicker {
  /// A voice that speaks `language`, of `gender` ("female"/"male") when the language has one.
  /// Voices of the language's main locale (es-ES before es-419) come first, then by id, so the
  /// choice is stable.
  public static func voice(
    for language: TranslationLanguage, gender: String?, in voices: [VoiceDescriptor]
  ) -> VoiceDescriptor? {
    let speakers = voices.filter { voiceCode($0) == language.code }
    guard !speakers.isEmpty else { return nil }
    let wanted = gender?.lowercased()
    return speakers.min { a, b in
      rank(a, language: language, gender: wanted) < rank(b, language: language, gender: wanted)
    }
  }

  /// Languages whose most widely heard accent is not named like the language.
  private static let homeRegions = ["en": "us", "pt": "br", "zh": "cn", "sv": "se", "da": "dk"]

  private static func voiceCode(_ voice: VoiceDescriptor) -> String? {
    LanguageNames.language(code: voice.locale)?.code
  }

  private static func rank(_ voice: VoiceDescriptor, language: TranslationLanguage, gender: String?)
    -> (Int, Int, Int, Int, String)
  {
    let genderRank = gender == nil || voice.gender.lowercased() == gender ? 0 : 1
    // A neural voice (Piper, a speech server) sounds far more natural than espeak-ng.
    let neuralRank = voice.engine == .espeak ? 1 : 0
    let region = voice.locale.split(separator: "-").dropFirst().first?.lowercased()
    // "es-ES", "fr-FR", "en-US", or a bare "ca": the locale most listeners expect.
    let home = homeRegions[language.code] ?? language.code
    let homeRank = region == nil || region == home ? 0 : 1
    // Extra voices of a locale ("en-us-female-2") come after its first.
    let extraRank = voice.id.last?.isNumber == true ? 1 : 0
    return (genderRank, neuralRank, homeRank, extraRank, voice.id)
  }
}
