import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v1/asset`: the raw bytes of an image, video or audio file, its MIME type in
/// `Content-Type`. The answer's `id` is what generate requests name as `image_asset_id`,
/// `video_asset_id` or `audio_asset_id`; its `url` is a signed link to the stored file.
struct AssetRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.post("/v1/asset", upload)
  }

  @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let mime = try Self.mimeType(of: request)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxAssetBytes, envelope: .v1)
    guard !body.isEmpty else {
      throw APIError.invalid(
        InvalidField(
          path: "body", message: "is empty; send the file's bytes as the request body",
          isMissing: true), .v1)
    }
    let assets = AssetService(environment: environment, account: account.id)
    let asset = try await assets.upload(
      body, mime: mime, field: "Content-Type", bytesField: "body")
    let id = asset.id.rawValue
    return try JSONResponse.v1(
      UploadedAsset(
        id: id, name: asset.fileName, fileType: asset.kind.rawValue, url: assets.link(asset),
        imageKey: asset.kind == .image ? "image/\(id)/original.\(asset.ext)" : nil,
        createdTs: asset.uploadedAt))
  }

  /// The MIME type `Content-Type` names (parameters such as `charset` ignored); 400 naming
  /// the header when it is missing.
  static func mimeType(of request: Request) throws -> String {
    let header = request.headers[.contentType] ?? ""
    let mime =
      header.split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? ""
    guard !mime.isEmpty else {
      let supported = AssetLibrary.contentTypes.keys.sorted().joined(separator: ", ")
      throw APIError.invalid(
        InvalidField(
          path: "Content-Type",
          message: "header is required: the file's MIME type, one of \(supported)",
          isMissing: true), .v1)
    }
    return mime
  }
}
