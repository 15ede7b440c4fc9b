import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore
import OratorRender

/// `GET /v3/avatars`, `/v3/avatars/{group_id}`, `/v3/avatars/looks`,
/// `/v3/avatars/looks/{look_id}`, `/v3/voices` and `/v3/voices/{voice_id}`: the built-in
/// presenters (one group per person, one look per style), the account's talking photos
/// (private groups of one `photo_avatar` look each) and the installed voices. Also
/// `POST /v3/avatars` (`type: "photo"` makes a talking photo) and the deletes of photo groups
/// and looks.
struct V3CatalogueRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v3/avatars", groups)
    router.post("/v3/avatars", create)
    router.get("/v3/avatars/looks", looks)
    router.get("/v3/avatars/looks/:look_id", look)
    router.patch("/v3/avatars/looks/:look_id", renameLook)
    router.delete("/v3/avatars/looks/:look_id", deletePhoto)
    router.get("/v3/avatars/:group_id", group)
    router.delete("/v3/avatars/:group_id", deletePhoto)
    router.get("/v3/voices", voices)
    router.get("/v3/voices/:voice_id", voice)
  }

  private var catalogue: CatalogueService { CatalogueService(environment: environment) }
  private var base: String { environment.baseURL }

  /// The built-in presenters are public; the account's talking photos are private.
  @Sendable func groups(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let pagination = try V3Pagination(request, defaultLimit: 20, maxLimit: 50)
    let ownership = try Self.ownership(request)
    let people = ownership == "private" ? [] : catalogue.people
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    let own = ownership == "public" ? [] : try await photos.list()
    let page = try pagination.page(
      of: people.map { V3Presenter.group($0, base: base) }
        + own.map { V3Presenter.group($0, preview: photos.pictureURL($0)) })
    return try JSONResponse.v3List(page.items, nextToken: page.nextToken)
  }

  @Sendable func group(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let id = context.parameters.get("group_id") ?? ""
    if let photo = try await ownPhoto(id, account: account.id) {
      return try JSONResponse.v3(V3Presenter.group(photo.record, preview: photo.preview))
    }
    let person = try catalogue.person(id)
    return try JSONResponse.v3(V3Presenter.group(person, base: base))
  }

  /// `type: "photo"` with `name` and `file`: the portrait's face is found at once and the
  /// photo is ready to use; the answer carries its group and its one look.
  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let bytes = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
    let body: V3AvatarCreateRequest = try RequestBody.decode(bytes, envelope: .v3)
    guard body.type == "photo" else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "type",
          message:
            body.type == "digital_twin" || body.type == "prompt"
            ? "\"\(body.type)\" avatars are not available on this server; use photo"
            : "must be photo, digital_twin or prompt, got \"\(body.type)\""))
    }
    guard let name = body.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: "name", message: "is required", isMissing: true))
    }
    guard let file = body.file else {
      throw ApplicationError.invalid(
        InvalidField(path: "file", message: "is required: the portrait", isMissing: true))
    }
    if body.avatarGroupId != nil {
      throw ApplicationError.invalid(
        InvalidField(
          path: "avatar_group_id",
          message: "is not supported: each photo is a group of its own"))
    }
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    let photo: TalkingPhotoRecord
    switch file {
    case .url(let url):
      photo = try await photos.create(fromURL: url, asset: nil, name: name, field: "file.url")
    case .assetId(let id):
      photo = try await photos.create(fromURL: nil, asset: id, name: name, field: "file.asset_id")
    case .base64(let mediaType, let data):
      guard let decoded = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
        throw ApplicationError.invalid(InvalidField(path: "file.data", message: "is not base64"))
      }
      photo = try await photos.upload(
        [UInt8](decoded), mime: mediaType.lowercased(), name: name,
        typeField: "file.media_type", bytesField: "file.data")
    }
    let preview = photos.pictureURL(photo)
    return try JSONResponse.v3(
      V3AvatarCreated(
        avatarGroup: V3Presenter.group(photo, preview: preview),
        avatarItem: V3Presenter.look(photo, preview: preview)))
  }

  /// Deletes a talking photo by its group or look id (the same id); built-in presenters
  /// cannot be deleted.
  @Sendable func deletePhoto(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let account = try context.requireAccount()
    let id = context.parameters.get("look_id") ?? context.parameters.get("group_id") ?? ""
    let deleted = try await TalkingPhotoService(environment: environment, account: account.id)
      .delete(id)
    return try JSONResponse.v3(V3DeletedResource(id: deleted.id.rawValue))
  }

  /// Renames a photo look (`{"name": …}`); built-in looks keep their names. Without a name
  /// the look is answered as it is.
  @Sendable func renameLook(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let account = try context.requireAccount()
    let id = context.parameters.get("look_id") ?? ""
    let body = try await RequestBody.collect(request, limit: 64 << 10, envelope: .v3)
    let update: V3LookUpdate = try RequestBody.decode(body, envelope: .v3)
    guard let own = try await ownPhoto(id, account: account.id) else {
      // A built-in look exists but is not the account's to rename; anything else is unknown.
      _ = try catalogue.look(id)
      throw ApplicationError.invalid(
        InvalidField(
          path: "look_id", message: "\"\(id)\" is a built-in look; only photo looks can be renamed")
      )
    }
    guard let name = update.name else {
      return try JSONResponse.v3(V3Presenter.look(own.record, preview: own.preview))
    }
    let renamed = try await TalkingPhotoService(environment: environment, account: account.id)
      .rename(id, to: name, field: "name")
    return try JSONResponse.v3(V3Presenter.look(renamed, preview: own.preview))
  }

  /// One of the account's talking photos with `id`, and its preview link; nil when none.
  private func ownPhoto(_ id: String, account: ResourceID) async throws
    -> (record: TalkingPhotoRecord, preview: String)?
  {
    guard let photoID = ResourceID(id),
      let photo = try await environment.store.talkingPhoto(id: photoID, account: account)
    else { return nil }
    return (
      photo,
      TalkingPhotoService(environment: environment, account: account).pictureURL(photo)
    )
  }

  @Sendable func looks(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
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
    let groupID = request.formValue("group_id")
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    var own = try await photos.list()
    if let groupID { own = own.filter { $0.id.rawValue == groupID } }
    if ownership == "public" || (type != nil && type != "photo_avatar") { own = [] }
    var looks: [AvatarLook] = []
    if ownership != "private", type == nil || type == "studio_avatar",
      groupID == nil || own.isEmpty
    {
      looks = try catalogue.looks(ofPerson: groupID)
    }
    let page = try pagination.page(
      of: looks.map { V3Presenter.look($0, base: base) }
        + own.map { V3Presenter.look($0, preview: photos.pictureURL($0)) })
    return try JSONResponse.v3List(page.items, nextToken: page.nextToken)
  }

  @Sendable func look(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let id = context.parameters.get("look_id") ?? ""
    if let photo = try await ownPhoto(id, account: account.id) {
      return try JSONResponse.v3(V3Presenter.look(photo.record, preview: photo.preview))
    }
    let look = try catalogue.look(id)
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
