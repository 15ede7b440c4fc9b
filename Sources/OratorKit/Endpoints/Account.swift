import HeyGenAPI

/// `GET /v2/user/remaining_quota`.
public struct AccountEndpoints: Sendable {
  let transport: Transport

  /// What the account can still render; on Orator, seconds of video.
  public func remainingQuota() async throws(HeyGenError) -> RemainingQuota {
    try await transport.require(.GET, "/v2/user/remaining_quota", envelope: .v2)
  }
}
