/// Builds the voice list from the voices espeak-ng has installed: a female and a male voice
/// per language or accent, plus extra English (US) voices. espeak-ng's voices are all male;
/// a female voice is the same language with a female variant.
enum EspeakVoiceCatalog {
  /// The variants used, in order of preference, per gender; the first voice of a locale uses
  /// the first installed variant, extra voices the next ones. An empty name is the plain voice.
  static let femaleVariants = ["f2", "f4", "f3", "f1", "f5"]
  static let maleVariants = ["", "m3", "m1", "m2", "m4"]
  /// How many voices of each gender a locale gets.
  static let extraVoices: [String: Int] = ["en-US": 2]

  static func voices(
    installed: [EspeakEngine.InstalledVoice], variants: Set<String>
  ) -> [VoiceDescriptor] {
    var catalogue: [VoiceDescriptor] = []
    var usedLocales: Set<String> = []
    let ordered = installed.sorted {
      ($0.languages.first ?? "", $0.identifier) < ($1.languages.first ?? "", $1.identifier)
    }
    for voice in ordered {
      // MBROLA voices need the mbrola program and data, which are not installed.
      guard let tag = voice.languages.first, !voice.identifier.hasPrefix("mb/") else { continue }
      // Two voices can claim one language (Cantonese written two ways); the second is then
      // named after its file, e.g. "yue-Latn-jyutping".
      var locale = VoiceLocale.locale(fromTag: tag)
      if usedLocales.contains(locale.lowercased()) {
        let file = voice.identifier.split(separator: "/").last.map(String.init) ?? tag
        locale = VoiceLocale.locale(fromTag: file)
      }
      guard usedLocales.insert(locale.lowercased()).inserted else { continue }

      let code = locale.split(separator: "-").first.map(String.init) ?? locale
      let (language, accent) = VoiceLocale.languageAndAccent(espeakName: voice.name, language: code)
      let count = extraVoices[locale] ?? 1
      for (gender, preferred) in [("female", femaleVariants), ("male", maleVariants)] {
        let available = preferred.filter { $0.isEmpty || variants.contains($0) }
        for number in 1...count where number <= available.count {
          let variant = available[number - 1]
          let firstName = PresenterNames.name(locale: locale, gender: gender, number: number)
          let label = accent.map { "\(language) (\($0))" } ?? language
          catalogue.append(
            VoiceDescriptor(
              id: locale.lowercased() + "-" + gender + (number > 1 ? "-\(number)" : ""),
              name: "\(firstName) · \(label)", language: language, locale: locale,
              gender: gender, engineVoice: voice.identifier,
              engineVariant: variant.isEmpty ? nil : variant))
        }
      }
    }
    return catalogue.sorted { $0.id < $1.id }
  }
}
