import HTTPTypes
import Hummingbird

/// Admits `orator worker` processes: `Authorization: Bearer <worker token>`, compared in
/// constant time so the token cannot be guessed byte by byte from response times.
struct WorkerAuthMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  let token: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let header = request.headers[.authorization] ?? ""
    let prefix = "Bearer "
    guard header.hasPrefix(prefix), Self.equal(String(header.dropFirst(prefix.count)), token)
    else {
      throw UnauthorizedError()
    }
    return try await next(request, context)
  }

  /// Compares every byte of the longer input whatever the first difference, so the time
  /// taken says nothing about how much of a guess was right.
  static func equal(_ given: String, _ expected: String) -> Bool {
    let a = Array(given.utf8)
    let b = Array(expected.utf8)
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
      let x = index < a.count ? a[index] : 0
      let y = index < b.count ? b[index] : 0
      difference |= x ^ y
    }
    return difference == 0
  }
}
