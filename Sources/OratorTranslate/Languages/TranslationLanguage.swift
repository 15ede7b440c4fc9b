/// A language a video can be translated from or into, by its HeyGen-style English name
/// ("Spanish") and its ISO 639-1 code ("es").
public struct TranslationLanguage: Sendable, Hashable, Codable {
  /// English name as HeyGen lists it, for example "Spanish" or "Catalan".
  public let name: String
  /// ISO 639-1 code, for example "es".
  public let code: String

  public init(name: String, code: String) {
    self.name = name
    self.code = code
  }
}

/// A translation direction, as ISO 639-1 codes.
public struct LanguagePair: Sendable, Hashable, CustomStringConvertible {
  public let source: String
  public let target: String

  public init(source: String, target: String) {
    self.source = source
    self.target = target
  }

  public var description: String { "\(source)→\(target)" }
}
