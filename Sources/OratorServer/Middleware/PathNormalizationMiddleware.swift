import Hummingbird

/// Resolves `.` and `..` segments and repeated slashes, so `/v2/../v1/video_status.get` (which
/// some clients build by joining a v2 base with a v1 path) reaches `/v1/video_status.get`.
struct PathNormalizationMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    guard path.contains("/.") || path.contains("//") else {
      return try await next(request, context)
    }
    var stack: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": _ = stack.popLast()
      default: stack.append(segment)
      }
    }
    var head = request.head
    let query = request.uri.query.map { "?" + $0 } ?? ""
    head.path = "/" + stack.joined(separator: "/") + query
    return try await next(Request(head: head, body: request.body), context)
  }
}
