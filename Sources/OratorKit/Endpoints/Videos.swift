import Foundation
import HeyGenAPI

/// `POST /v3/videos` (or `POST /v2/video/generate` for what v3 cannot say);
/// `GET /v3/videos/<id>`, `GET /v3/videos` and
/// `DELETE /v3/videos/<id>` (v3, which HeyGen serves for new work; v1's status and list are
/// retired there), answered in the same types as before; and `POST /v1/video/share`.
public struct Videos: Sendable {
  let transport: Transport

  /// Queues a video and returns its id at once; see
  /// ``HeyGenClient/waitForVideo(id:timeout:progress:)`` for the rest.
  ///
  /// A 429 (too many videos rendering) is retried after the server's `Retry-After`; other
  /// failures are not, so a video is never submitted twice.
  ///
  /// A request v3 can say whole goes to `POST /v3/videos`, the API HeyGen serves for new
  /// work: one presenter scene as `type: "avatar"`, or scenes that are each a presenter over
  /// a colour, a picture shown whole, or a clip played whole as `type: "studio"`, in a frame
  /// size v3's `aspect_ratio` × `resolution` names; a presenter is a built-in avatar's look
  /// or a talking photo, whose id is its look's. What v3 has no field for goes to
  /// `POST /v2/video/generate` as it is: text overlays, a presenter's offset, scale,
  /// matting, circle colour or talking-photo style, pictures cropped to fill and
  /// looping clips in a scene of several, voice emotions and ElevenLabs settings, watermarks,
  /// `fps`, `caption_mode`, and other frame sizes.
  public func generate(_ request: VideoGenerateRequest) async throws(HeyGenError) -> VideoID {
    if let body = V3AvatarVideoBody(request) {
      return try await generate(v3Body: Transport.json(body))
    }
    if let body = V3StudioVideoBody(request) {
      return try await generate(v3Body: Transport.json(body))
    }
    let result = try await transport.require(
      .POST, "/v2/video/generate", body: Transport.json(request), envelope: .v2,
      as: VideoGenerateResult.self)
    return VideoID(result.videoId)
  }

  /// Queues a video from a whole `POST /v3/videos` body (JSON with a `type`: `avatar`,
  /// `image`, `studio`, …), sent as it is, and returns its id at once.
  public func generate(v3Body body: Data) async throws(HeyGenError) -> VideoID {
    let created = try await transport.require(
      .POST, "/v3/videos", body: body, envelope: .v3, as: V3VideoCreated.self)
    return VideoID(created.videoId)
  }

  /// The video's status, with fresh signed media links once it is `completed`.
  public func status(id: VideoID) async throws(HeyGenError) -> VideoStatus {
    let video = try await transport.require(
      .GET, "/v3/videos/\(Path.segment(id.rawValue))", envelope: .v3, as: V3Video.self)
    return VideoStatus(v3: video)
  }

  /// One page of the account's videos, newest first.
  /// - Parameters:
  ///   - limit: 1–100 videos per page.
  ///   - token: ``VideoPage/nextToken`` of the previous page.
  public func list(limit: Int? = nil, token: String? = nil) async throws(HeyGenError)
    -> VideoPage
  {
    let page = try await transport.list(
      "/v3/videos", query: [("limit", limit.map(String.init)), ("token", token)],
      as: V3Video.self)
    return VideoPage(videos: page.items.map(VideoListItem.init(v3:)), nextToken: page.nextToken)
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
    _ = try await transport.require(
      .DELETE, "/v3/videos/\(Path.segment(id.rawValue))", envelope: .v3, as: V3DeletedResource.self)
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

extension VideoStatus {
  /// v3's video resource in the status type this SDK has always returned.
  init(v3 video: V3Video) {
    self.init(
      id: video.id, status: video.status, videoUrl: video.videoUrl,
      thumbnailUrl: video.thumbnailUrl, gifUrl: video.gifUrl, captionUrl: video.subtitleUrl,
      videoUrlCaption: video.captionedVideoUrl, duration: video.duration,
      createdAt: video.createdAt ?? 0, callbackId: nil,
      error: video.status == "failed"
        ? VideoErrorDetail(
          code: video.failureCode.flatMap { HeyGenErrorCode(v3: $0)?.v1 ?? Int($0) } ?? 0,
          message: video.failureMessage ?? "failed", detail: video.failureMessage ?? "")
        : nil,
      progress: video.progress)
  }
}

extension VideoListItem {
  /// A row of v3's video list as the list type this SDK has always returned.
  init(v3 video: V3Video) {
    self.init(
      videoId: video.id, videoTitle: video.title ?? "", status: video.status,
      createdAt: video.createdAt ?? 0,
      type: video.outputLanguage == nil ? "GENERATED" : "TRANSLATED")
  }
}
