import Hummingbird

/// Resolves `.` and `..` segments and repeated slashes, so `/v2/../v1/video_status.get` (which
/// some clients build by joining a v2 base with a v1 path) reaches `/v1/video_status.get`.
/// It wraps the router's responder rather than being router middleware: the router picks a
/// route from the path before any of its middleware runs.
struct PathNormalizingResponder<Wrapped: HTTPResponder>: HTTPResponder {
  typealias Context = Wrapped.Context
  let wrapped: Wrapped

  init(_ wrapped: Wrapped) { self.wrapped = wrapped }

  @Sendable func respond(to request: Request, context: Context) async throws -> Response {
    try await wrapped.respond(to: Self.normalized(request), context: context)
  }

  static func normalized(_ request: Request) -> Request {
    let path = request.uri.path
    guard path.contains("/.") || path.contains("//") else { return request }
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
    return Request(head: head, body: request.body)
  }
}
