import HeyGenAPI

/// The id of a video translation, as `POST /v2/video_translate` returns it.
public typealias TranslationID = Identifier<IdentifierKind.VideoTranslation>

/// What `GET /v2/video_translate/<id>` says about a translation.
public typealias TranslationStatus = VideoTranslateStatusData

/// `POST /v2/video_translate`, `GET /v2/video_translate/<id>` and
/// `GET /v2/video_translate/target_languages`.
public struct Translations: Sendable {
  let transport: Transport

  /// Starts translating a video; with `outputLanguages`, one translation per language, ids
  /// in the request's order.
  public func create(_ request: VideoTranslateRequest) async throws(HeyGenError)
    -> [TranslationID]
  {
    let result = try await transport.require(
      .POST, "/v2/video_translate", body: Transport.json(request), envelope: .v2,
      as: VideoTranslateResult.self)
    return result.videoTranslateIds.map { TranslationID($0) }
  }

  /// Where the translation is: `pending`, `running`, `success` (with `url`) or `failed`.
  public func status(id: TranslationID) async throws(HeyGenError) -> TranslationStatus {
    try await transport.require(
      .GET, "/v2/video_translate/\(Path.segment(id.rawValue))", envelope: .v2)
  }

  /// The language names `output_language` accepts.
  public func targetLanguages() async throws(HeyGenError) -> [String] {
    let data = try await transport.require(
      .GET, "/v2/video_translate/target_languages", envelope: .v2, as: TargetLanguagesData.self)
    return data.languages
  }
}
