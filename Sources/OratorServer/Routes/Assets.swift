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
    let (mime, ext, kind) = try Self.fileType(of: request)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxAssetBytes, envelope: .v1)
    guard !body.isEmpty else {
      throw APIError.invalid(
        InvalidField(
          path: "body", message: "is empty; send the file's bytes as the request body",
          isMissing: true), .v1)
    }
    let id = ResourceID(random: environment.random)
    let relative = AssetLibrary(media: environment.media).relativePath(
      account: account.id, id: id, ext: ext)
    try await store(
      body, at: environment.media.absolutePath(relative),
      checkedBy: UploadedFileCheck(mime: mime, ext: ext, kind: kind), context: context)
    let asset = UploadedAsset(
      id: id.rawValue, name: "\(id.rawValue).\(ext)", fileType: kind.rawValue,
      url: environment.signedMediaURL(relative),
      imageKey: kind == .image ? "image/\(id.rawValue)/original.\(ext)" : nil,
      createdTs: environment.clock.now().unixSeconds)
    return try JSONResponse.v1(asset)
  }

  /// Writes the upload to the scratch folder, checks that it decodes as its type, and only
  /// then moves it under its id: a refused or failed upload leaves nothing behind.
  private func store(
    _ body: [UInt8], at path: String, checkedBy check: UploadedFileCheck,
    context: AppRequestContext
  ) async throws {
    let manager = FileManager.default
    let scratch = (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent("upload-\(UUID().uuidString).\(check.ext)")
    defer { try? manager.removeItem(atPath: scratch) }
    do {
      try manager.createDirectory(
        atPath: environment.configuration.scratchDirectory, withIntermediateDirectories: true)
      try Data(body).write(to: URL(fileURLWithPath: scratch))
    } catch {
      context.logger.error("asset write failed", metadata: ["error": "\(error)"])
      throw APIError.internal("the asset could not be stored", .v1)
    }
    do {
      try await check.verify(bytes: body, storedAt: scratch)
    } catch .mismatch(let refusal) {
      throw APIError.invalid(refusal, .v1)
    } catch .checkerUnavailable(let reason) {
      context.logger.error("asset check failed", metadata: ["reason": "\(reason)"])
      throw APIError.internal("the asset could not be checked", .v1)
    }
    do {
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try manager.moveItem(atPath: scratch, toPath: path)
    } catch {
      try? manager.removeItem(atPath: path)
      context.logger.error(
        "asset write failed", metadata: ["path": "\(path)", "error": "\(error)"])
      throw APIError.internal("the asset could not be stored", .v1)
    }
  }

  /// The MIME type, stored extension and kind named by `Content-Type` (parameters such as
  /// `charset` ignored); 400 naming the header when it is missing or not a supported type.
  static func fileType(of request: Request) throws -> (
    mime: String, ext: String, kind: AssetLibrary.Kind
  ) {
    let header = request.headers[.contentType] ?? ""
    let mime =
      header.split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? ""
    let supported = AssetLibrary.contentTypes.keys.sorted().joined(separator: ", ")
    guard !mime.isEmpty else {
      throw APIError.invalid(
        InvalidField(
          path: "Content-Type",
          message: "header is required: the file's MIME type, one of \(supported)",
          isMissing: true), .v1)
    }
    guard let type = AssetLibrary.contentTypes[mime] else {
      throw APIError.invalid(
        InvalidField(
          path: "Content-Type",
          message: "\"\(mime)\" is not a supported file type; use one of \(supported)"),
        .v1)
    }
    return (mime, type.ext, type.kind)
  }
}
