import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v1/talking_photo` (the raw bytes of a JPEG or PNG portrait, as HeyGen's upload host
/// takes them; an optional `name` query), `GET /v1/talking_photo.list` and
/// `DELETE /v2/talking_photo/<id>`. Generate requests name a photo as
/// `character: {type: "talking_photo", talking_photo_id}`.
struct TalkingPhotoRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.post("/v1/talking_photo", upload)
    router.get("/v1/talking_photo.list", list)
    router.delete("/v2/talking_photo/:talking_photo_id", delete)
  }

  @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let mime = try AssetRoutes.mimeType(of: request)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxAssetBytes, envelope: .v1)
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    let photo = try await photos.upload(
      body, mime: mime, name: request.uri.queryParameters.get("name"), typeField: "Content-Type",
      bytesField: "body")
    return try JSONResponse.v1(
      UploadedTalkingPhoto(
        talkingPhotoId: photo.id.rawValue, talkingPhotoUrl: photos.pictureURL(photo)))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let photos = TalkingPhotoService(environment: environment, account: account.id)
    let items = try await photos.list().map { photo in
      let url = photos.pictureURL(photo)
      return TalkingPhotoSummary(
        id: photo.id.rawValue, name: photo.name, imageUrl: url, circleImage: url)
    }
    return try JSONResponse.v1(TalkingPhotoSummaryList(list: items))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let id = context.parameters.get("talking_photo_id") ?? ""
    try await TalkingPhotoService(environment: environment, account: account.id).delete(id)
    return try JSONResponse.v2(TalkingPhotoDeleted(talkingPhotoId: id))
  }
}
