import Foundation

/// Turns espeak-ng language tags into BCP 47 locales and English language names.
enum VoiceLocale {
  /// The canonical BCP 47 spelling of `tag`, with a region added for languages spoken mainly
  /// in one country ("es" → "es-ES"), as clients expect locales like those of other TTS
  /// services. "en-gb-x-rp" → "en-GB-x-rp", "cmn-latn-pinyin" → "cmn-Latn-pinyin".
  static func locale(fromTag tag: String) -> String {
    var subtags = tag.split(separator: "-").map(String.init)
    guard !subtags.isEmpty else { return tag }
    subtags[0] = subtags[0].lowercased()
    var inPrivateUse = false
    for index in subtags.indices.dropFirst() {
      let subtag = subtags[index]
      if inPrivateUse || subtag.count == 1 {
        // After a singleton such as "x", everything is lower case.
        inPrivateUse = true
        subtags[index] = subtag.lowercased()
      } else if subtag.count == 2, subtag.allSatisfy(\.isLetter) {
        subtags[index] = subtag.uppercased()
      } else if subtag.count == 4, subtag.allSatisfy(\.isLetter) {
        subtags[index] = subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased()
      } else {
        subtags[index] = subtag.lowercased()
      }
    }
    if subtags.count == 1, let region = defaultRegions[subtags[0]] {
      subtags.append(region)
    }
    return subtags.joined(separator: "-")
  }

  /// The language in English ("English", "Spanish") and, if espeak-ng names one, the accent
  /// or region ("US", "Latin America"), from an espeak-ng voice name such as
  /// "Spanish_(Latin_America)" and the voice's primary language subtag.
  static func languageAndAccent(espeakName: String, language code: String) -> (
    language: String, accent: String?
  ) {
    let spaced = espeakName.replacingOccurrences(of: "_", with: " ")
    var language = spaced
    var accent: String?
    if let open = spaced.firstIndex(of: "("), let close = spaced.lastIndex(of: ")"),
      open < close
    {
      language = String(spaced[..<open])
      accent = String(spaced[spaced.index(after: open)..<close])
    }
    if namesInParentheses.contains(code) { accent = nil }
    language = languageNames[code] ?? language.trimmingCharacters(in: .whitespaces)
    if let current = accent {
      for (long, short) in accentAbbreviations where current.hasPrefix(long) {
        accent = short + current.dropFirst(long.count)
      }
    }
    return (language, accent)
  }

  /// Languages whose espeak-ng name is not the usual English name of the language.
  private static let languageNames: [String: String] = [
    "ga": "Irish", "gd": "Scottish Gaelic", "grc": "Ancient Greek", "my": "Burmese",
    "nb": "Norwegian", "shn": "Shan", "hyw": "Armenian", "hy": "Armenian", "qdb": "Belter",
  ]

  /// Languages whose espeak-ng name puts the language itself in parentheses, e.g.
  /// "Gaelic_(Irish)", rather than an accent.
  private static let namesInParentheses: Set<String> = ["ga", "gd", "grc", "my", "shn"]

  private static let accentAbbreviations = [("America", "US"), ("Great Britain", "UK")]

  /// Regions for a bare language tag; languages spoken widely in many countries without one
  /// clear default (Arabic, Esperanto, Latin, …) stay bare.
  private static let defaultRegions: [String: String] = [
    "af": "ZA", "bg": "BG", "bn": "BD", "bs": "BA", "ca": "ES", "cs": "CZ", "cy": "GB",
    "da": "DK", "de": "DE", "el": "GR", "es": "ES", "et": "EE", "eu": "ES", "fa": "IR",
    "fi": "FI", "ga": "IE", "gd": "GB", "gu": "IN", "he": "IL", "hi": "IN", "hr": "HR",
    "hu": "HU", "hy": "AM", "id": "ID", "is": "IS", "it": "IT", "ja": "JP", "ka": "GE",
    "kk": "KZ", "kn": "IN", "ko": "KR", "lt": "LT", "lv": "LV", "mk": "MK", "ml": "IN",
    "mr": "IN", "ms": "MY", "mt": "MT", "nb": "NO", "ne": "NP", "nl": "NL", "pa": "IN",
    "pl": "PL", "pt": "PT", "ro": "RO", "ru": "RU", "sk": "SK", "sl": "SI", "sq": "AL",
    "sr": "RS", "sv": "SE", "sw": "KE", "ta": "IN", "te": "IN", "th": "TH", "tr": "TR",
    "uk": "UA", "ur": "PK", "vi": "VN", "cmn": "CN", "yue": "HK",
  ]
}
