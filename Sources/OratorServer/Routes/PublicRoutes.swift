import Foundation
import HeyGenAPI
import Hummingbird
import NIOCore
import OratorCore

/// Routes without an API key: `/healthz` and `/readyz`, signed `/media/…` files (with HTTP Range), and the
/// public `/share/<id>` page of a shared video.
struct PublicRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    HealthRoutes(environment: environment).register(on: &router)
    MetricsRoutes(environment: environment).register(on: &router)
    router.get("/media/**", media)
    router.get("/share/:id", sharePage)
  }

  /// Serves a file of the media folder when its signature holds: 403 when expired or altered.
  /// Range requests are answered with 206 so players can seek.
  @Sendable func media(_ request: Request, context: AppRequestContext) async throws -> Response {
    let query = request.uri.queryParameters
    guard
      let link = SignedMediaURL(
        path: request.uri.path, expires: query.get("expires"), signature: query.get("signature"))
    else {
      throw APIError.notFound("no such file", .v2)
    }
    switch link.check(with: environment.signer, now: environment.clock.now()) {
    case .valid: break
    case .expired:
      throw APIError(
        .forbidden, "this media link has expired",
        envelope: .v2)
    case .tampered:
      throw APIError(
        .forbidden, "this media link is not valid",
        envelope: .v2)
    }
    return try await MediaFileResponder.respond(
      to: request, context: context, file: environment.media.absolutePath(link.relativePath))
  }

  @Sendable func sharePage(_ request: Request, context: AppRequestContext) async throws -> Response
  {
    let id = context.parameters.get("id") ?? ""
    guard let videoID = ResourceID(id),
      let video = try await environment.store.sharedVideo(id: videoID),
      video.status == .completed, let file = video.files.video
    else {
      throw APIError.notFound("no shared video \"\(id)\"", .v2)
    }
    let page = SharePage(
      title: video.title.isEmpty ? "Video" : video.title,
      videoURL: environment.signedMediaURL(file),
      posterURL: video.files.thumbnail.map(environment.signedMediaURL),
      captionsURL: video.files.captionsVTT.map(environment.signedMediaURL),
      styleNonce: Data(environment.random.bytes(16)).base64EncodedString())
    return Response(
      status: .ok,
      headers: [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy: page.contentSecurityPolicy,
      ],
      body: .init(byteBuffer: ByteBuffer(string: page.html)))
  }
}
