import Foundation
import OratorCore
import OratorPostgres
import OratorStoreContract
import PostgresNIO
import Testing

/// What only the PostgreSQL store has: migrations several nodes run at once, and its URLs.
@Suite("PostgresStore schema", .enabled(if: TestPostgres.isAvailable, TestPostgres.skipReason))
struct PostgresSchemaTests {
  /// Nodes starting together on an empty database: the migration lock makes one migrate and
  /// the others find the schema current, instead of failing on tables created twice.
  @Test func nodesStartingTogetherMigrateOnce() async throws {
    try await TestPostgres.withDatabase { url in
      let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
        for _ in 0..<4 {
          // Room for a crowded machine: four stores migrate and wait on one lock.
          group.addTask {
            try await PostgresStore(url: url, maximumConnections: 2, acquireTimeout: .seconds(30))
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      for store in stores {
        #expect(try await store.schemaVersion() == 10)
        await store.close()
      }
      let reopened = try await PostgresStore(url: url, acquireTimeout: .seconds(30))
      #expect(try await reopened.schemaVersion() == 10)
      await reopened.close()
      await #expect(throws: StoreError.self) { try await reopened.accounts() }
    }
  }

  @Test func urlsAreReadAsLibpqReadsThem() throws {
    let full = try PostgresURL("postgres://ada:p%40ss@db.internal:6543/orator?sslmode=require")
    #expect(full.host == "db.internal" && full.port == 6543)
    #expect(full.username == "ada" && full.password == "p@ss" && full.database == "orator")
    #expect(full.sslMode == "require")
    let socket = try PostgresURL("postgresql://ada@/orator?host=/run/postgresql")
    #expect(socket.host == "/run/postgresql" && socket.port == 5432 && socket.password == nil)
    #expect(socket.clientConfiguration.unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
    #expect(throws: StoreError.self) { try PostgresURL("mysql://ada@db/orator") }
    #expect(throws: StoreError.self) { try PostgresURL("postgres://ada@db/orator?sslmode=maybe") }
    #expect(
      PostgresURL.redacted("postgres://ada:secret@db/orator") == "postgres://ada:***@db/orator")
  }

  @Test func anUnreachableServerIsReportedUnreachable() async throws {
    let port = 1  // nothing listens there
    await #expect {
      try await PostgresStore(url: "postgres://nobody@127.0.0.1:\(port)/none?sslmode=disable")
    } throws: { error in
      guard case .unreachable = error as? StoreError else { return false }
      return true
    }
  }
}
