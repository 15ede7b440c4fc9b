import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v2/video_translate`, `GET /v2/video_translate/<id>`,
/// `GET /v2/video_translate/target_languages`. Translations are videos of kind `translated`:
/// they share the queue, the listing (`type: TRANSLATED`) and deletion with rendered videos.
struct TranslationRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.post("/v2/video_translate", translate)
    router.get("/v2/video_translate/target_languages", targetLanguages)
    router.get("/v2/video_translate/:id", status)
  }

  @Sendable func translate(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let account = try context.requireAccount()
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    let translate: VideoTranslateRequest = try RequestBody.decode(body, envelope: .v2)
    let ids = try await TranslationRequests(environment: environment, account: account.id)
      .submit(translate, envelope: .v2).map(\.rawValue)
    return try JSONResponse.v2(
      VideoTranslateResult(videoTranslateId: ids[0], videoTranslateIds: ids))
  }

  @Sendable func targetLanguages(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let languages = try await TranslateRequestCheck.offeredLanguages(environment.translation)
    return try JSONResponse.v2(TargetLanguagesData(languages: languages.map(\.name)))
  }

  @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let found = try await TranslationRequests(environment: environment, account: account.id)
      .translation(context.parameters.get("id") ?? "")
    return try JSONResponse.v2(
      TranslationPresenter(environment: environment).status(found.video, found.spec))
  }
}

/// A translation as `GET /v2/video_translate/<id>` shows it, with freshly signed links.
struct TranslationPresenter {
  let environment: ServerEnvironment

  func status(_ video: VideoRecord, _ spec: TranslationSpec) -> VideoTranslateStatusData {
    let done = video.status == .completed
    // With captions asked for, the link is the copy that shows them.
    let file = spec.captions ? (video.files.captionedVideo ?? video.files.video) : video.files.video
    let message = video.failure.map { failure in
      failure.detail.map { "\(failure.message): \($0)" } ?? failure.message
    }
    return VideoTranslateStatusData(
      videoTranslateId: video.id.rawValue, title: video.title,
      status: video.status.translationState,
      url: done ? file.map(environment.signedMediaURL) : nil, message: message,
      outputLanguage: spec.outputLanguage,
      inputLanguage: (spec.inputLanguageCode ?? video.spokenLanguage).map(
        TranslateRequestCheck.name(ofCode:)),
      duration: done ? video.duration : nil,
      captionUrl: done ? video.files.captionsSRT.map(environment.signedMediaURL) : nil,
      callbackId: video.callbackId, createdAt: video.createdAt)
  }
}
