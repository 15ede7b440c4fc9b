import Foundation
import OratorCore
import OratorRender

/// Resolves a render's media for one account: its own uploaded assets by id, Orator's own
/// signed media URLs straight from disk, anything else fetched under the outbound rules.
struct ServerMediaResolver: MediaResolver {
  var account: ResourceID
  var environment: ServerEnvironment
  var scratchDirectory: String

  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  {
    if let local = try ownMediaFile(url, field: field) { return local }
    let path = (scratchDirectory as NSString).appendingPathComponent(
      "download-\(UUID().uuidString)")
    try await environment.fetcher.download(url, to: path, field: field)
    try await DownloadedMediaCheck.verify(path, kind: kind, field: field, url: url)
    return path
  }

  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    guard let asset = AssetLibrary(media: environment.media).find(account: account, id: id) else {
      throw InvalidField(path: field, message: "unknown \(kind.rawValue) asset \"\(id)\"")
    }
    return environment.media.absolutePath(asset.relativePath)
  }

  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
    let photo = try await TalkingPhotoLookup(store: environment.store, account: account)
      .photo(id, field: field)
    return TalkingPhotoFile(
      path: environment.media.absolutePath(photo.imageFile), face: photo.face)
  }

  /// A URL this server signed (an asset's `url`, a finished video) is read from the media folder.
  private func ownMediaFile(_ url: String, field: String) throws(InvalidField) -> String? {
    guard url.hasPrefix(environment.baseURL + SignedMediaURL.pathPrefix) else { return nil }
    guard let link = SignedMediaURL(url: url, base: environment.baseURL) else {
      throw InvalidField(path: field, message: "not a media link: \"\(url)\"")
    }
    guard link.check(with: environment.signer, now: environment.clock.now()) == .valid else {
      throw InvalidField(
        path: field, message: "the media link \"\(url)\" has expired or was altered")
    }
    return environment.media.absolutePath(link.relativePath)
  }
}
