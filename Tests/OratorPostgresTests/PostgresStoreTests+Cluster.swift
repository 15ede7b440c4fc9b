import Foundation
import OratorCore
import OratorStoreContract
import PostgresNIO
import Testing

@testable import OratorPostgres

/// The contract's checks for several processes on one database.
extension PostgresStoreTests {
  @Test func releasedJobKeepsItsAttempt() async throws {
    try await run { try await $0.releasedJobKeepsItsAttempt() }
  }
  @Test func releasingARetryKeepsEarlierAttempts() async throws {
    try await run { try await $0.releasingARetryKeepsEarlierAttempts() }
  }
  @Test func startupKeyIsMadeOnceByManyProcesses() async throws {
    try await run { try await $0.startupKeyIsMadeOnceByManyProcesses() }
  }
  @Test func firstStartKeyIsPrintedOnce() async throws {
    try await run { try await $0.firstStartKeyIsPrintedOnce() }
  }
  @Test func sharedSecretIsStoredOnce() async throws {
    try await run { try await $0.sharedSecretIsStoredOnce() }
  }
  @Test func idempotencyKeysReplayAndExpire() async throws {
    try await run { try await $0.idempotencyKeysReplayAndExpire() }
  }
  @Test func claimOrderHoldsOverALongQueue() async throws {
    try await run { try await $0.claimOrderHoldsOverALongQueue() }
  }
}

/// The claim's schema on PostgreSQL: the kind kept in `jobs`, filled in for old rows, and a
/// plan that walks the claim index instead of sorting the whole queue; the pool's limits.
@Suite("PostgresStore claim", .enabled(if: TestPostgres.isAvailable, TestPostgres.skipReason))
struct PostgresClaimTests {
  static let account = String(repeating: "a", count: 32)

  /// Runs `statements` on the database `url` names, on a connection of its own.
  static func execute(_ url: String, _ statements: [String], through version: Int? = nil)
    async throws
  {
    let connection = try await PostgresConnection.connect(
      configuration: try PostgresURL(url).connectionConfiguration(), id: 1,
      logger: PostgresStore.logger)
    do {
      if let version { try await Schema.migrate(connection, through: version) }
      for statement in statements {
        try await connection.query(
          PostgresQuery(unsafeSQL: statement), logger: PostgresStore.logger)
      }
      try await connection.close()
    } catch {
      try? await connection.close()
      throw error
    }
  }

  /// `count` queued jobs of generated videos, made in one statement each.
  static func fill(_ count: Int, from first: Int = 0) -> [String] {
    [
      """
      INSERT INTO videos (id, account_id, kind, title, status, request, is_test, caption,
        created_at, updated_at, reserved_credit, charged_credit)
      SELECT lpad(to_hex(n), 32, '0'), '\(account)', 'generated', 't', 'pending', '\\x7b7d',
        false, false, n, n, 0, 0
      FROM generate_series(\(first + 1), \(first + count)) AS n
      """,
      """
      INSERT INTO jobs (id, video_id, account_id, state, run_after, attempt, fencing_token,
        created_at, updated_at)
      SELECT 'f' || lpad(to_hex(n), 31, '0'), lpad(to_hex(n), 32, '0'), '\(account)', 'queued', n, 0, 0,
        n, n
      FROM generate_series(\(first + 1), \(first + count)) AS n
      """,
    ]
  }

  static let makeAccount =
    "INSERT INTO accounts (id, name, created_at, credit_seconds) VALUES ('\(account)', 'a', 0, 0)"

  /// A database queued before the claim kept the kind in `jobs`: the migration fills it in,
  /// so a remote worker's claim still passes over translations; new jobs get it from their
  /// video by the trigger.
  @Test func migrationFillsInQueuedJobsKinds() async throws {
    try await TestPostgres.withDatabase { url in
      try await Self.execute(
        url,
        [Self.makeAccount] + Self.fill(2) + [
          "UPDATE videos SET kind = 'translated' WHERE created_at = 1"
        ],
        through: 5)
      let store = try await PostgresStore(url: url, maximumConnections: 2)
      #expect(try await store.schemaVersion() == 10)
      let remote = try await store.claimJob(
        owner: "remote", leaseFor: .seconds(30), now: Date(unixSeconds: 10), kinds: [.generated])
      #expect(remote?.videoId.rawValue == String(repeating: "0", count: 31) + "2")
      let local = try await store.claimJob(
        owner: "local", leaseFor: .seconds(30), now: Date(unixSeconds: 10))
      #expect(local?.videoId.rawValue == String(repeating: "0", count: 31) + "1")
      await store.close()
      let kinds = try await TestPostgres.rows(url, "SELECT kind FROM jobs ORDER BY created_at")
      #expect(kinds == [["translated"], ["generated"]])
    }
  }

  /// With 20,000 jobs waiting, the claim's plans read the queued jobs' index in order and stop
  /// at the first runnable job, and find expired leases by expiry: no sequential scan, no
  /// sort of the whole queue.
  @Test func claimWalksTheIndexOverALongQueue() async throws {
    try await TestPostgres.withDatabase { url in
      let store = try await PostgresStore(url: url, maximumConnections: 2)
      try await Self.execute(url, [Self.makeAccount] + Self.fill(20_000) + ["ANALYZE"])
      func plan(_ query: PostgresQuery) async throws -> String {
        try await store.read { connection in
          try await connection.all(
            PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT TEXT) " + query.sql, binds: query.binds)
          ).map { row throws(StoreError) in try row.required("QUERY PLAN", as: String.self) }
        }.joined(separator: "\n")
      }
      let queued = try await plan(
        PostgresStore.queuedQuery(now: 1_000_000, kinds: ["generated"]))
      #expect(queued.contains("Index Scan using jobs_queued"), "\(queued)")
      #expect(!queued.contains("Seq Scan") && !queued.contains("Sort"), "\(queued)")
      let expired = try await plan(
        PostgresStore.expiredLeaseQuery(now: 1_000_000, kinds: ["generated"]))
      #expect(expired.contains("jobs_leased"), "\(expired)")
      #expect(!expired.contains("Seq Scan"), "\(expired)")
      // And the claim itself takes the oldest.
      let lease = try await store.claimJob(
        owner: "w", leaseFor: .seconds(30), now: Date(unixSeconds: 1_000_000))
      #expect(lease?.videoId.rawValue == String(repeating: "0", count: 31) + "1")
      await store.close()
    }
  }

  /// The pool holds at most `maximumConnections` (8 by default, so ten nodes fit the default
  /// `max_connections` of 100), however many calls run at once.
  @Test func poolStaysWithinItsSize() async throws {
    try await TestPostgres.withDatabase { url in
      let store = try await PostgresStore(url: url, acquireTimeout: TestPostgres.patientAcquire)
      let database = try PostgresURL(url).database
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<40 {
          group.addTask { () async throws -> Void in
            _ = try await store.read { connection in
              try await connection.run("SELECT pg_sleep(0.05)")
            }
          }
        }
        try await group.waitForAll()
      }
      let open = try await TestPostgres.number(
        url,
        "SELECT count(*)::text FROM pg_stat_activity WHERE datname = '\(database)' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()"
      )
      #expect(open <= PostgresStore.defaultMaximumConnections, "\(open) connections")
      #expect(PostgresStore.defaultMaximumConnections * 10 <= 100 - 10)
      await store.close()
    }
  }
}
