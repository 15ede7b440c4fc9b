import Foundation
import OratorCore
import OratorPostgres
import OratorStoreContract
import Testing

/// Runs the store contract against `PostgresStore` on a real server: each check gets its own
/// databases, dropped when it ends.
@Suite("PostgresStore", .enabled(if: TestPostgres.isAvailable, TestPostgres.skipReason))
struct PostgresStoreTests {
  /// Runs `check` with a contract whose every new location is a new database.
  func run(_ check: (StoreContract) async throws -> Void) async throws {
    let created = Databases()
    let contract = StoreContract(
      open: { url, retryPolicy in
        // The contract is about what the store does, not how fast a busy test machine
        // hands out connections: a patient acquire keeps load out of the verdict.
        try await PostgresStore(
          url: url, retryPolicy: retryPolicy, maximumConnections: 6,
          acquireTimeout: TestPostgres.patientAcquire)
      },
      newLocation: {
        let url = try await TestPostgres.createDatabase()
        await created.add(url)
        return url
      })
    do {
      try await check(contract)
    } catch {
      await created.dropAll()
      throw error
    }
    await created.dropAll()
  }

  @Test func keyLookupByHash() async throws { try await run { try await $0.keyLookupByHash() } }
  @Test func revokedKeyStopsWorking() async throws {
    try await run { try await $0.revokedKeyStopsWorking() }
  }
  @Test func keyForUnknownAccountIsRefused() async throws {
    try await run { try await $0.keyForUnknownAccountIsRefused() }
  }
  @Test func accountsAreListedAndCreditAdded() async throws {
    try await run { try await $0.accountsAreListedAndCreditAdded() }
  }
  @Test func accountIsolation() async throws { try await run { try await $0.accountIsolation() } }
  @Test func duplicatesAreConflicts() async throws {
    try await run { try await $0.duplicatesAreConflicts() }
  }
  @Test func createClaimComplete() async throws {
    try await run { try await $0.createClaimComplete() }
  }
  @Test func insufficientCreditLeavesNothing() async throws {
    try await run { try await $0.insufficientCreditLeavesNothing() }
  }
  @Test func duplicateVideoIsRefusedWhole() async throws {
    try await run { try await $0.duplicateVideoIsRefusedWhole() }
  }
  @Test func testVideosCostNothing() async throws {
    try await run { try await $0.testVideosCostNothing() }
  }
  @Test func renameKeepsEverythingElse() async throws {
    try await run { try await $0.renameKeepsEverythingElse() }
  }
  @Test func deleteWhileLeased() async throws { try await run { try await $0.deleteWhileLeased() } }
  @Test func deleteQueuedVideo() async throws { try await run { try await $0.deleteQueuedVideo() } }
  @Test func paginationReturnsEveryVideoOnce() async throws {
    try await run { try await $0.paginationReturnsEveryVideoOnce() }
  }
  @Test func reopeningKeepsEverything() async throws {
    try await run { try await $0.reopeningKeepsEverything() }
  }
  @Test func expiredLeaseIsClaimedAgain() async throws {
    try await run { try await $0.expiredLeaseIsClaimedAgain() }
  }
  @Test func queueStatsCountWaitingAndRunningJobs() async throws {
    try await run { try await $0.queueStatsCountWaitingAndRunningJobs() }
  }

  @Test func progressIsRecordedWhileTheLeaseHolds() async throws {
    try await run { try await $0.progressIsRecordedWhileTheLeaseHolds() }
  }
  @Test func heartbeatKeepsLease() async throws {
    try await run { try await $0.heartbeatKeepsLease() }
  }
  @Test func failJobRetriesWithBackoffThenFails() async throws {
    try await run { try await $0.failJobRetriesWithBackoffThenFails() }
  }
  @Test func failJobWaitsAtLeastWhatItIsAsked() async throws {
    try await run { try await $0.failJobWaitsAtLeastWhatItIsAsked() }
  }
  @Test func nonRetryableFailureEndsAtOnce() async throws {
    try await run { try await $0.nonRetryableFailureEndsAtOnce() }
  }
  @Test func injectedRetryPolicyIsUsed() async throws {
    try await run { try await $0.injectedRetryPolicyIsUsed() }
  }
  @Test func reaperTakesBackExpiredLeases() async throws {
    try await run { try await $0.reaperTakesBackExpiredLeases() }
  }
  @Test func workerLostOnEveryAttemptFailsTheVideo() async throws {
    try await run { try await $0.workerLostOnEveryAttemptFailsTheVideo() }
  }
  @Test func claimsTakeOldestFirst() async throws {
    try await run { try await $0.claimsTakeOldestFirst() }
  }
  @Test func claimsLimitedToKindsSkipOtherKinds() async throws {
    try await run { try await $0.claimsLimitedToKindsSkipOtherKinds() }
  }
  @Test func twoStoresNeverClaimTheSameJob() async throws {
    try await run { try await $0.twoStoresNeverClaimTheSameJob() }
  }
  @Test func templatesRoundTripAndList() async throws {
    try await run { try await $0.templatesRoundTripAndList() }
  }
  @Test func templatesBelongToTheirAccount() async throws {
    try await run { try await $0.templatesBelongToTheirAccount() }
  }
  @Test func templateUpdateThumbnailAndDelete() async throws {
    try await run { try await $0.templateUpdateThumbnailAndDelete() }
  }
  @Test func talkingPhotosRoundTripListAndDelete() async throws {
    try await run { try await $0.talkingPhotosRoundTripListAndDelete() }
  }
  @Test func talkingPhotosBelongToTheirAccount() async throws {
    try await run { try await $0.talkingPhotosBelongToTheirAccount() }
  }
  @Test func webhookEndpointsBelongToTheirAccount() async throws {
    try await run { try await $0.webhookEndpointsBelongToTheirAccount() }
  }
  @Test func everyHeyGenEventNameRoundTrips() async throws {
    try await run { try await $0.everyHeyGenEventNameRoundTrips() }
  }
  @Test func completionQueuesEvents() async throws {
    try await run { try await $0.completionQueuesEvents() }
  }
  @Test func failuresAndTranslationsQueueTheirEvents() async throws {
    try await run { try await $0.failuresAndTranslationsQueueTheirEvents() }
  }
  @Test func webhookClaimsHoldAndAttemptsAreRecorded() async throws {
    try await run { try await $0.webhookClaimsHoldAndAttemptsAreRecorded() }
  }
  @Test func deletedEndpointsEventsAreGivenUp() async throws {
    try await run { try await $0.deletedEndpointsEventsAreGivenUp() }
  }

  @Test func disabledEndpointsEventsAreGivenUp() async throws {
    try await run { try await $0.disabledEndpointsEventsAreGivenUp() }
  }
  @Test func twoStoresNeverClaimTheSameEvent() async throws {
    try await run { try await $0.twoStoresNeverClaimTheSameEvent() }
  }
}

/// The databases one check made, to drop when it ends.
actor Databases {
  private var urls: [String] = []

  func add(_ url: String) { urls.append(url) }

  func dropAll() async {
    for url in urls { try? await TestPostgres.dropDatabase(url) }
    urls = []
  }
}
