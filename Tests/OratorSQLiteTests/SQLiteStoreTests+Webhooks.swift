import Testing

extension SQLiteStoreTests {
  @Test func webhookEndpointsBelongToTheirAccount() async throws {
    try await contract.webhookEndpointsBelongToTheirAccount()
  }
  @Test func everyHeyGenEventNameRoundTrips() async throws {
    try await contract.everyHeyGenEventNameRoundTrips()
  }
  @Test func completionQueuesEvents() async throws { try await contract.completionQueuesEvents() }
  @Test func failuresAndTranslationsQueueTheirEvents() async throws {
    try await contract.failuresAndTranslationsQueueTheirEvents()
  }
  @Test func webhookClaimsHoldAndAttemptsAreRecorded() async throws {
    try await contract.webhookClaimsHoldAndAttemptsAreRecorded()
  }
  @Test func deletedEndpointsEventsAreGivenUp() async throws {
    try await contract.deletedEndpointsEventsAreGivenUp()
  }

  @Test func disabledEndpointsEventsAreGivenUp() async throws {
    try await contract.disabledEndpointsEventsAreGivenUp()
  }
  @Test func twoStoresNeverClaimTheSameEvent() async throws {
    try await contract.twoStoresNeverClaimTheSameEvent()
  }
}
