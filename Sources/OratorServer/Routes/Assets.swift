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
    let (ext, kind) = try Self.fileType(of: request)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxAssetBytes, envelope: .v1)
    guard !body.isEmpty else {
      throw APIError.invalid(
        InvalidField(
          path: "body", message: "is empty; send the file's bytes as the request body",
          isMissing: true), .v1)
    }
    guard kind != .image || ImageSignature.matches(body, ext: ext) else {
      throw APIError.invalid(
        InvalidField(
          path: "body", message: "is not a \(ext.uppercased()) image as Content-Type says"), .v1)
    }

    let id = ResourceID(random: environment.random)
    let relative = AssetLibrary(media: environment.media).relativePath(
      account: account.id, id: id, ext: ext)
    let path = environment.media.absolutePath(relative)
    do {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(body).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      context.logger.error(
        "asset write failed", metadata: ["path": "\(path)", "error": "\(error)"])
      throw APIError.internal("the asset could not be stored", .v1)
    }
    let asset = UploadedAsset(
      id: id.rawValue, name: "\(id.rawValue).\(ext)", fileType: kind.rawValue,
      url: environment.signedMediaURL(relative),
      imageKey: kind == .image ? "image/\(id.rawValue)/original.\(ext)" : nil,
      createdTs: environment.clock.now().unixSeconds)
    return try JSONResponse.v1(asset)
  }

  /// The stored extension and kind named by `Content-Type` (parameters such as `charset`
  /// ignored); 400 naming the header when it is missing or not a supported type.
  static func fileType(of request: Request) throws -> (ext: String, kind: AssetLibrary.Kind) {
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
    return type
  }
}
