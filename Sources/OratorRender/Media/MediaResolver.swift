import Foundation
import OratorCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What kind of file a request refers to, for error messages and asset lookup.
public enum MediaKind: String, Sendable {
  case image, video, audio
}

/// Turns the URLs and asset ids of a request into local files the renderer can read.
/// The server plugs in its own (asset store, private-address rules); the CLI uses
/// `LocalMediaResolver`.
public protocol MediaResolver: Sendable {
  /// A readable local file for `url`; `field` names the request field for errors.
  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  /// A readable local file for an uploaded asset.
  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  /// The picture and face of one of the account's talking photos.
  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile
}

extension MediaResolver {
  /// Where no account's photos are at hand (the offline CLI), every talking photo is unknown.
  public func talkingPhoto(_ id: String, field: String) async throws(InvalidField)
    -> TalkingPhotoFile
  {
    throw InvalidField(path: field, message: "unknown talking photo \"\(id)\"")
  }
}

/// A talking photo as a render reads it: its picture on disk and the face found in it.
public struct TalkingPhotoFile: Codable, Sendable, Equatable {
  public var path: String
  public var face: FaceLandmarks

  public init(path: String, face: FaceLandmarks) {
    self.path = path
    self.face = face
  }
}

/// Reads local paths and `file://` URLs directly and downloads `http(s)` URLs into a scratch
/// folder, with a size and time limit. Asset ids are looked up as files in `assetsDirectory`.
public struct LocalMediaResolver: MediaResolver {
  public var scratchDirectory: String
  public var assetsDirectory: String?
  public var maxDownloadBytes: Int
  public var downloadTimeout: TimeInterval

  public init(
    scratchDirectory: String, assetsDirectory: String? = nil,
    maxDownloadBytes: Int = 100 << 20, downloadTimeout: TimeInterval = 60
  ) {
    self.scratchDirectory = scratchDirectory
    self.assetsDirectory = assetsDirectory
    self.maxDownloadBytes = maxDownloadBytes
    self.downloadTimeout = downloadTimeout
  }

  public func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    let trimmed = url.trimmingCharacters(in: .whitespaces)
    if let parsed = URL(string: trimmed), let scheme = parsed.scheme?.lowercased(),
      scheme == "http" || scheme == "https"
    {
      return try await download(parsed, kind: kind, field: field)
    }
    let path = trimmed.hasPrefix("file://") ? (URL(string: trimmed)?.path ?? trimmed) : trimmed
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw InvalidField(path: field, message: "cannot read \(kind.rawValue) \"\(url)\"")
    }
    return path
  }

  public func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    guard let assetsDirectory, !id.contains("/"), !id.hasPrefix(".") else {
      throw InvalidField(path: field, message: "unknown \(kind.rawValue) asset \"\(id)\"")
    }
    let path = (assetsDirectory as NSString).appendingPathComponent(id)
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw InvalidField(path: field, message: "unknown \(kind.rawValue) asset \"\(id)\"")
    }
    return path
  }

  private func download(_ url: URL, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    var request = URLRequest(url: url)
    request.timeoutInterval = downloadTimeout
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await URLSession.shared.data(for: request)
    } catch {
      throw InvalidField(
        path: field,
        message:
          "cannot download \(kind.rawValue) \"\(url.absoluteString)\": \(error.localizedDescription)"
      )
    }
    if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
      throw InvalidField(
        path: field,
        message:
          "cannot download \(kind.rawValue) \"\(url.absoluteString)\": HTTP \(http.statusCode)")
    }
    guard data.count <= maxDownloadBytes else {
      throw InvalidField(
        path: field,
        message:
          "\(kind.rawValue) \"\(url.absoluteString)\" is larger than \(maxDownloadBytes >> 20) MB")
    }
    let path = (scratchDirectory as NSString).appendingPathComponent(
      "download-\(UUID().uuidString)-\(url.lastPathComponent)")
    do {
      try data.write(to: URL(fileURLWithPath: path))
    } catch {
      throw InvalidField(path: field, message: "cannot store downloaded \(kind.rawValue): \(error)")
    }
    return path
  }
}
