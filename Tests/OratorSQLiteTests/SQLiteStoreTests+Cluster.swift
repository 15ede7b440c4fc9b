import Foundation
import GRDB
import OratorCore
import OratorStoreContract
import Testing

@testable import OratorSQLite

/// The contract's checks for several processes on one database, and the claim's schema.
extension SQLiteStoreTests {
  @Test func releasedJobKeepsItsAttempt() async throws {
    try await contract.releasedJobKeepsItsAttempt()
  }
  @Test func releasingARetryKeepsEarlierAttempts() async throws {
    try await contract.releasingARetryKeepsEarlierAttempts()
  }
  @Test func startupKeyIsMadeOnceByManyProcesses() async throws {
    try await contract.startupKeyIsMadeOnceByManyProcesses()
  }
  @Test func firstStartKeyIsPrintedOnce() async throws {
    try await contract.firstStartKeyIsPrintedOnce()
  }
  @Test func sharedSecretIsStoredOnce() async throws {
    try await contract.sharedSecretIsStoredOnce()
  }
  @Test func idempotencyKeysReplayAndExpire() async throws {
    try await contract.idempotencyKeysReplayAndExpire()
  }
  @Test func claimOrderHoldsOverALongQueue() async throws {
    try await contract.claimOrderHoldsOverALongQueue()
  }

  /// A database made before the claim kept the video's kind in `jobs`: migrating fills it in
  /// for the jobs already queued, so a remote worker's claim still passes over translations.
  @Test func claimMigrationFillsInQueuedJobsKinds() async throws {
    let path = folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
    let pool = try DatabasePool(path: path)
    try Schema.migrator.migrate(pool, upTo: "5 spoken language")
    try await pool.write { db in
      try db.execute(
        sql: "INSERT INTO accounts (id, name, created_at, credit_seconds) VALUES (?, 'a', 0, 100)",
        arguments: [String(repeating: "a", count: 32)])
      for (index, kind) in ["translated", "generated"].enumerated() {
        let video = String(repeating: "\(index + 1)", count: 32)
        try db.execute(
          sql: """
            INSERT INTO videos (id, account_id, kind, title, status, request, is_test, caption,
              created_at, updated_at, reserved_credit, charged_credit)
            VALUES (?, ?, ?, 't', 'pending', X'7B7D', 0, 0, ?, ?, 0, 0)
            """,
          arguments: [video, String(repeating: "a", count: 32), kind, index, index])
        try db.execute(
          sql: """
            INSERT INTO jobs (id, video_id, account_id, state, run_after, attempt,
              fencing_token, created_at, updated_at)
            VALUES (?, ?, ?, 'queued', 0, 0, 0, ?, ?)
            """,
          arguments: [
            String(repeating: "\(index + 5)", count: 32), video, String(repeating: "a", count: 32),
            index, index,
          ])
      }
    }
    try pool.close()
    let store = try SQLiteStore(path: path)
    let remote = try await store.claimJob(
      owner: "remote", leaseFor: .seconds(30), now: Date(unixSeconds: 10), kinds: [.generated])
    #expect(remote?.videoId.rawValue == String(repeating: "2", count: 32))
    let local = try await store.claimJob(
      owner: "local", leaseFor: .seconds(30), now: Date(unixSeconds: 10))
    #expect(local?.videoId.rawValue == String(repeating: "1", count: 32))
  }
}
