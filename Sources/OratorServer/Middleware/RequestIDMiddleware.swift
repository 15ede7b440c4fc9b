import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every response, errors included, an `X-Request-Id` (HeyGen's CLI shows it with its
/// errors), and logs one line per request carrying the same id, so a user's report can be
/// found in the log. The id is the one Hummingbird already tags the request's logger with.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
  static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let id = context.id
    let started = ContinuousClock.now
    var response = try await next(request, context)
    response.headers[Self.header] = id
    let elapsed = ContinuousClock.now - started
    context.logger.info(
      "request",
      metadata: [
        "request_id": .string(id), "method": .string(request.method.rawValue),
        "path": .string(request.uri.path), "status": .stringConvertible(response.status.code),
        "duration_ms": .string(String(format: "%.1f", elapsed.timeInterval * 1000)),
      ])
    return response
  }
}
