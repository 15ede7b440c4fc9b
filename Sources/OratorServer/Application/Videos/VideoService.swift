import Foundation
import HeyGenAPI
import OratorCore

/// The video use-cases every API dialect shares: submit, read, list, delete, share. One store
/// and one id space, so a video made through v2 is read, listed and deleted through v3 and
/// the other way round.
struct VideoService {
  let environment: ServerEnvironment
  let account: ResourceID

  /// Checks a request once (limits, catalogue, media, callback), resolves look ids, and
  /// queues it. `body` is the request as the client sent it, stored when nothing needed
  /// resolving so the worker renders exactly what was asked.
  func submit(_ request: VideoGenerateRequest, body: Data?) async throws -> ResourceID {
    let resolved: VideoGenerateRequest
    do {
      resolved = try await GenerateRequestCheck(environment: environment, account: account).check(
        request)
    } catch {
      throw ApplicationError.invalid(error)
    }
    return try await VideoQueue(environment: environment).submit(
      resolved, body: resolved == request ? body : nil, account: account)
  }

  /// The video, or `.notFound` naming the id as the client gave it.
  func video(_ id: String) async throws -> VideoView {
    VideoView(record: try await record(id), environment: environment)
  }

  /// A page of the account's videos, newest first. `titleContains` and `folderId` narrow the
  /// list; a narrowed page is filled from as many store pages as it takes.
  func list(_ query: VideoListQuery) async throws -> (videos: [VideoView], next: VideoPageToken?) {
    var found: [VideoView] = []
    var after = query.after
    while true {
      let page = try await environment.store.listVideos(
        account: account, limit: query.filters ? VideoPage.limits.upperBound : query.limit,
        after: after)
      for record in page.videos {
        let view = VideoView(record: record, environment: environment)
        guard query.matches(view) else { continue }
        found.append(view)
        if found.count == query.limit {
          // A next page exists only if anything follows; the store's cursor says whether.
          let isLast = record == page.videos.last && page.next == nil
          return (found, isLast ? nil : VideoPageToken(after: record))
        }
      }
      guard let next = page.next else { return (found, nil) }
      after = next
    }
  }

  /// Deletes a video and its files; returns it as it was.
  @discardableResult
  func delete(_ id: String) async throws -> VideoRecord {
    let video = try await record(id)
    _ = try await environment.store.deleteVideo(
      id: video.id, account: account, now: environment.clock.now())
    environment.media.removeVideo(account: account, video: video.id)
    return video
  }

  /// Makes the video's public page available; returns its URL.
  func share(_ id: String) async throws -> String {
    let video = try await record(id)
    _ = try await environment.store.shareVideo(
      id: video.id, account: account, now: environment.clock.now())
    return VideoView.sharePage(of: video.id, base: environment.baseURL)
  }

  private func record(_ id: String) async throws -> VideoRecord {
    guard !id.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: "video_id", message: "is required", isMissing: true))
    }
    guard let resourceID = ResourceID(id),
      let video = try await environment.store.video(id: resourceID, account: account)
    else {
      throw ApplicationError.notFound(.video, id: id)
    }
    return video
  }
}

/// Which videos a list asks for.
struct VideoListQuery: Sendable {
  var limit: Int
  var after: VideoPageToken?
  var titleContains: String?
  var folderId: String?
  /// Only generated or only translated videos.
  var kind: VideoKind?

  var filters: Bool { titleContains != nil || folderId != nil || kind != nil }

  func matches(_ video: VideoView) -> Bool {
    if let kind, video.record.kind != kind { return false }
    if let titleContains,
      !video.record.title.localizedCaseInsensitiveContains(titleContains)
    {
      return false
    }
    if let folderId, video.folderId != folderId { return false }
    return true
  }
}
