import Foundation
import HeyGenAPI

/// `POST /v2/video/generate`, `GET /v1/video_status.get`, `GET /v1/video.list`,
/// `DELETE /v1/video.delete` and `POST /v1/video/share`.
public struct Videos: Sendable {
  let transport: Transport

  /// Queues a video and returns its id at once; see
  /// ``HeyGenClient/waitForVideo(id:timeout:progress:)`` for the rest.
  ///
  /// A 429 (too many videos rendering) is retried after the server's `Retry-After`; other
  /// failures are not, so a video is never submitted twice.
  public func generate(_ request: VideoGenerateRequest) async throws(HeyGenError) -> VideoID {
    let result = try await transport.require(
      .POST, "/v2/video/generate", body: Transport.json(request), envelope: .v2,
      as: VideoGenerateResult.self)
    return VideoID(result.videoId)
  }

  /// The video's status, with fresh signed media links once it is `completed`.
  public func status(id: VideoID) async throws(HeyGenError) -> VideoStatus {
    try await transport.require(
      .GET, "/v1/video_status.get", query: [("video_id", id.rawValue)], envelope: .v1)
  }

  /// One page of the account's videos, newest first.
  /// - Parameters:
  ///   - limit: 1–100 videos per page.
  ///   - token: ``VideoPage/nextToken`` of the previous page.
  public func list(limit: Int? = nil, token: String? = nil) async throws(HeyGenError)
    -> VideoPage
  {
    let data = try await transport.require(
      .GET, "/v1/video.list", query: [("limit", limit.map(String.init)), ("token", token)],
      envelope: .v1, as: VideoListData.self)
    return VideoPage(videos: data.videos, nextToken: data.token)
  }

  /// Every video of the account, following the pages.
  public func all(pageSize: Int = 100) async throws(HeyGenError) -> [VideoListItem] {
    var videos: [VideoListItem] = []
    var token: String?
    repeat {
      let page = try await list(limit: pageSize, token: token)
      videos += page.videos
      token = page.nextToken
    } while token != nil
    return videos
  }

  /// Deletes the video and its files.
  public func delete(id: VideoID) async throws(HeyGenError) {
    _ = try await transport.call(
      .DELETE, "/v1/video.delete", query: [("video_id", id.rawValue)], envelope: .v1,
      as: Empty.self)
  }

  /// Makes the video's public share page and returns its URL.
  public func share(id: VideoID) async throws(HeyGenError) -> URL {
    let page = try await transport.require(
      .POST, "/v1/video/share", body: Transport.json(VideoIdBody(videoId: id.rawValue)),
      envelope: .v1, as: String.self)
    guard let url = URL(string: page) else {
      throw HeyGenError(kind: .invalidResponse, message: "share answered \"\(page)\", not a URL")
    }
    return url
  }
}
