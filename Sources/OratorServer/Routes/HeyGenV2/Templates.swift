import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore
import OratorRender

/// `GET /v2/templates`, `GET /v2/template/<id>`, `POST /v2/template/<id>/generate`, and
/// Orator's way to make templates without a studio: `POST /v2/template` (a generate body
/// with `{{placeholders}}`, or `{"from_video_id"}`), `PATCH` and `DELETE /v2/template/<id>`.
struct TemplateRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v2/templates", list)
    router.post("/v2/template", create)
    router.get("/v2/template/:template_id", show)
    router.patch("/v2/template/:template_id", update)
    router.delete("/v2/template/:template_id", delete)
    router.post("/v2/template/:template_id/generate", generate)
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let templates = try await TemplateService(environment: environment, account: account.id)
      .list()
    let presenter = TemplatePresenter(environment: environment)
    return try JSONResponse.v2(TemplateListData(templates: templates.map(presenter.listItem)))
  }

  @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let template = try await find(context, account: account)
    return try JSONResponse.v2(TemplatePresenter(environment: environment).detail(template))
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    var document = try await readDocument(request)
    if let videoID = document.fromVideoId {
      document = try await fromVideo(videoID, name: document.name, account: account)
    }
    let template: TemplateRecord
    do {
      template = try document.makeTemplate(
        id: ResourceID(random: environment.random), account: account.id,
        now: environment.clock.now().unixSeconds)
    } catch {
      throw APIError.invalid(error, .v2)
    }
    let drawn = try await checkAndDraw(template, account: account)
    try await environment.store.createTemplate(drawn)
    return try JSONResponse.v2(TemplatePresenter(environment: environment).detail(drawn))
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let template = try await find(context, account: account)
    let document = try await readDocument(request)
    guard document.fromVideoId == nil else {
      throw APIError.invalid(
        InvalidField(path: "from_video_id", message: "makes a new template; use POST /v2/template"),
        .v2)
    }
    let updated: TemplateRecord
    do {
      updated = try document.update(template, now: environment.clock.now().unixSeconds)
    } catch {
      throw APIError.invalid(error, .v2)
    }
    let drawn = try await checkAndDraw(updated, account: account)
    guard try await environment.store.updateTemplate(drawn) else {
      throw APIError.notFound("template \"\(template.id)\" not found", .v2)
    }
    if let old = template.thumbnailFile, old != drawn.thumbnailFile {
      try? FileManager.default.removeItem(atPath: environment.media.absolutePath(old))
    }
    return try JSONResponse.v2(TemplatePresenter(environment: environment).detail(drawn))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let template = try await find(context, account: account)
    if let deleted = try await environment.store.deleteTemplate(
      id: template.id, account: account.id)
    {
      TemplateThumbnail(environment: environment).remove(deleted)
    }
    return try JSONResponse.v2(Optional<Empty>.none)
  }

  @Sendable func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    let asked: TemplateGenerateRequest = try RequestBody.decode(body, envelope: .v2)
    let id = try await TemplateService(environment: environment, account: account.id).generate(
      context.parameters.get("template_id") ?? "", asked)
    return try JSONResponse.v2(VideoGenerateResult(videoId: id.rawValue))
  }

  // MARK: Helpers

  private func find(_ context: AppRequestContext, account: Account) async throws -> TemplateRecord {
    try await TemplateService(environment: environment, account: account.id).template(
      context.parameters.get("template_id") ?? "")
  }

  private func readDocument(_ request: Request) async throws -> TemplateDocument {
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    guard !body.isEmpty else {
      throw APIError.invalid(
        InvalidField(path: "", message: "request body is empty; send JSON", isMissing: true), .v2)
    }
    do {
      return try TemplateDocument(json: Data(body))
    } catch {
      throw APIError.invalid(error, .v2)
    }
  }

  /// The document a finished video of the account makes.
  private func fromVideo(_ id: String, name: String?, account: Account) async throws
    -> TemplateDocument
  {
    guard let videoID = ResourceID(id),
      let video = try await environment.store.video(id: videoID, account: account.id)
    else {
      throw APIError.notFound("video \"\(id)\" not found", .v2)
    }
    guard video.status == .completed, video.kind == .generated,
      let request = try? JSONDecoder().decode(VideoGenerateRequest.self, from: video.request)
    else {
      throw APIError.invalid(
        InvalidField(
          path: "from_video_id",
          message:
            "video \(id) is \(video.status.rawValue); only a finished generated video makes a template"
        ),
        .v2)
    }
    let title = video.title.isEmpty ? "Video \(id.prefix(8))" : video.title
    return TemplateFromVideo(request: request).document(name: name ?? title)
  }

  /// The same checks a generate request gets, then the thumbnail render.
  private func checkAndDraw(_ template: TemplateRecord, account: Account) async throws
    -> TemplateRecord
  {
    do {
      try await TemplateVariableCheck(environment: environment, account: account.id).check(
        template.variables)
      try await GenerateRequestCheck(environment: environment, account: account.id)
        .check(try template.defaultRequest())
    } catch {
      throw APIError.invalid(error, .v2)
    }
    var drawn = template
    do {
      drawn.thumbnailFile = try await TemplateThumbnail(environment: environment).draw(template)
    } catch .invalidInput(let field) {
      throw APIError.invalid(
        InvalidField(
          path: field.path, message: "\(field.message) (while rendering the template's defaults)"),
        .v2)
    } catch {
      throw APIError.internal("the template's thumbnail could not be rendered: \(error)", .v2)
    }
    return drawn
  }
}
