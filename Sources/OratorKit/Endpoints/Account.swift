import HeyGenAPI

/// `GET /v3/users/me`.
public struct AccountEndpoints: Sendable {
  let transport: Transport

  /// What the account can still render (the wallet's remaining balance; on Orator, seconds
  /// of video), in the quota type this SDK has always returned.
  public func remainingQuota() async throws(HeyGenError) -> RemainingQuota {
    let user = try await transport.require(
      .GET, "/v3/users/me", envelope: .v3, as: V3User.self)
    let remaining = Int((user.wallet?.remainingBalance ?? 0).rounded(.down))
    return RemainingQuota(remainingQuota: remaining, details: .init(api: remaining))
  }
}
