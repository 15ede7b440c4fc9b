import Foundation
import HeyGenAPI
import Hummingbird
import NIOCore
import OratorCore

/// `POST /v3/assets` (multipart, one part named `file`), `GET /v3/assets` (newest first, in
/// pages), `GET /v3/assets/{id}`, `DELETE /v3/assets/{id}`: uploads that v3 requests name by
/// `asset_id`.
struct V3AssetRoutes {
  let environment: ServerEnvironment
  let idempotency: IdempotentRequests

  /// HeyGen's limit for `POST /v3/assets`.
  static let maxBytes = 32 << 20

  func register(on router: inout RouterRegistry) {
    router.post("/v3/assets", upload)
    router.get("/v3/assets", list)
    router.get("/v3/assets/:asset_id", get)
    router.delete("/v3/assets/:asset_id", delete)
  }

  @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    return try await idempotency.answer(request, account: account.id, endpoint: "POST /v3/assets") {
      let boundary = try Self.boundary(of: request)
      // Room for the multipart framing around a file of the largest size.
      let body = try await RequestBody.collect(
        request, limit: Self.maxBytes + 64 << 10, envelope: .v3)
      let form: MultipartForm?
      do {
        form = try MultipartForm(ByteBuffer(bytes: body), boundary: boundary)
      } catch MultipartForm.Refusal.nonASCIIHeaderName {
        throw ApplicationError.invalid(
          InvalidField(
            path: "file",
            message: "a part's header name holds a byte above 0x7F; header names are ASCII"))
      } catch {
        form = nil
      }
      guard let file = form?.part(named: "file") else {
        throw ApplicationError.invalid(
          InvalidField(
            path: "file", message: "is required: a multipart/form-data part named \"file\"",
            isMissing: true))
      }
      guard file.body.readableBytes <= Self.maxBytes else {
        throw APIError(
          .payloadTooLarge, "file is larger than 32 MB", envelope: .v3, param: "file")
      }
      let bytes = Array(file.body.readableBytesView)
      let mime = FileType.mime(
        declared: file.header("Content-Type"), fileName: file.fileName, bytes: bytes)
      let assets = AssetService(environment: environment, account: account.id)
      let asset = try await assets.upload(bytes, mime: mime, field: "file", bytesField: "file")
      return try JSONReply(
        V3Envelope(
          data: V3AssetCreated(
            assetId: asset.id.rawValue, url: assets.link(asset), mimeType: asset.mime,
            sizeBytes: asset.sizeBytes)))
    }
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let pages = try V3Pagination(request, defaultLimit: 20, maxLimit: 100)
    let assets = AssetService(environment: environment, account: account.id)
    // Orator keeps no asset folders: every asset is at the root, in no folder.
    let all = request.formValue("folder_id") == nil ? assets.all() : []
    let page = try pages.page(of: all)
    return try JSONResponse.v3List(
      page.items.map { Self.resource($0, assets: assets, account: account.id) },
      nextToken: page.nextToken)
  }

  @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let assets = AssetService(environment: environment, account: account.id)
    let asset = try assets.asset(context.parameters.get("asset_id") ?? "")
    return try JSONResponse.v3(Self.resource(asset, assets: assets, account: account.id))
  }

  private static func resource(
    _ asset: AssetService.StoredAsset, assets: AssetService, account: ResourceID
  ) -> V3Asset {
    V3Asset(
      id: asset.id.rawValue, name: asset.fileName, type: asset.kind.rawValue,
      owner: account.rawValue, spaceId: account.rawValue, uploadedAt: asset.uploadedAt,
      url: assets.link(asset))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let id = context.parameters.get("asset_id") ?? ""
    try AssetService(environment: environment, account: account.id).delete(id)
    return try JSONResponse.v3(V3DeletedResource(id: id))
  }

  /// The `boundary` parameter of a `multipart/form-data` Content-Type.
  private static func boundary(of request: Request) throws -> String {
    let header = request.headers[.contentType] ?? ""
    let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.first?.lowercased() == "multipart/form-data",
      let boundary = parts.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") })
    else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "Content-Type",
          message:
            "must be multipart/form-data with a boundary, with the file in a part named \"file\""
        ))
    }
    return String(boundary.dropFirst("boundary=".count)).trimmingCharacters(
      in: CharacterSet(charactersIn: "\""))
  }
}
