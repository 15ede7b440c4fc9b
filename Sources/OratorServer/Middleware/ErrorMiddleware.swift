import HeyGenAPI
import Hummingbird
import Logging
import OratorCore
import Synchronization

/// Turns every failure into JSON in HeyGen's shapes: `APIError` in its endpoint's envelope,
/// 401 in the shape both envelopes' clients read, framework errors (unknown path, wrong
/// method, body too large) and anything unexpected in the v2 envelope; a browser asking for a
/// page outside the API gets an HTML error page instead (`BrowserErrorPage`).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  let routes: RouteTableBox

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      let response = try answer(error, request: request, context: context)
      // A person in a browser gets a page; API clients keep their JSON.
      guard BrowserErrorPage.isWanted(by: request) else { return response }
      return BrowserErrorPage(status: response.status, path: request.uri.path).response
    }
  }

  private func answer(_ failure: any Error, request: Request, context: Context) throws -> Response {
    do {
      throw failure
    } catch let error as APIError {
      return try JSONResponse.error(error)
    } catch let error as ApplicationError {
      return try JSONResponse.error(APIError(error, envelope: envelope(for: request)))
    } catch is UnauthorizedError {
      if envelope(for: request) == .v3 {
        return try JSONResponse.error(
          APIError(
            .unauthorized,
            "a valid API key is required: send it as X-Api-Key or Authorization: Bearer",
            envelope: .v3))
      }
      return try JSONResponse.make(UnauthorizedBody(), status: .unauthorized)
    } catch StoreError.unreachable(let reason) {
      // The database is away (down, cut off, or every connection busy): a quick 503 that
      // says when to try again, rather than a 500 after a long hang.
      context.logger.warning(
        "database unreachable", metadata: ["reason": "\(reason)", "path": "\(request.uri.path)"])
      return try JSONResponse.error(
        APIError(
          .serviceUnavailable, "the database cannot be reached; try again shortly",
          envelope: envelope(for: request), retryAfter: 5))
    } catch let error as any HTTPResponseError {
      // The router's HTTPError (unknown path, wrong method), NIO's body limit and the body
      // timeout alike.
      var response = try JSONResponse.error(translate(error, request: request))
      // A timed-out body is abandoned mid-stream: the connection cannot carry another request.
      if error.status == .requestTimeout { response.headers[.connection] = "close" }
      return response
    } catch {
      context.logger.error(
        "unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
      return try JSONResponse.error(.internal("internal error", envelope(for: request)))
    }
  }

  private func translate(_ error: any HTTPResponseError, request: Request) -> APIError {
    let envelope = envelope(for: request)
    switch error.status {
    case .notFound:
      let allowed = routes.table.methods(for: request.uri.path)
      if !allowed.isEmpty && !allowed.contains(request.method) {
        var error = APIError(
          .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path)",
          envelope: envelope)
        // RFC 9110: a 405 lists the methods the resource does support.
        error.allow = allowed.map(\.rawValue)
        return error
      }
      return .notFound(
        "no such endpoint: \(request.method.rawValue) \(request.uri.path)", envelope,
        code: .endpointNotFound)
    case .contentTooLarge:
      return APIError(.payloadTooLarge, "request body is too large", envelope: envelope)
    case .requestTimeout:
      let limit = (error as? RequestBodyTimeout).map {
        " within \(String(format: "%g", $0.limit.timeInterval)) s"
      }
      return APIError(
        .requestTimeout,
        "the request body did not arrive\(limit ?? " in time"); send it without pauses",
        envelope: envelope)
    default:
      var translated = APIError(
        .invalidParameter, (error as? HTTPError)?.body ?? error.status.reasonPhrase,
        envelope: envelope)
      translated.statusOverride = error.status
      return translated
    }
  }

  private func envelope(for request: Request) -> APIError.Envelope {
    APIError.Envelope(path: request.uri.path)
  }
}

/// The paths the router serves, to tell "no such path" (404) from "wrong method" (405).
struct RouteTable: Sendable {
  private var routes: [(method: HTTPRequest.Method, segments: [Substring])] = []

  mutating func add(_ method: HTTPRequest.Method, _ path: String) {
    routes.append((method, path.split(separator: "/")))
  }

  /// The methods served on `path`, in a stable order; empty when no route has that path.
  func methods(for path: String) -> [HTTPRequest.Method] {
    let segments = path.split(separator: "/")
    var methods: [HTTPRequest.Method] = []
    for route in routes
    where route.segments.count == segments.count
      && zip(route.segments, segments).allSatisfy({ $0.hasPrefix(":") || $0 == $1 })
      && !methods.contains(route.method)
    {
      methods.append(route.method)
    }
    return methods.sorted { $0.rawValue < $1.rawValue }
  }
}

/// The route table, filled once the router is built (middleware is added before the routes).
final class RouteTableBox: Sendable {
  private let storage = Mutex(RouteTable())

  func set(_ table: RouteTable) { storage.withLock { $0 = table } }
  var table: RouteTable { storage.withLock { $0 } }
}
