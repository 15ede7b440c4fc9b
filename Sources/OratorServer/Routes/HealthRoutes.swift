import Hummingbird
import OratorCore
import ServiceLifecycle

/// `/healthz` and `/readyz`, for process supervisors and load balancers, both with the
/// release. `/healthz` is liveness: the process answers, whatever its database does, so a
/// supervisor does not restart a node only because the database is away. `/readyz` is
/// readiness: 503 while anything the node needs is missing (the database unreachable, no
/// ffmpeg, no voices or avatars, workers stopped) or the server is stopping, so a load
/// balancer drains the node until it can serve again; `checks` says which.
struct HealthRoutes {
  let environment: ServerEnvironment

  struct Health: Encodable {
    var status: String
    var version = OratorVersion.current
  }

  struct Readiness: Encodable {
    var status: String
    var version = OratorVersion.current
    /// The database's check, also in `checks`, kept at the top for existing probes.
    var database: String?
    var checks: [String: String]
  }

  func register(on router: inout RouterRegistry) {
    router.get("/healthz") { _, _ in
      try JSONResponse.make(Health(status: "ok"))
    }
    router.get("/readyz", ready)
  }

  @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
    if Task.isShuttingDownGracefully {
      return try JSONResponse.make(
        Readiness(status: "stopping", checks: [:]), status: .serviceUnavailable)
    }
    let result = await ReadinessCheck(environment: environment, workers: environment.workers).run()
    let answer = Readiness(
      status: result.ready ? "ok" : "unavailable", database: result.checks["database"],
      checks: result.checks)
    guard result.ready else {
      context.logger.warning(
        "not ready",
        metadata: [
          "failing": .string(
            result.checks.filter { !$0.value.hasPrefix(ReadinessCheck.Result.ok) }.keys.sorted()
              .joined(separator: ","))
        ])
      var response = try JSONResponse.make(answer, status: .serviceUnavailable)
      response.headers[.retryAfter] = "5"
      return response
    }
    return try JSONResponse.make(answer)
  }
}
