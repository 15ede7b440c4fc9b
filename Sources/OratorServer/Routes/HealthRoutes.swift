import Hummingbird
import OratorCore
import ServiceLifecycle

/// `/healthz` and `/readyz`, for process supervisors and load balancers. `/healthz` is
/// liveness: the process answers, whatever its database does, so a supervisor does not
/// restart a node only because the database is away. `/readyz` is readiness: 503 while the
/// database cannot be reached (or the server is stopping), so a load balancer drains the
/// node until it can serve again.
struct HealthRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/healthz") { _, _ in
      try JSONResponse.make(["status": "ok"])
    }
    router.get("/readyz", ready)
  }

  @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
    if Task.isShuttingDownGracefully {
      return try JSONResponse.make(
        ["status": "stopping"], status: .serviceUnavailable)
    }
    do {
      try await environment.store.ping()
      return try JSONResponse.make(["status": "ok", "database": "ok"])
    } catch {
      context.logger.warning("not ready: database", metadata: ["error": "\(error)"])
      var response = try JSONResponse.make(
        ["status": "unavailable", "database": "unreachable"], status: .serviceUnavailable)
      response.headers[.retryAfter] = "5"
      return response
    }
  }
}
