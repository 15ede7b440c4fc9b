import Foundation
import OratorCore

/// Uploaded assets (`POST /v1/asset`): `media/<account>/assets/<id>.<ext>`. The extension
/// records the kind; the id is what generate requests name as `*_asset_id`.
public struct AssetLibrary: Sendable {
  public enum Kind: String, Sendable {
    case image, video, audio
  }

  /// Content types accepted for upload and the extension each is stored under.
  static let contentTypes: [String: (ext: String, kind: Kind)] = [
    "image/jpeg": ("jpg", .image), "image/jpg": ("jpg", .image), "image/png": ("png", .image),
    "image/webp": ("webp", .image), "video/mp4": ("mp4", .video), "video/webm": ("webm", .video),
    "video/quicktime": ("mov", .video), "audio/mpeg": ("mp3", .audio), "audio/mp3": ("mp3", .audio),
    "audio/wav": ("wav", .audio), "audio/x-wav": ("wav", .audio), "audio/wave": ("wav", .audio),
    "audio/ogg": ("ogg", .audio), "audio/mp4": ("m4a", .audio), "audio/aac": ("aac", .audio),
  ]

  /// The MIME type a stored extension is served as.
  static func mimeType(ofExtension ext: String) -> String {
    let preferred = [
      "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "mp4": "video/mp4",
      "webm": "video/webm", "mov": "video/quicktime", "mp3": "audio/mpeg", "wav": "audio/wav",
      "ogg": "audio/ogg", "m4a": "audio/mp4", "aac": "audio/aac",
    ]
    return preferred[ext] ?? "application/octet-stream"
  }

  public var media: any MediaStore

  public func relativePath(account: ResourceID, id: ResourceID, ext: String) -> String {
    "\(account.rawValue)/assets/\(id.rawValue).\(ext)"
  }

  /// Every stored asset of `account`: its id, file and kind.
  public func all(account: ResourceID) -> [(id: ResourceID, relativePath: String, kind: Kind)] {
    let directory = media.absolutePath("\(account.rawValue)/assets")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.compactMap { name in
      let parts = name.split(separator: ".", maxSplits: 1)
      guard parts.count == 2, let id = ResourceID(String(parts[0])) else { return nil }
      let kind = Self.contentTypes.values.first(where: { $0.ext == parts[1] })?.kind ?? .image
      return (id, "\(account.rawValue)/assets/\(name)", kind)
    }
  }

  /// The stored file of an asset of `account`, or nil when there is none.
  public func find(account: ResourceID, id: String) -> (relativePath: String, kind: Kind)? {
    guard let assetID = ResourceID(id) else { return nil }
    let directory = media.absolutePath("\(account.rawValue)/assets")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return nil
    }
    guard let name = names.first(where: { $0.hasPrefix(assetID.rawValue + ".") }) else {
      return nil
    }
    let ext = String(name.dropFirst(assetID.rawValue.count + 1))
    let kind = Self.contentTypes.values.first(where: { $0.ext == ext })?.kind ?? .image
    return ("\(account.rawValue)/assets/\(name)", kind)
  }
}
