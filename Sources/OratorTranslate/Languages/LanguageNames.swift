import Foundation

/// HeyGen-style language names and their codes, with a lenient lookup for what clients send:
/// "Spanish", "spanish", "es", "es-ES", "spa", "Spanish (Spain)", "English - American Accent".
public enum LanguageNames {
  /// The language a name, a code or a name with an accent or region refers to.
  public static func language(named text: String) -> TranslationLanguage? {
    let key = normalized(text)
    guard !key.isEmpty else { return nil }
    if let entry = byName[key] { return entry.language }
    if let entry = byCode(key) { return entry.language }
    // "Spanish (Spain)", "English - American Accent", "Chinese (Mandarin, Simplified)":
    // the language is the part before the qualifier.
    for separator in ["(", " - ", ",", "–"] {
      if let range = key.range(of: separator) {
        let head = key[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        if head != key, let language = language(named: head) { return language }
      }
    }
    return nil
  }

  /// The language with this ISO 639-1 or 639-2/3 code, or a BCP 47 tag such as "es-ES".
  public static func language(code: String) -> TranslationLanguage? {
    byCode(normalized(code))?.language
  }

  /// The ISO 639-1 code for a two- or three-letter code (Apertium and Whisper use both).
  public static func isoCode(_ code: String) -> String? {
    byCode(normalized(code))?.code
  }

  private static func byCode(_ key: String) -> Entry? {
    // A BCP 47 tag's first subtag is the language: "es-419", "pt_BR", "zh-Hans".
    let primary = key.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init)
    guard let primary, (2...3).contains(primary.count) else { return nil }
    return byTwoLetter[primary] ?? byThreeLetter[primary]
  }

  private static func normalized(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  private struct Entry {
    var code: String
    var name: String
    /// ISO 639-2/B, 639-2/T and 639-3 codes, as Apertium names its modes.
    var longCodes: [String]
    /// Other names clients use.
    var aliases: [String] = []

    var language: TranslationLanguage { TranslationLanguage(name: name, code: code) }
  }

  /// One row per language: the ISO 639-1 code (the 639-3 code where 639-1 has none, as for Cantonese), HeyGen's
  /// name, the longer codes, other names.
  private static let entries: [Entry] = [
    Entry(code: "af", name: "Afrikaans", longCodes: ["afr"]),
    Entry(code: "am", name: "Amharic", longCodes: ["amh"]),
    Entry(code: "an", name: "Aragonese", longCodes: ["arg"]),
    Entry(code: "ar", name: "Arabic", longCodes: ["ara"]),
    Entry(code: "as", name: "Assamese", longCodes: ["asm"]),
    Entry(code: "az", name: "Azerbaijani", longCodes: ["aze"]),
    Entry(code: "be", name: "Belarusian", longCodes: ["bel"]),
    Entry(code: "bg", name: "Bulgarian", longCodes: ["bul"]),
    Entry(code: "bn", name: "Bengali", longCodes: ["ben"], aliases: ["Bangla"]),
    Entry(code: "br", name: "Breton", longCodes: ["bre"]),
    Entry(code: "bs", name: "Bosnian", longCodes: ["bos"]),
    Entry(code: "ca", name: "Catalan", longCodes: ["cat"], aliases: ["Valencian"]),
    Entry(code: "cs", name: "Czech", longCodes: ["ces", "cze"]),
    Entry(code: "cy", name: "Welsh", longCodes: ["cym", "wel"]),
    Entry(code: "da", name: "Danish", longCodes: ["dan"]),
    Entry(code: "de", name: "German", longCodes: ["deu", "ger"]),
    Entry(code: "el", name: "Greek", longCodes: ["ell", "gre"]),
    Entry(code: "en", name: "English", longCodes: ["eng"]),
    Entry(code: "eo", name: "Esperanto", longCodes: ["epo"]),
    Entry(code: "es", name: "Spanish", longCodes: ["spa"], aliases: ["Castilian"]),
    Entry(code: "et", name: "Estonian", longCodes: ["est"]),
    Entry(code: "eu", name: "Basque", longCodes: ["eus", "baq"]),
    Entry(code: "fa", name: "Persian", longCodes: ["fas", "per"], aliases: ["Farsi"]),
    Entry(code: "fi", name: "Finnish", longCodes: ["fin"]),
    Entry(code: "tl", name: "Filipino", longCodes: ["fil", "tgl"], aliases: ["Tagalog"]),
    Entry(code: "fr", name: "French", longCodes: ["fra", "fre"]),
    Entry(code: "ga", name: "Irish", longCodes: ["gle"]),
    Entry(code: "gd", name: "Scottish Gaelic", longCodes: ["gla"], aliases: ["Gaelic"]),
    Entry(code: "gl", name: "Galician", longCodes: ["glg"]),
    Entry(code: "gu", name: "Gujarati", longCodes: ["guj"]),
    Entry(code: "he", name: "Hebrew", longCodes: ["heb"]),
    Entry(code: "hi", name: "Hindi", longCodes: ["hin"]),
    Entry(code: "hr", name: "Croatian", longCodes: ["hrv"]),
    Entry(code: "hu", name: "Hungarian", longCodes: ["hun"]),
    Entry(code: "hy", name: "Armenian", longCodes: ["hye", "arm"]),
    Entry(code: "id", name: "Indonesian", longCodes: ["ind"]),
    Entry(code: "is", name: "Icelandic", longCodes: ["isl", "ice"]),
    Entry(code: "it", name: "Italian", longCodes: ["ita"]),
    Entry(code: "ja", name: "Japanese", longCodes: ["jpn"]),
    Entry(code: "jv", name: "Javanese", longCodes: ["jav"]),
    Entry(code: "ka", name: "Georgian", longCodes: ["kat", "geo"]),
    Entry(code: "kk", name: "Kazakh", longCodes: ["kaz"]),
    Entry(code: "km", name: "Khmer", longCodes: ["khm"]),
    Entry(code: "kn", name: "Kannada", longCodes: ["kan"]),
    Entry(code: "ko", name: "Korean", longCodes: ["kor"]),
    Entry(code: "ky", name: "Kyrgyz", longCodes: ["kir"]),
    Entry(code: "la", name: "Latin", longCodes: ["lat"]),
    Entry(code: "lo", name: "Lao", longCodes: ["lao"]),
    Entry(code: "lt", name: "Lithuanian", longCodes: ["lit"]),
    Entry(code: "lv", name: "Latvian", longCodes: ["lav"]),
    Entry(code: "mk", name: "Macedonian", longCodes: ["mkd", "mac"]),
    Entry(code: "ml", name: "Malayalam", longCodes: ["mal"]),
    Entry(code: "mn", name: "Mongolian", longCodes: ["mon"]),
    Entry(code: "mr", name: "Marathi", longCodes: ["mar"]),
    Entry(code: "ms", name: "Malay", longCodes: ["msa", "may", "zlm"]),
    Entry(code: "mt", name: "Maltese", longCodes: ["mlt"]),
    Entry(code: "my", name: "Burmese", longCodes: ["mya", "bur"]),
    Entry(
      code: "nb", name: "Norwegian", longCodes: ["nob", "nor"],
      aliases: ["Norwegian Bokmal", "Bokmal"]),
    Entry(code: "ne", name: "Nepali", longCodes: ["nep"]),
    Entry(code: "nl", name: "Dutch", longCodes: ["nld", "dut"], aliases: ["Flemish"]),
    Entry(code: "nn", name: "Norwegian Nynorsk", longCodes: ["nno"], aliases: ["Nynorsk"]),
    Entry(code: "oc", name: "Occitan", longCodes: ["oci"]),
    Entry(code: "pa", name: "Punjabi", longCodes: ["pan"]),
    Entry(code: "pl", name: "Polish", longCodes: ["pol"]),
    Entry(code: "ps", name: "Pashto", longCodes: ["pus"]),
    Entry(code: "pt", name: "Portuguese", longCodes: ["por"]),
    Entry(code: "ro", name: "Romanian", longCodes: ["ron", "rum"], aliases: ["Moldovan"]),
    Entry(code: "ru", name: "Russian", longCodes: ["rus"]),
    Entry(code: "sc", name: "Sardinian", longCodes: ["srd"]),
    Entry(code: "si", name: "Sinhala", longCodes: ["sin"]),
    Entry(code: "sk", name: "Slovak", longCodes: ["slk", "slo"]),
    Entry(code: "sl", name: "Slovenian", longCodes: ["slv"], aliases: ["Slovene"]),
    Entry(code: "so", name: "Somali", longCodes: ["som"]),
    Entry(code: "sq", name: "Albanian", longCodes: ["sqi", "alb"]),
    Entry(code: "sr", name: "Serbian", longCodes: ["srp", "hbs"]),
    Entry(code: "sv", name: "Swedish", longCodes: ["swe"]),
    Entry(code: "sw", name: "Swahili", longCodes: ["swa"]),
    Entry(code: "ta", name: "Tamil", longCodes: ["tam"]),
    Entry(code: "te", name: "Telugu", longCodes: ["tel"]),
    Entry(code: "th", name: "Thai", longCodes: ["tha"]),
    Entry(code: "tr", name: "Turkish", longCodes: ["tur"]),
    Entry(code: "uk", name: "Ukrainian", longCodes: ["ukr"]),
    Entry(code: "ur", name: "Urdu", longCodes: ["urd"]),
    Entry(code: "uz", name: "Uzbek", longCodes: ["uzb"]),
    Entry(code: "vi", name: "Vietnamese", longCodes: ["vie"]),
    Entry(code: "yue", name: "Cantonese", longCodes: ["yue"]),
    Entry(code: "zh", name: "Chinese", longCodes: ["zho", "chi", "cmn"], aliases: ["Mandarin"]),
    Entry(code: "zu", name: "Zulu", longCodes: ["zul"]),
  ]

  private static let byTwoLetter = Dictionary(
    entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
  private static let byThreeLetter = Dictionary(
    entries.flatMap { entry in entry.longCodes.map { ($0, entry) } },
    uniquingKeysWith: { first, _ in first })
  private static let byName = Dictionary(
    entries.flatMap { entry in
      ([entry.name] + entry.aliases).map { (normalized($0), entry) }
    }, uniquingKeysWith: { first, _ in first })
}
