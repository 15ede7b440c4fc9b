import Foundation
import OratorPostgres
import PostgresNIO
import Testing

/// The PostgreSQL server tests run against, named by `ORATOR_TEST_POSTGRES_URL` (which
/// `scripts/test.sh` always sets, starting a throwaway server). Each test makes its own
/// database with a random name and drops it afterwards, so tests never see each other's rows.
public enum TestPostgres {
  /// How long tests let a store wait for a connection: the whole suite runs at once on a
  /// small machine, where opening a PostgreSQL connection can take longer than production's
  /// 3 s.
  public static let patientAcquire = Duration.seconds(30)

  public static let variable = "ORATOR_TEST_POSTGRES_URL"

  /// The server's URL (its database part is ignored); nil when no server was given.
  public static var serverURL: String? {
    ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
  }

  public static var isAvailable: Bool { serverURL != nil }

  /// Why PostgreSQL tests are skipped, for the test report.
  public static let skipReason: Comment =
    "ORATOR_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (scripts/test.sh sets it)"

  /// Creates an empty database and returns its URL.
  public static func createDatabase() async throws -> String {
    let name =
      "orator_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try await administer("CREATE DATABASE \(unescaped: name)")
    return try url(database: name)
  }

  /// Drops the database `url` names, closing whatever connections still use it.
  public static func dropDatabase(_ url: String) async throws {
    let name = try PostgresURL(url).database
    try await administer("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)")
  }

  /// Runs `body` on a fresh database, then drops it however `body` ends.
  public static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
    let url = try await createDatabase()
    do {
      let result = try await body(url)
      try await dropDatabase(url)
      return result
    } catch {
      try? await dropDatabase(url)
      throw error
    }
  }

  /// The server's URL with `database` in place of its own.
  static func url(database: String) throws -> String {
    guard let serverURL, var components = URLComponents(string: serverURL) else {
      throw TestPostgresError(description: "\(variable) is not set")
    }
    components.path = "/" + database
    guard let url = components.string else {
      throw TestPostgresError(description: "\(variable) is not a URL")
    }
    return url
  }

  /// The rows `sql` returns on the database `url` names, every column read as text (cast in
  /// the query, `count(*)::text`): for tests that check what several processes left behind.
  public static func rows(_ url: String, _ sql: String) async throws -> [[String?]] {
    let client = PostgresClient(configuration: try PostgresURL(url).clientConfiguration)
    let run = Task { await client.run() }
    defer { run.cancel() }
    var rows: [[String?]] = []
    for try await row in try await client.query(PostgresQuery(unsafeSQL: sql)) {
      rows.append(try row.map { cell in try cell.decode(String?.self) })
    }
    return rows
  }

  /// The one number `sql` returns (cast to text in the query).
  public static func number(_ url: String, _ sql: String) async throws -> Int {
    guard let text = try await rows(url, sql).first?.first ?? nil, let value = Int(text) else {
      throw TestPostgresError(description: "no number from \(sql)")
    }
    return value
  }

  /// The server's URL with `database` in place of its own and `port` in place of its port:
  /// for a server reached through a proxy.
  public static func url(_ url: String, port: Int) throws -> String {
    guard var components = URLComponents(string: url) else {
      throw TestPostgresError(description: "not a URL: \(url)")
    }
    components.port = port
    guard let rewritten = components.string else {
      throw TestPostgresError(description: "not a URL: \(url)")
    }
    return rewritten
  }

  /// The host and port of the server.
  public static var serverAddress: (host: String, port: Int)? {
    guard let serverURL, let components = URLComponents(string: serverURL) else { return nil }
    return (components.host ?? "127.0.0.1", components.port ?? 5432)
  }

  /// Runs one statement on the server's `postgres` database.
  private static func administer(_ statement: PostgresQuery) async throws {
    let client = PostgresClient(
      configuration: try PostgresURL(url(database: "postgres"))
        .clientConfiguration)
    let run = Task { await client.run() }
    defer { run.cancel() }
    try await client.query(statement)
  }
}

struct TestPostgresError: Error, CustomStringConvertible {
  var description: String
}
