import Foundation
import HeyGenAPI
import OratorCore

/// A stored video as a client may see it: the record, its files as freshly signed links
/// (re-signed on every read, so a link is valid for the full lifetime from the last poll),
/// and what its request said that the record does not keep.
struct VideoView: Sendable {
  var record: VideoRecord
  /// Signed links to the finished files; all nil until the video is completed.
  var links: VideoFiles
  /// The folder the request named (`folder_id`), if any.
  var folderId: String?
  /// The public page, once the video was shared.
  var sharePage: String?
  /// The language a translated video speaks (BCP 47); nil for generated videos.
  var outputLanguage: String?

  init(record: VideoRecord, environment: ServerEnvironment) {
    self.record = record
    let completed = record.status == .completed
    func link(_ file: String?) -> String? {
      guard completed, let file else { return nil }
      return environment.signedMediaURL(file)
    }
    let files = record.files
    links = VideoFiles(
      video: link(files.video), thumbnail: link(files.thumbnail), gif: link(files.gif),
      captionsASS: link(files.captionsASS), captionsSRT: link(files.captionsSRT),
      captionsVTT: link(files.captionsVTT), captionedVideo: link(files.captionedVideo))
    sharePage = record.sharedAt.map { _ in Self.sharePage(of: record.id, base: environment.baseURL)
    }
    switch record.kind {
    case .generated:
      folderId = (try? JSONDecoder().decode(FolderOfRequest.self, from: record.request))?.folderId
      outputLanguage = nil
    case .translated:
      folderId = nil
      outputLanguage = TranslationSpec.decode(record.request)?.outputLanguageCode
    }
  }

  /// How far the video is, 0…1: 0 while queued, the worker's last report while rendering, 1
  /// once completed; nil once failed.
  var progress: Double? {
    switch record.status {
    case .pending: 0
    case .processing: record.progress ?? 0
    case .completed: 1
    case .failed: nil
    }
  }

  static func sharePage(of id: ResourceID, base: String) -> String {
    base + "/share/" + id.rawValue
  }

  /// Only the folder of a stored generate request.
  private struct FolderOfRequest: Decodable {
    var folderId: String?
    enum CodingKeys: String, CodingKey { case folderId = "folder_id" }
  }
}
