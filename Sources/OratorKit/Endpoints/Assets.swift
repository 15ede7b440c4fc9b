import Foundation
import HeyGenAPI

/// `POST /v3/assets`: uploads a picture, video or sound whose id a generate request can name
/// (`image_asset_id`, `video_asset_id`, `audio_asset_id`), as one multipart part `file` on
/// the API host, the way v3 takes uploads.
public struct Assets: Sendable {
  let transport: Transport

  /// - Parameter contentType: `image/png`, `image/jpeg`, `video/mp4`, `audio/mpeg`, …
  /// - Parameter fileName: the name the part carries (the server sniffs the type from the
  ///   bytes either way).
  public func upload(_ data: Data, contentType: String, fileName: String = "upload")
    async throws(HeyGenError) -> UploadedAsset
  {
    let boundary = "oratorkit-\(UInt64.random(in: 0...UInt64.max))"
    var body = Data(
      ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
        + "Content-Type: \(contentType)\r\n\r\n").utf8)
    body.append(data)
    body.append(Data("\r\n--\(boundary)--\r\n".utf8))
    let created = try await transport.require(
      .POST, "/v3/assets", body: body, contentType: "multipart/form-data; boundary=\(boundary)",
      envelope: .v3, as: V3AssetCreated.self)
    return UploadedAsset(
      id: created.assetId, name: fileName, fileType: Self.kind(of: created.mimeType),
      url: created.url, imageKey: nil, createdTs: Int(Date().timeIntervalSince1970))
  }

  /// v1's `file_type` words for a MIME type: image, video or audio.
  static func kind(of mimeType: String) -> String {
    String(mimeType.split(separator: "/").first ?? "")
  }

  /// Uploads a file, its type guessed from the extension.
  public func upload(file: URL) async throws(HeyGenError) -> UploadedAsset {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw HeyGenError(kind: .file, message: "cannot read \(file.path): \(error)")
    }
    return try await upload(
      data, contentType: MediaType.guess(file.pathExtension), fileName: file.lastPathComponent)
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
