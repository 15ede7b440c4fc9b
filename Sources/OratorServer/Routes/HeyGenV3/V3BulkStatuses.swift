import HeyGenAPI
import Hummingbird
import OratorCore

/// v3's bulk status reads (`GET /v3/videos/statuses`, `GET /v3/video-translations/statuses`):
/// up to 100 ids, comma-separated or repeated; an id the account does not have is
/// `not_found` in its row rather than an error for the whole call.
enum V3BulkStatuses {
  static let most = 100

  /// The ids of the query parameter `name`, checked.
  static func ids(_ request: Request, parameter name: String) throws -> [String] {
    let ids = request.uri.queryParameters.getAll(name)
      .flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !ids.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: name, message: "is required: comma-separated ids", isMissing: true))
    }
    guard ids.count <= most else {
      throw ApplicationError.invalid(
        InvalidField(path: name, message: "may name at most \(most) ids, got \(ids.count)"))
    }
    return ids
  }

  /// One row per id, in order: `find` gives the id's video, or throws `.notFound`.
  static func rows(_ ids: [String], find: (String) async throws -> VideoRecord) async throws
    -> [V3VideoStatusItem]
  {
    var rows: [V3VideoStatusItem] = []
    for id in ids {
      do {
        let video = try await find(id)
        rows.append(
          V3VideoStatusItem(
            videoId: id, status: status(video.status),
            error: video.failure.map { V3StatusError(code: $0.kind.v3, message: $0.message) }))
      } catch ApplicationError.notFound {
        rows.append(V3VideoStatusItem(videoId: id, status: "not_found"))
      }
    }
    return rows
  }

  /// The bulk endpoints' vocabulary: `queued` where the resources say `pending`.
  private static func status(_ status: VideoStatus) -> String {
    status == .pending ? "queued" : status.rawValue
  }
}
