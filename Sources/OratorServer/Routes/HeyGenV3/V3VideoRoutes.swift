import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v3/videos`, `GET /v3/videos`, `GET /v3/videos/statuses`, `GET /v3/videos/{id}`,
/// `DELETE /v3/videos/{id}`: v3's wire shapes over `VideoService`.
struct V3VideoRoutes {
  let environment: ServerEnvironment
  let idempotency: IdempotentRequests

  func register(on router: inout RouterRegistry) {
    router.post("/v3/videos", create)
    router.get("/v3/videos", list)
    router.get("/v3/videos/statuses", statuses)
    router.get("/v3/videos/:video_id", get)
    router.delete("/v3/videos/:video_id", delete)
  }

  private func videos(_ context: AppRequestContext) throws -> VideoService {
    VideoService(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    return try await idempotency.answer(request, account: account.id, endpoint: "POST /v3/videos") {
      let body = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
      let create: V3VideoCreateRequest = try RequestBody.decode(body, envelope: .v3)
      let mapping = V3VideoRequestMapping(
        assets: AssetService(environment: environment, account: account.id))
      let id: ResourceID
      do {
        let generate = try await mapping.request(for: create)
        do {
          id = try await videos(context).submit(generate, body: nil)
        } catch ApplicationError.invalid(var field) {
          // The shared checks name v2's fields; a v3 client is told its own.
          field.path = V3VideoRequestMapping.v3Field(field.path, in: create)
          throw ApplicationError.invalid(field)
        }
      } catch {
        // A refused request leaves nothing behind: no inline file, no new photo look.
        await mapping.undo()
        throw error
      }
      return try JSONReply(
        V3Envelope(data: V3VideoCreated(videoId: id.rawValue, status: "pending")))
    }
  }

  @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> Response {
    let video = try await videos(context).video(context.parameters.get("video_id") ?? "")
    return try JSONResponse.v3(V3Presenter.video(video))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let pagination = try V3Pagination(request, defaultLimit: 10, maxLimit: 100)
    let after = try pagination.videoPageToken()
    let page = try await videos(context).list(
      VideoListQuery(
        limit: pagination.limit, after: after, titleContains: request.formValue("title"),
        folderId: request.formValue("folder_id")))
    return try JSONResponse.v3List(
      page.videos.map(V3Presenter.video), nextToken: page.next?.string)
  }

  /// Up to 100 ids (`V3BulkStatuses`).
  @Sendable func statuses(_ request: Request, context: AppRequestContext) async throws -> Response {
    let videos = try videos(context)
    let ids = try V3BulkStatuses.ids(request, parameter: "video_ids")
    let rows = try await V3BulkStatuses.rows(ids) { try await videos.video($0).record }
    return try JSONResponse.v3List(rows, nextToken: nil)
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let video = try await videos(context).delete(context.parameters.get("video_id") ?? "")
    return try JSONResponse.v3(V3DeletedResource(id: video.id.rawValue, deleted: true))
  }
}
