import Foundation
import OratorCore
import OratorSQLite
import OratorStoreContract
import Testing

/// Runs the store contract against `SQLiteStore` on real files in a temporary folder.
@Suite("SQLiteStore")
final class SQLiteStoreTests: Sendable {
  let folder: URL
  let contract: StoreContract

  init() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    self.folder = folder
    contract = StoreContract(
      open: { location, retryPolicy in try SQLiteStore(path: location, retryPolicy: retryPolicy) },
      newLocation: { folder.appendingPathComponent("\(UUID().uuidString).sqlite").path })
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  @Test func keyLookupByHash() async throws { try await contract.keyLookupByHash() }
  @Test func revokedKeyStopsWorking() async throws { try await contract.revokedKeyStopsWorking() }
  @Test func keyForUnknownAccountIsRefused() async throws {
    try await contract.keyForUnknownAccountIsRefused()
  }
  @Test func accountsAreListedAndCreditAdded() async throws {
    try await contract.accountsAreListedAndCreditAdded()
  }
  @Test func accountIsolation() async throws { try await contract.accountIsolation() }
  @Test func duplicatesAreConflicts() async throws { try await contract.duplicatesAreConflicts() }
  @Test func createClaimComplete() async throws { try await contract.createClaimComplete() }
  @Test func insufficientCreditLeavesNothing() async throws {
    try await contract.insufficientCreditLeavesNothing()
  }
  @Test func duplicateVideoIsRefusedWhole() async throws {
    try await contract.duplicateVideoIsRefusedWhole()
  }
  @Test func testVideosCostNothing() async throws { try await contract.testVideosCostNothing() }
  @Test func renameKeepsEverythingElse() async throws {
    try await contract.renameKeepsEverythingElse()
  }
  @Test func deleteWhileLeased() async throws { try await contract.deleteWhileLeased() }
  @Test func deleteQueuedVideo() async throws { try await contract.deleteQueuedVideo() }
  @Test func paginationReturnsEveryVideoOnce() async throws {
    try await contract.paginationReturnsEveryVideoOnce()
  }
  @Test func reopeningKeepsEverything() async throws {
    try await contract.reopeningKeepsEverything()
  }
  @Test func expiredLeaseIsClaimedAgain() async throws {
    try await contract.expiredLeaseIsClaimedAgain()
  }
  @Test func heartbeatKeepsLease() async throws { try await contract.heartbeatKeepsLease() }
  @Test func queueStatsCountWaitingAndRunningJobs() async throws {
    try await contract.queueStatsCountWaitingAndRunningJobs()
  }

  @Test func progressIsRecordedWhileTheLeaseHolds() async throws {
    try await contract.progressIsRecordedWhileTheLeaseHolds()
  }
  @Test func failJobRetriesWithBackoffThenFails() async throws {
    try await contract.failJobRetriesWithBackoffThenFails()
  }
  @Test func failJobWaitsAtLeastWhatItIsAsked() async throws {
    try await contract.failJobWaitsAtLeastWhatItIsAsked()
  }
  @Test func nonRetryableFailureEndsAtOnce() async throws {
    try await contract.nonRetryableFailureEndsAtOnce()
  }
  @Test func injectedRetryPolicyIsUsed() async throws {
    try await contract.injectedRetryPolicyIsUsed()
  }
  @Test func reaperTakesBackExpiredLeases() async throws {
    try await contract.reaperTakesBackExpiredLeases()
  }
  @Test func workerLostOnEveryAttemptFailsTheVideo() async throws {
    try await contract.workerLostOnEveryAttemptFailsTheVideo()
  }
  @Test func claimsTakeOldestFirst() async throws { try await contract.claimsTakeOldestFirst() }
  @Test func claimsLimitedToKindsSkipOtherKinds() async throws {
    try await contract.claimsLimitedToKindsSkipOtherKinds()
  }
  @Test func twoStoresNeverClaimTheSameJob() async throws {
    try await contract.twoStoresNeverClaimTheSameJob()
  }
}
