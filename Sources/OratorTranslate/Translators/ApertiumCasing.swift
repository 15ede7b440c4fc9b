/// Apertium capitalises some words in the middle of a sentence — after an interjection
/// ("Hello and welcome." → "Hola Y bienvenido.", "Thank you for watching." → "Gracias Para
/// mirar.") — which captions then show. When the source sentence has no capital past its
/// first word (so no names to keep), no word in the middle of the translation should have one
/// either. Sources with names are left as Apertium wrote them.
enum ApertiumCasing {
  static func restored(_ translation: String, source: String, target: String) -> String {
    guard !hasMidSentenceCapital(source) else { return translation }
    var result: [Substring] = []
    var sentenceStart = true
    for word in translation.split(separator: " ", omittingEmptySubsequences: false) {
      if !sentenceStart && isCapitalised(word) && !keepsCapital(word, target: target) {
        result.append(Substring(word.prefix(1).lowercased() + word.dropFirst()))
      } else {
        result.append(word)
      }
      if !word.isEmpty { sentenceStart = endsSentence(word) }
    }
    return result.joined(separator: " ")
  }

  /// True when a word other than a sentence's first starts with a capital (a name, say).
  static func hasMidSentenceCapital(_ text: String) -> Bool {
    var sentenceStart = true
    for word in text.split(separator: " ") {
      if !sentenceStart && isCapitalised(word) && !keepsCapital(word, target: "en") {
        return true
      }
      sentenceStart = endsSentence(word)
    }
    return false
  }

  /// One capital then lower case: "Para", not "TV" (an acronym) or "para".
  private static func isCapitalised(_ word: Substring) -> Bool {
    let letters = word.filter(\.isLetter)
    guard let first = letters.first, first.isUppercase else { return false }
    return letters.dropFirst().contains(where: \.isLowercase) || letters.count == 1
  }

  /// English "I" and its contractions are always capitalised.
  private static func keepsCapital(_ word: Substring, target: String) -> Bool {
    guard target == "en" else { return false }
    let bare = word.filter { $0.isLetter || $0 == "'" }
    return bare == "I" || bare.hasPrefix("I'")
  }

  private static func endsSentence(_ word: Substring) -> Bool {
    guard let last = word.last(where: { !"\"')»”".contains($0) }) else { return false }
    return ".!?¡¿…:".contains(last)
  }
}
