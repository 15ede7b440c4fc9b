import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `GET /v3/templates`, `GET /v3/templates/{id}`, `POST /v3/templates/{id}` (generate; the
/// answer is the whole video resource) and the singular `GET /v3/template/{id}` that n8n
/// reads, over the same templates as `/v2/template…`.
struct V3TemplateRoutes {
  let environment: ServerEnvironment
  let idempotency: IdempotentRequests

  func register(on router: inout RouterRegistry) {
    router.get("/v3/templates", list)
    router.get("/v3/templates/:template_id", get)
    router.post("/v3/templates/:template_id", generate)
    router.get("/v3/template/:template_id", listing)
  }

  private func templates(_ context: AppRequestContext) throws -> TemplateService {
    TemplateService(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let pagination = try V3Pagination(request, defaultLimit: 10, maxLimit: 100)
    let page = try pagination.page(of: try await templates(context).list())
    return try JSONResponse.v3List(page.items.map(summary), nextToken: page.nextToken)
  }

  @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
    let template = try await templates(context).template(
      context.parameters.get("template_id") ?? "")
    return try JSONResponse.v3(detail(template))
  }

  @Sendable func listing(_ request: Request, context: AppRequestContext) async throws -> Response {
    let template = try await templates(context).template(
      context.parameters.get("template_id") ?? "")
    return try JSONResponse.v3(V3TemplateListing(detail: detail(template)))
  }

  @Sendable func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let templateID = context.parameters.get("template_id") ?? ""
    return try await idempotency.answer(
      request, account: account.id, endpoint: "POST /v3/templates/\(templateID)"
    ) {
      let body = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
      let asked: V3TemplateGenerateRequest = try RequestBody.decode(body, envelope: .v3)
      let id = try await templates(context).generate(
        templateID, asked.templateGenerate, sceneIDs: asked.sceneIds, folderId: asked.folderId)
      let videos = VideoService(environment: environment, account: account.id)
      if asked.enableSharing == true {
        _ = try await videos.share(id.rawValue)
      }
      return try JSONReply(V3Envelope(data: V3Presenter.video(try await videos.video(id.rawValue))))
    }
  }

  private func summary(_ template: TemplateRecord) -> V3TemplateSummary {
    V3TemplateSummary(
      id: template.id.rawValue, name: template.name, aspectRatio: Self.aspectRatio(template),
      thumbnailUrl: TemplatePresenter(environment: environment).thumbnailURL(template),
      createdAt: template.createdAt, updatedAt: template.updatedAt)
  }

  private func detail(_ template: TemplateRecord) -> V3TemplateDetail {
    V3TemplateDetail(
      summary: summary(template),
      scenes: template.scenes.map { scene in
        V3TemplateScene(
          sceneId: scene.id, script: scene.script,
          variables: scene.variables.map {
            V3SceneVariable(name: $0.name, variableType: $0.value.typeName)
          })
      },
      variables: template.variableBodies, dimension: template.dimension)
  }

  /// v3 writes aspect ratios as `16:9`, `9:16`, `1:1` (v2 says landscape, portrait, square).
  static func aspectRatio(_ template: TemplateRecord) -> String {
    let size = template.dimension
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    let divisor = max(gcd(size.width, size.height), 1)
    return "\(size.width / divisor):\(size.height / divisor)"
  }
}
