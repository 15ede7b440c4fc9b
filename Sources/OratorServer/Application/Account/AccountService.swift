import OratorCore

/// The account behind a key and what it can still spend: `GET /v2/user/remaining_quota`
/// and `GET /v3/users/me`.
struct AccountService {
  let environment: ServerEnvironment
  let account: Account

  /// Seconds of video the account can still start (never below zero).
  func remainingCredit() async throws -> Int {
    max(0, try await environment.store.remainingCredit(account: account.id))
  }
}
