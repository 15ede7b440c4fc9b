import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v3/video-translations`, `GET /v3/video-translations[/{id}]`,
/// `PATCH`/`DELETE /v3/video-translations/{id}`, `GET /v3/video-translations/languages`:
/// the same translations as v2's `/v2/video_translate`, in v3's shapes.
struct V3TranslationRoutes {
  let environment: ServerEnvironment
  let idempotency: IdempotentRequests

  func register(on router: inout RouterRegistry) {
    router.post("/v3/video-translations", create)
    router.get("/v3/video-translations", list)
    router.get("/v3/video-translations/languages", languages)
    router.get("/v3/video-translations/statuses", statuses)
    router.get("/v3/video-translations/:video_translation_id", get)
    router.patch("/v3/video-translations/:video_translation_id", rename)
    router.delete("/v3/video-translations/:video_translation_id", delete)
  }

  private func translations(_ context: AppRequestContext) throws -> TranslationRequests {
    TranslationRequests(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    return try await idempotency.answer(
      request, account: account.id, endpoint: "POST /v3/video-translations"
    ) {
      let body = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
      let create: V3VideoTranslationRequest = try RequestBody.decode(body, envelope: .v3)
      let videoURL: String
      switch create.video {
      case .url(let url): videoURL = url
      case .assetId(let id):
        let assets = AssetService(environment: environment, account: account.id)
        videoURL = assets.link(try assets.asset(id))
      case .base64:
        throw ApplicationError.invalid(
          InvalidField(path: "video.type", message: "must be url or asset_id"))
      }
      guard !create.outputLanguages.isEmpty else {
        throw ApplicationError.invalid(
          InvalidField(path: "output_languages", message: "must name a language", isMissing: true))
      }
      let translate = VideoTranslateRequest(
        videoUrl: videoURL, outputLanguages: create.outputLanguages, title: create.title,
        translateAudioOnly: create.translateAudioOnly, inputLanguage: create.inputLanguage,
        enableCaption: create.enableCaption, callbackId: create.callbackId,
        callbackUrl: create.callbackUrl)
      let ids: [ResourceID]
      do {
        ids = try await translations(context).submit(translate, envelope: .v3)
      } catch var error as APIError {
        // The shared checks name v2's fields; a v3 client is told its own.
        error.param = error.param.map(Self.v3Field)
        error.message = error.message.replacingOccurrences(of: "video_url", with: "video")
        throw error
      }
      return try JSONReply(
        V3Envelope(data: V3VideoTranslationCreated(videoTranslationIds: ids.map(\.rawValue))))
    }
  }

  @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
    let found = try await translations(context).translation(
      context.parameters.get("video_translation_id") ?? "")
    return try JSONResponse.v3(presented(found.video, found.spec))
  }

  /// Up to 100 ids (`V3BulkStatuses`), in the bulk vocabulary shared with videos.
  @Sendable func statuses(_ request: Request, context: AppRequestContext) async throws -> Response {
    let translations = try translations(context)
    let ids = try V3BulkStatuses.ids(request, parameter: "video_translation_ids")
    let rows = try await V3BulkStatuses.rows(ids) { try await translations.translation($0).video }
    return try JSONResponse.v3List(rows, nextToken: nil)
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let pagination = try V3Pagination(request, defaultLimit: 10, maxLimit: 100)
    let after = try pagination.videoPageToken()
    let page = try await VideoService(environment: environment, account: account.id).list(
      VideoListQuery(limit: pagination.limit, after: after, kind: .translated))
    let items = page.videos.compactMap { view in
      TranslationSpec.decode(view.record.request).map { presented(view.record, $0) }
    }
    return try JSONResponse.v3List(items, nextToken: page.next?.string)
  }

  @Sendable func rename(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let found = try await translations(context).translation(
      context.parameters.get("video_translation_id") ?? "")
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
    let update: V3TitleUpdate = try RequestBody.decode(body, envelope: .v3)
    do {
      try TextLength.check(update.title, limit: TextLength.title, at: "title")
    } catch {
      throw ApplicationError.invalid(error)
    }
    guard
      let renamed = try await environment.store.renameVideo(
        id: found.video.id, account: account.id, title: update.title)
    else {
      throw ApplicationError.notFound(.translation, id: found.video.id.rawValue)
    }
    return try JSONResponse.v3(presented(renamed, found.spec))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let found = try await translations(context).translation(
      context.parameters.get("video_translation_id") ?? "")
    try await VideoService(environment: environment, account: account.id).delete(
      found.video.id.rawValue)
    return try JSONResponse.v3(V3DeletedResource(id: found.video.id.rawValue))
  }

  @Sendable func languages(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let languages = try await TranslateRequestCheck.offeredLanguages(
      environment.translation, envelope: .v3)
    return try JSONResponse.v3(V3TranslationLanguages(languages: languages.map(\.name)))
  }

  private func presented(_ video: VideoRecord, _ spec: TranslationSpec) -> V3VideoTranslation {
    let v2 = TranslationPresenter(environment: environment).status(video, spec)
    let done = video.status == .completed
    return V3VideoTranslation(
      id: video.id.rawValue, status: Self.status(video.status), title: video.title,
      // Codes here (`es`), where v2 says names: v3 documents both as language codes.
      inputLanguage: spec.inputLanguageCode ?? video.spokenLanguage,
      outputLanguage: spec.outputLanguageCode,
      duration: v2.duration, createdAt: video.createdAt, callbackId: video.callbackId,
      translateAudioOnly: spec.audioOnly, videoUrl: v2.url,
      audioUrl: done
        ? video.files.video.flatMap {
          TranslationAudio.file(besideVideo: $0, media: environment.media)
        }.map(environment.signedMediaURL) : nil,
      // v3 gives the caption files only to a translation that asked for captions.
      srtCaptionUrl: done && spec.captions
        ? video.files.captionsSRT.map(environment.signedMediaURL) : nil,
      vttCaptionUrl: done && spec.captions
        ? video.files.captionsVTT.map(environment.signedMediaURL) : nil,
      failureMessage: v2.message)
  }

  /// v3's translation vocabulary: `running` where a video is `processing`.
  private static func status(_ status: VideoStatus) -> String {
    status == .processing ? "running" : status.rawValue
  }

  private static func v3Field(_ path: String) -> String {
    if path == "video_url" || path == "video_id" { return "video" }
    return path == "output_language" ? "output_languages" : path
  }
}
