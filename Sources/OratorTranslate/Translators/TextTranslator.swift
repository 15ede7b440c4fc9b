/// A machine-translation engine. Apertium is built in; LibreTranslate and OpenAI-compatible
/// chat servers are reached over HTTP.
public protocol TextTranslator: Sendable {
  /// Every direction this engine translates, as ISO 639-1 codes.
  func pairs() async throws(TranslationError) -> Set<LanguagePair>

  /// Translates each text from `source` to `target` (ISO 639-1 codes).
  ///
  /// One output per input, same order (sentences or script paragraphs); an empty or blank
  /// input gives an empty output.
  func translate(_ texts: [String], from source: String, to target: String)
    async throws(TranslationError) -> [String]
}

extension TextTranslator {
  /// Throws ``TranslationError/unsupportedPair(source:target:)`` unless the engine has the
  /// direction.
  func requirePair(from source: String, to target: String) async throws(TranslationError) {
    guard try await pairs().contains(LanguagePair(source: source, target: target)) else {
      throw .unsupportedPair(source: source, target: target)
    }
  }
}

/// Texts that have words to translate, with their positions, so engines see no blanks and
/// the results go back where they came from.
struct NonBlankTexts {
  var indices: [Int]
  var texts: [String]
  let count: Int

  init(_ texts: [String]) {
    count = texts.count
    indices = []
    self.texts = []
    for (index, text) in texts.enumerated() {
      // Line breaks inside one text would read as separators to line-based engines.
      let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard !flat.isEmpty else { continue }
      indices.append(index)
      self.texts.append(flat)
    }
  }

  /// The translations spread back over the original positions, blanks staying empty.
  func restored(_ translations: [String]) -> [String] {
    var result = [String](repeating: "", count: count)
    for (index, translation) in zip(indices, translations) { result[index] = translation }
    return result
  }
}
