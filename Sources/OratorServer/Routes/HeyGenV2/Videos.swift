import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `/v2/video/generate`, `/v1/video_status.get`, `/v1/video.list`, `/v1/video.delete`,
/// `/v1/video/share`: the v1/v2 wire shapes over `VideoService`.
struct VideoRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.post("/v2/video/generate", generate)
    router.get("/v1/video_status.get", status)
    router.get("/v1/video.list", list)
    router.delete("/v1/video.delete", delete)
    router.post("/v1/video.delete", delete)
    router.post("/v1/video/share", share)
  }

  private func videos(_ context: AppRequestContext) throws -> VideoService {
    VideoService(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
    let videos = try videos(context)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    let generate: VideoGenerateRequest = try RequestBody.decode(body, envelope: .v2)
    let id = try await videos.submit(generate, body: Data(body))
    return try JSONResponse.v2(VideoGenerateResult(videoId: id.rawValue))
  }

  @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
    let video = try await videos(context).video(
      request.uri.queryParameters.get("video_id") ?? "")
    return try JSONResponse.v1(VideoPresenter.status(video))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let query = request.uri.queryParameters
    var limit = 100
    if let text = query.get("limit") {
      guard let value = Int(text), VideoPage.limits.contains(value) else {
        throw APIError.invalid(
          InvalidField(path: "limit", message: "must be an integer from 1 to 100"), .v1)
      }
      limit = value
    }
    var after: VideoPageToken?
    if let token = query.get("token"), !token.isEmpty {
      guard let parsed = VideoPageToken(string: token) else {
        throw APIError.invalid(
          InvalidField(path: "token", message: "is not a token from a previous page"), .v1)
      }
      after = parsed
    }
    let page = try await videos(context).list(VideoListQuery(limit: limit, after: after))
    return try JSONResponse.v1(
      VideoListData(videos: page.videos.map(VideoPresenter.listItem), token: page.next?.string))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let videos = try videos(context)
    var id = request.uri.queryParameters.get("video_id")
    if id == nil || id?.isEmpty == true {
      let body = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
      if !body.isEmpty, let decoded = try? JSONDecoder().decode(VideoIdBody.self, from: Data(body))
      {
        id = decoded.videoId
      }
    }
    try await videos.delete(id ?? "")
    return try JSONResponse.v1(Optional<Empty>.none)
  }

  @Sendable func share(_ request: Request, context: AppRequestContext) async throws -> Response {
    let videos = try videos(context)
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
    let ids: VideoIdBody = try RequestBody.decode(body, envelope: .v1)
    return try JSONResponse.v1(try await videos.share(ids.videoId ?? ""))
  }
}
