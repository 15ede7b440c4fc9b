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
    let account = try context.requireAccount()
    let items = environment.avatars.map { AvatarListItem($0, publicURL: environment.baseURL) }
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    let talkingPhotos = try await photos.list().map {
      TalkingPhotoListItem(
        talkingPhotoId: $0.id.rawValue, talkingPhotoName: $0.name,
        previewImageUrl: photos.pictureURL($0))
    }
    return try JSONResponse.v2(AvatarListData(avatars: items, talkingPhotos: talkingPhotos))
  }

  @Sendable func avatarDetails(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    let id = context.parameters.get("avatar_id") ?? ""
    let look = try CatalogueService(environment: environment).look(id)
    var item = AvatarListItem(look.avatar, publicURL: environment.baseURL)
    item.avatarId = look.id
    item.avatarName = look.name
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
    let voices = CatalogueService(environment: environment).voices(
      language: query.get("language"), gender: query.get("gender"), engine: nil)
    return try JSONResponse.v2(
      VoiceListData(voices: voices.map { VoiceListItem($0, publicURL: environment.baseURL) }))
  }
}
