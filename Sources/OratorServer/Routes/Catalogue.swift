import HeyGenAPI
import Hummingbird
import OratorRender

/// `/v2/avatars`, `/v2/avatar/<id>/details`, `/v2/avatar_group.list`,
/// `/v2/avatar_group/<id>/avatars` and `/v2/voices`: the presenters and voices this server
/// can render, with preview URLs it serves itself (see `PreviewRoutes`).
struct CatalogueRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v2/avatars", avatars)
    router.get("/v2/avatar/:avatar_id/details", avatarDetails)
    router.get("/v2/avatar_group.list", avatarGroups)
    router.get("/v2/avatar_group/:group_id/avatars", avatarGroupLooks)
    router.get("/v2/voices", voices)
  }

  @Sendable func avatars(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let items = environment.avatars.map { AvatarListItem($0, publicURL: environment.baseURL) }
    return try JSONResponse.v2(AvatarListData(avatars: items))
  }

  @Sendable func avatarDetails(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let id = context.parameters.get("avatar_id") ?? ""
    guard let avatar = environment.avatars.first(where: { $0.id == id }) else {
      throw APIError.notFound("avatar \"\(id)\" not found; GET /v2/avatars lists the avatars", .v2)
    }
    let item = AvatarListItem(avatar, publicURL: environment.baseURL)
    return try JSONResponse.v2(
      AvatarDetails(
        id: item.avatarId, name: item.avatarName, gender: item.gender,
        previewImageUrl: item.previewImageUrl,
        previewVideoUrl: item.previewVideoUrl, premium: item.premium,
        defaultVoiceId: item.defaultVoiceId,
        tags: item.tags))
  }

  /// Every group is public; `include_public=false` asks for private groups only, of which
  /// Orator has none. Without the parameter the public groups are listed, since a listing
  /// with nothing in it helps no one.
  @Sendable func avatarGroups(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let includePublic = request.uri.queryParameters.get("include_public").map {
      !["false", "0"].contains($0.lowercased())
    }
    let groups = AvatarGroups(avatars: environment.avatars, publicURL: environment.baseURL).groups
    return try JSONResponse.v2(
      AvatarGroupListData(avatarGroupList: includePublic == false ? [] : groups.map(\.summary)))
  }

  @Sendable func avatarGroupLooks(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let id = context.parameters.get("group_id") ?? ""
    guard
      let group = AvatarGroups(avatars: environment.avatars, publicURL: environment.baseURL).group(
        id: id)
    else {
      throw APIError.notFound(
        "avatar group \"\(id)\" not found; GET /v2/avatar_group.list lists the groups", .v2)
    }
    return try JSONResponse.v2(AvatarGroupLooksData(avatarList: group.looks))
  }

  /// `language` (an English name such as "Spanish", or a locale such as `es` or `es-MX`) and
  /// `gender` narrow the list; HeyGen takes no parameters here, so both are extensions.
  @Sendable func voices(_ request: Request, context: AppRequestContext) async throws -> Response {
    _ = try context.requireAccount()
    let query = request.uri.queryParameters
    var voices = environment.speech.voices
    if let language = query.get("language")?.lowercased(), !language.isEmpty {
      voices = voices.filter {
        $0.language.lowercased() == language || $0.locale.lowercased() == language
          || $0.locale.lowercased().hasPrefix(language + "-")
      }
    }
    if let gender = query.get("gender")?.lowercased(), !gender.isEmpty {
      voices = voices.filter { $0.gender.lowercased() == gender }
    }
    return try JSONResponse.v2(
      VoiceListData(voices: voices.map { VoiceListItem($0, publicURL: environment.baseURL) }))
  }
}
