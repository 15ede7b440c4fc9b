import Foundation
import GRDB
import OratorCore

/// The `Store` in one SQLite file (WAL mode), the default for a single machine. Several
/// processes may open the same file: every write runs in an IMMEDIATE transaction, which takes
/// SQLite's write lock before reading, so two workers can never claim the same job; a process
/// that finds the lock taken waits (`busyTimeout`) instead of failing.
public struct SQLiteStore: Store {
  public let path: String
  public let retryPolicy: RetryPolicy
  let pool: DatabasePool

  /// Opens (creating if needed) the database at `path` and brings its schema up to date.
  public init(
    path: String, retryPolicy: RetryPolicy = RetryPolicy(), busyTimeout: Duration = .seconds(10)
  ) throws(StoreError) {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout.timeInterval)
    configuration.foreignKeysEnabled = true
    self.path = path
    self.retryPolicy = retryPolicy
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      try Schema.migrator.migrate(pool)
    } catch {
      throw StoreError(error)
    }
  }

  /// Runs `work` in an IMMEDIATE transaction; a thrown error rolls everything back.
  func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T)
    async throws(StoreError) -> T
  {
    do {
      return try await pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try work(db)
          return .commit
        }
        return result!
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// Runs `work` on a snapshot, concurrently with writes (WAL).
  func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T)
    async throws(StoreError) -> T
  {
    do {
      return try await pool.read(work)
    } catch {
      throw StoreError(error)
    }
  }
}
