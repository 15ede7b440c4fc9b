import Foundation

/// A checked translate request as the store keeps it (the video row's `request`): where the
/// original comes from, the one target language, and the options that shape the result. Each
/// language of a multi-language request becomes its own translation with its own spec.
public struct TranslationSpec: Sendable, Equatable, Codable {
  /// Where the video to translate comes from.
  public enum Source: Sendable, Equatable, Codable {
    /// One of the account's own rendered videos: its script is known, so it is re-rendered
    /// with translated scripts and a voice of the target language (lip-synced).
    case renderedVideo(id: ResourceID)
    /// One of the account's uploaded assets.
    case asset(id: String)
    /// Any other URL, fetched under the outbound address rules when the job runs.
    case url(String)
  }

  public var source: Source
  /// The HeyGen-style name the client asked for, echoed back as `output_language`.
  public var outputLanguage: String
  /// ISO 639-1 code of the target language.
  public var outputLanguageCode: String
  /// ISO 639-1 code of the source language when the client named it; detected otherwise.
  public var inputLanguageCode: String?
  public var title: String
  /// Keep the original picture and replace only the speech.
  public var audioOnly: Bool
  /// Burn target-language captions into the picture.
  public var captions: Bool

  public init(
    source: Source, outputLanguage: String, outputLanguageCode: String,
    inputLanguageCode: String? = nil, title: String, audioOnly: Bool = false,
    captions: Bool = false
  ) {
    self.source = source
    self.outputLanguage = outputLanguage
    self.outputLanguageCode = outputLanguageCode
    self.inputLanguageCode = inputLanguageCode
    self.title = title
    self.audioOnly = audioOnly
    self.captions = captions
  }

  /// Reads a stored spec; nil for a row that is not a translation.
  public static func decode(_ data: Data) -> TranslationSpec? {
    try? JSONDecoder().decode(TranslationSpec.self, from: data)
  }

  public func encoded() -> Data {
    // Encoding a struct of strings and booleans cannot fail.
    (try? JSONEncoder().encode(self)) ?? Data()
  }
}
