import HeyGenAPI
import Hummingbird

/// `GET /v2/user/remaining_quota`: seconds of video the account can still start. Orator has
/// only API credit, so `details.api` equals the total and the streaming and seat quotas are 0.
struct QuotaRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v2/user/remaining_quota", remainingQuota)
  }

  @Sendable func remainingQuota(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let remaining = try await AccountService(
      environment: environment, account: try context.requireAccount()
    ).remainingCredit()
    return try JSONResponse.v2(
      RemainingQuota(remainingQuota: remaining, details: .init(api: remaining)))
  }
}
