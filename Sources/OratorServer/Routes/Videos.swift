import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `/v2/video/generate`, `/v1/video_status.get`, `/v1/video.list`, `/v1/video.delete`,
/// `/v1/video/share`.
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

  @Sendable func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    let generate: VideoGenerateRequest = try RequestBody.decode(body, envelope: .v2)
    do {
      try await GenerateRequestCheck(environment: environment, account: account.id).check(generate)
    } catch {
      throw APIError.invalid(error, .v2)
    }
    let id = try await VideoQueue(environment: environment).submit(
      generate, body: Data(body), account: account.id)
    return try JSONResponse.v2(VideoGenerateResult(videoId: id.rawValue))
  }

  @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let video = try await findVideo(
      request.uri.queryParameters.get("video_id"), account: account, envelope: .v1)
    return try JSONResponse.v1(VideoPresenter(environment: environment).status(video))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
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
    let page = try await environment.store.listVideos(
      account: account.id, limit: limit, after: after)
    let presenter = VideoPresenter(environment: environment)
    return try JSONResponse.v1(
      VideoListData(videos: page.videos.map(presenter.listItem), token: page.next?.string))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    var id = request.uri.queryParameters.get("video_id")
    if id == nil || id?.isEmpty == true {
      let body = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
      if !body.isEmpty, let decoded = try? JSONDecoder().decode(VideoIdBody.self, from: Data(body))
      {
        id = decoded.videoId
      }
    }
    let video = try await findVideo(id, account: account, envelope: .v1)
    _ = try await environment.store.deleteVideo(
      id: video.id, account: account.id, now: environment.clock.now())
    environment.media.removeVideo(account: account.id, video: video.id)
    return try JSONResponse.v1(Optional<Empty>.none)
  }

  @Sendable func share(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let body = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
    let ids: VideoIdBody = try RequestBody.decode(body, envelope: .v1)
    let video = try await findVideo(ids.videoId, account: account, envelope: .v1)
    _ = try await environment.store.shareVideo(
      id: video.id, account: account.id, now: environment.clock.now())
    return try JSONResponse.v1(environment.baseURL + "/share/" + video.id.rawValue)
  }

  private func findVideo(_ id: String?, account: Account, envelope: APIError.Envelope) async throws
    -> VideoRecord
  {
    guard let id, !id.isEmpty else {
      throw APIError.invalid(
        InvalidField(path: "video_id", message: "is required", isMissing: true), envelope)
    }
    guard let resourceID = ResourceID(id),
      let video = try await environment.store.video(id: resourceID, account: account.id)
    else {
      throw APIError.notFound("video \"\(id)\" not found", envelope)
    }
    return video
  }
}
