import HeyGenAPI

/// The id of a video translation, as `POST /v3/video-translations` (or v2's
/// `/v2/video_translate`) returns it.
public typealias TranslationID = Identifier<IdentifierKind.VideoTranslation>

/// What a translation's status says, in the type this SDK has always returned.
public typealias TranslationStatus = VideoTranslateStatusData

/// Video translations through v3 (`/v3/video-translations…`: create, status, list, rename,
/// delete, languages), which HeyGen serves for new work. A translation of an Orator video
/// named by its id (`videoId`, an Orator extension v3 has no field for) goes through
/// `/v2/video_translate`; one of a URL or of an uploaded asset (``create(assetID:_:)``)
/// through v3.
public struct Translations: Sendable {
  let transport: Transport

  /// Starts translating a video; with `outputLanguages`, one translation per language, ids
  /// in the request's order.
  public func create(_ request: VideoTranslateRequest) async throws(HeyGenError)
    -> [TranslationID]
  {
    guard let body = V3TranslationBody(request) else {
      let result = try await transport.require(
        .POST, "/v2/video_translate", body: Transport.json(request), envelope: .v2,
        as: VideoTranslateResult.self)
      return result.videoTranslateIds.map { TranslationID($0) }
    }
    let created = try await transport.require(
      .POST, "/v3/video-translations", body: Transport.json(body), envelope: .v3,
      as: V3VideoTranslationCreated.self)
    return created.videoTranslationIds.map { TranslationID($0) }
  }

  /// Starts translating an uploaded asset (``Assets/upload(file:)``): v3's `video` of type
  /// `asset_id`. The request's other fields apply; its `videoUrl` and `videoId` are not used.
  public func create(assetID: String, _ request: VideoTranslateRequest) async throws(HeyGenError)
    -> [TranslationID]
  {
    let body = V3TranslationBody(request, video: .init(type: "asset_id", assetId: assetID))
    let created = try await transport.require(
      .POST, "/v3/video-translations", body: Transport.json(body), envelope: .v3,
      as: V3VideoTranslationCreated.self)
    return created.videoTranslationIds.map { TranslationID($0) }
  }

  /// Every translation of the account, newest first, following the pages.
  public func list() async throws(HeyGenError) -> [TranslationStatus] {
    try await transport.all("/v3/video-translations", as: V3VideoTranslation.self)
      .map(TranslationStatus.init(v3:))
  }

  /// Gives the translation a new title and returns it as it now is.
  public func rename(id: TranslationID, title: String) async throws(HeyGenError)
    -> TranslationStatus
  {
    let translation = try await transport.require(
      .PATCH, "/v3/video-translations/\(Path.segment(id.rawValue))",
      body: Transport.json(["title": title]), envelope: .v3, as: V3VideoTranslation.self)
    return TranslationStatus(v3: translation)
  }

  /// Deletes the translation and its files.
  public func delete(id: TranslationID) async throws(HeyGenError) {
    _ = try await transport.require(
      .DELETE, "/v3/video-translations/\(Path.segment(id.rawValue))", envelope: .v3,
      as: V3DeletedResource.self)
  }

  /// Where the translation is: `pending`, `running`, `success` (with `url`) or `failed`.
  /// `outputLanguage` is v3's language code (`es`).
  public func status(id: TranslationID) async throws(HeyGenError) -> TranslationStatus {
    let translation = try await transport.require(
      .GET, "/v3/video-translations/\(Path.segment(id.rawValue))", envelope: .v3,
      as: V3VideoTranslation.self)
    return TranslationStatus(v3: translation)
  }

  /// The language names `outputLanguages` accepts.
  public func targetLanguages() async throws(HeyGenError) -> [String] {
    let data = try await transport.require(
      .GET, "/v3/video-translations/languages", envelope: .v3, as: V3TranslationLanguages.self)
    return data.languages
  }
}

/// A v2 translate request as v3's body: nil when it names the source by Orator video id,
/// which v3 cannot say.
private struct V3TranslationBody: Encodable {
  /// v3's AssetInput: a URL or an uploaded asset.
  struct Video: Encodable {
    var type = "url"
    var url: String?
    var assetId: String?

    enum CodingKeys: String, CodingKey {
      case type, url
      case assetId = "asset_id"
    }
  }
  var video: Video
  var outputLanguages: [String]
  var title: String?
  var inputLanguage: String?
  var translateAudioOnly: Bool?
  var enableCaption: Bool?
  var callbackId: String?
  var callbackUrl: String?

  init?(_ request: VideoTranslateRequest) {
    guard request.videoId == nil, let url = request.videoUrl else { return nil }
    self.init(request, video: Video(url: url))
  }

  init(_ request: VideoTranslateRequest, video: Video) {
    self.video = video
    outputLanguages = request.outputLanguages ?? request.outputLanguage.map { [$0] } ?? []
    title = request.title
    inputLanguage = request.inputLanguage
    translateAudioOnly = request.translateAudioOnly
    enableCaption = request.enableCaption
    callbackId = request.callbackId
    callbackUrl = request.callbackUrl
  }

  enum CodingKeys: String, CodingKey {
    case video, title
    case outputLanguages = "output_languages"
    case inputLanguage = "input_language"
    case translateAudioOnly = "translate_audio_only"
    case enableCaption = "enable_caption"
    case callbackId = "callback_id"
    case callbackUrl = "callback_url"
  }
}

extension TranslationStatus {
  /// v3's translation resource in the status type this SDK has always returned.
  init(v3 translation: V3VideoTranslation) {
    let state: VideoTranslateState =
      switch translation.status {
      case "completed": .success
      case "running", "processing": .running
      case "failed": .failed
      default: .pending
      }
    self.init(
      videoTranslateId: translation.id, title: translation.title ?? "", status: state,
      url: translation.videoUrl, message: translation.failureMessage,
      outputLanguage: translation.outputLanguage ?? "", inputLanguage: translation.inputLanguage,
      duration: translation.duration, captionUrl: translation.srtCaptionUrl,
      callbackId: translation.callbackId, createdAt: translation.createdAt ?? 0)
  }
}
