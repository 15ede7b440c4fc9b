import HeyGenAPI
import Hummingbird
import OratorCore

/// `GET /v3/avatars`, `/v3/avatars/{group_id}`, `/v3/avatars/looks`,
/// `/v3/avatars/looks/{look_id}`, `/v3/voices` and `/v3/voices/{voice_id}`: the built-in
/// presenters (one group per person, one look per style) and the installed voices.
struct V3CatalogueRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v3/avatars", groups)
    router.get("/v3/avatars/looks", looks)
    router.get("/v3/avatars/looks/:look_id", look)
    router.get("/v3/avatars/:group_id", group)
    router.get("/v3/voices", voices)
    router.get("/v3/voices/:voice_id", voice)
  }

  private var catalogue: CatalogueService { CatalogueService(environment: environment) }
  private var base: String { environment.baseURL }

  /// Every presenter is public; `ownership=private` lists the account's own, of which
  /// there are none yet.
  @Sendable func groups(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let pagination = try V3Pagination(request, defaultLimit: 20, maxLimit: 50)
    let ownership = try Self.ownership(request)
    let people = ownership == "private" ? [] : catalogue.people
    let page = try pagination.page(of: people.map { V3Presenter.group($0, base: base) })
    return try JSONResponse.v3List(page.items, nextToken: page.nextToken)
  }

  @Sendable func group(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let person = try catalogue.person(context.parameters.get("group_id") ?? "")
    return try JSONResponse.v3(V3Presenter.group(person, base: base))
  }

  @Sendable func looks(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let pagination = try V3Pagination(request, defaultLimit: 20, maxLimit: 50)
    let ownership = try Self.ownership(request)
    let type = request.formValue("avatar_type")
    let types = ["studio_avatar", "digital_twin", "photo_avatar"]
    if let type, !types.contains(type) {
      throw ApplicationError.invalid(
        InvalidField(
          path: "avatar_type",
          message: "must be one of \(types.joined(separator: ", ")), got \"\(type)\""))
    }
    var looks = try catalogue.looks(ofPerson: request.formValue("group_id"))
    if ownership == "private" || (type != nil && type != "studio_avatar") { looks = [] }
    let page = try pagination.page(of: looks.map { V3Presenter.look($0, base: base) })
    return try JSONResponse.v3List(page.items, nextToken: page.nextToken)
  }

  @Sendable func look(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let look = try catalogue.look(context.parameters.get("look_id") ?? "")
    return try JSONResponse.v3(V3Presenter.look(look, base: base))
  }

  /// `type` is `public` (the default: every installed voice) or `private` (cloned voices,
  /// of which there are none yet).
  @Sendable func voices(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let pagination = try V3Pagination(request, defaultLimit: 20, maxLimit: 100)
    let type = request.formValue("type") ?? "public"
    guard ["public", "private"].contains(type) else {
      throw ApplicationError.invalid(
        InvalidField(path: "type", message: "must be public or private, got \"\(type)\""))
    }
    let voices =
      type == "private"
      ? []
      : catalogue.voices(
        language: request.formValue("language"), gender: request.formValue("gender"),
        engine: request.formValue("engine"))
    let page = try pagination.page(of: voices.map { V3Presenter.voice($0, base: base) })
    return try JSONResponse.v3List(page.items, nextToken: page.nextToken)
  }

  @Sendable func voice(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let voice = try catalogue.voice(context.parameters.get("voice_id") ?? "")
    return try JSONResponse.v3(V3Presenter.voice(voice, base: base))
  }

  private static func ownership(_ request: Request) throws -> String? {
    let ownership = request.formValue("ownership")
    if let ownership, !["public", "private"].contains(ownership) {
      throw ApplicationError.invalid(
        InvalidField(
          path: "ownership", message: "must be public or private, got \"\(ownership)\""))
    }
    return ownership
  }
}
