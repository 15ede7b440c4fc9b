import HeyGenAPI
import OratorCore

/// The file of a request's `watermark` picture, by URL or asset, under the field names a
/// client wrote.
enum WatermarkPicture {
  static func file(of watermark: ImageWatermark, media: any MediaResolver)
    async throws(InvalidField) -> String
  {
    if let url = watermark.url, !url.isEmpty {
      return try await media.file(forURL: url, kind: .image, field: "watermark.url")
    }
    return try await media.file(
      forAsset: watermark.assetId ?? "", kind: .image, field: "watermark.asset_id")
  }
}
