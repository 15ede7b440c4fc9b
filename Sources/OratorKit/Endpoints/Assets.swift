import Foundation
import HeyGenAPI

/// `POST /v1/asset`: uploads a picture, video or sound whose id a generate request can name
/// (`image_asset_id`, `video_asset_id`, `audio_asset_id`).
///
/// HeyGen serves uploads from its own host: for api.heygen.com, make a second
/// ``HeyGenClient`` whose base URL is HeyGen's upload host.
public struct Assets: Sendable {
  let transport: Transport

  /// - Parameter contentType: `image/png`, `image/jpeg`, `video/mp4`, `audio/mpeg`, …
  public func upload(_ data: Data, contentType: String) async throws(HeyGenError)
    -> UploadedAsset
  {
    try await transport.require(
      .POST, "/v1/asset", body: data, contentType: contentType, envelope: .v1)
  }

  /// Uploads a file, its type guessed from the extension.
  public func upload(file: URL) async throws(HeyGenError) -> UploadedAsset {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw HeyGenError(kind: .file, message: "cannot read \(file.path): \(error)")
    }
    return try await upload(data, contentType: MediaType.guess(file.pathExtension))
  }
}

enum MediaType {
  static func guess(_ fileExtension: String) -> String {
    switch fileExtension.lowercased() {
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "mp4": "video/mp4"
    case "webm": "video/webm"
    case "mp3": "audio/mpeg"
    case "wav": "audio/wav"
    default: "application/octet-stream"
    }
  }
}
