import HeyGenAPI
import Hummingbird

/// `GET /v3/users/me`: the credential check of HeyGen's CLI (`heygen auth status`) and of
/// n8n. Credit is seconds of video, reported as a wallet in `credits`.
struct V3AccountRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/v3/users/me", me)
  }

  @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let remaining = try await AccountService(environment: environment, account: account)
      .remainingCredit()
    return try JSONResponse.v3(
      V3User(
        username: account.name, email: account.email, firstName: account.nameParts.first,
        lastName: account.nameParts.last, billingType: "wallet",
        wallet: V3Wallet(currency: "credits", remainingBalance: Double(remaining))))
  }
}
