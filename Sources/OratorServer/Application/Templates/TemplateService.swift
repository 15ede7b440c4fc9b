import Foundation
import HeyGenAPI
import OratorCore

/// The template use-cases both API dialects share: list, read, and generate a video from a
/// template. One template store behind `/v2/template…`, `/v3/templates…` and `/v3/template/…`.
struct TemplateService {
  let environment: ServerEnvironment
  let account: ResourceID

  /// The account's templates, as the store orders them.
  func list() async throws -> [TemplateRecord] {
    try await environment.store.listTemplates(account: account)
  }

  /// The template, or `.notFound` naming the id as the client gave it.
  func template(_ id: String) async throws -> TemplateRecord {
    guard let resourceID = ResourceID(id),
      let template = try await environment.store.template(id: resourceID, account: account)
    else {
      throw ApplicationError.notFound(.template, id: id)
    }
    return template
  }

  /// Fills the template with the request's variables (defaults for the rest), keeps the
  /// scenes `sceneIDs` names when given, files the video in `folderId`, and queues it. The variables a request gives
  /// are checked before filling, so a refusal names the variable rather than the scene.
  func generate(
    _ id: String, _ asked: TemplateGenerateRequest, sceneIDs: [String]? = nil,
    folderId: String? = nil
  ) async throws -> ResourceID {
    let template = try await template(id)
    let generation = TemplateGeneration(template: template)
    var video: VideoGenerateRequest
    do {
      let given = Set((asked.variables ?? [:]).keys)
      let variables = try generation.variables(for: asked)
      try await TemplateVariableCheck(environment: environment, account: account)
        .check(variables.filter { given.contains($0.name) })
      video = try generation.request(for: asked, sceneIDs: sceneIDs)
    } catch {
      throw ApplicationError.invalid(error)
    }
    if let folderId { video.folderId = folderId }
    return try await VideoService(environment: environment, account: account).submit(
      video, body: nil)
  }
}
