import Foundation
import OratorCore
import OratorRender

/// Resolves a remote render's media: the server's own signed media links and the job
/// account's uploaded assets come through the server the worker talks to (an asset by a
/// short-lived signed link the worker API hands out for a held lease); any other URL is
/// fetched under the same outbound rules as on the server.
struct RemoteMediaResolver: MediaResolver {
  let client: WorkerClient
  let lease: JobLease
  /// The server's public base URL, which its own media links start with.
  let publicBase: String
  let fetcher: OutboundFetcher
  let scratchDirectory: String

  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  {
    let path = scratchPath(extension: "")
    if let link = SignedMediaURL(url: url, base: publicBase) {
      try await fetchFromServer(link.pathAndQuery, to: path, field: field, what: "\"\(url)\"")
      return path
    }
    try await fetcher.download(url, to: path, field: field)
    try await DownloadedMediaCheck.verify(path, kind: kind, field: field, url: url)
    return path
  }

  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    let signed: String
    do {
      signed = try await client.assetPath(lease, id: id)
    } catch {
      throw InvalidField(path: field, message: "unknown \(kind.rawValue) asset \"\(id)\"")
    }
    // Keep the stored extension: it says what the file is.
    let name = signed.split(separator: "?").first.map(String.init) ?? signed
    let path = scratchPath(extension: (name as NSString).pathExtension)
    try await fetchFromServer(signed, to: path, field: field, what: "asset \"\(id)\"")
    return path
  }

  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
    let answer: WorkerMessages.TalkingPhotoResponse
    do {
      answer = try await client.talkingPhoto(lease, id: id)
    } catch {
      throw InvalidField(path: field, message: "unknown talking photo \"\(id)\"")
    }
    let path = scratchPath(extension: "png")
    try await fetchFromServer(answer.path, to: path, field: field, what: "talking photo \"\(id)\"")
    return TalkingPhotoFile(path: path, face: answer.face)
  }

  private func fetchFromServer(_ path: String, to destination: String, field: String, what: String)
    async throws(InvalidField)
  {
    do {
      try await client.download(path, to: destination, maxBytes: fetcher.maxBytes)
    } catch {
      // The error may name this machine's scratch folder; the user learns what failed.
      throw InvalidField(path: field, message: "cannot fetch \(what) from the server")
    }
  }

  private func scratchPath(extension ext: String) -> String {
    (scratchDirectory as NSString).appendingPathComponent(
      "download-\(UUID().uuidString)" + (ext.isEmpty ? "" : "." + ext))
  }
}
