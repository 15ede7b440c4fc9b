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
    let account = try context.requireAccount()
    let remaining = max(0, try await environment.store.remainingCredit(account: account.id))
    return try JSONResponse.v2(
      RemainingQuota(remainingQuota: remaining, details: .init(api: remaining)))
  }
}
