import Foundation
import OratorCore
import PostgresNIO
import Synchronization

/// The `Store` on a PostgreSQL server, for several API nodes sharing one database. It keeps
/// the same tables and rules as `SQLiteStore`; where SQLite serialises writers with its
/// single write lock, this store takes row locks: a job or webhook event is claimed with
/// `FOR UPDATE SKIP LOCKED`, so concurrent claimers on any node pass over each other's rows
/// instead of waiting or taking the same one. Every change that touches more than one row
/// runs in one transaction.
///
/// The store owns a connection pool whose background task it starts itself, so a copy of the
/// store is all a caller holds. The pool closes when the last copy goes away, or at once with
/// `close()`.
public struct PostgresStore: Store {
  public let retryPolicy: RetryPolicy
  let client: PostgresClient
  private let lifetime: PoolLifetime
  /// How long a call waits for a pooled connection before it fails as `.unreachable`.
  let acquireTimeout: Duration
  /// How long a call's statements may take once it has a connection before the connection
  /// is closed under them and the call fails as `.unreachable`. Every call is one short
  /// transaction, so only a database that stopped answering comes near it.
  let callTimeout: Duration
  static let logger = Logger(label: "orator.postgres")

  /// Connections per store (per node): ten nodes at this size, with room left for `psql` and
  /// `orator migrate`, fit PostgreSQL's default `max_connections` of 100. A call holds a
  /// connection only for its own transaction, so a node's workers and requests share them.
  public static let defaultMaximumConnections = 8

  /// Connects to the database `url` names and brings its schema up to date. Several nodes
  /// may start at once: migrations run under a lock, one node after another. A server that
  /// cannot be reached is reported at once as `.unreachable`, one that refuses the login as
  /// `.unavailable`. Once running, a call fails as `.unreachable` when it gets no connection
  /// within `acquireTimeout` (the server is down, or every connection is busy) or no answer
  /// within `callTimeout` (the server stopped answering), instead of hanging on the pool's
  /// reconnection attempts or on TCP: clients get a quick 503.
  public init(
    url: String, retryPolicy: RetryPolicy = RetryPolicy(),
    maximumConnections: Int = PostgresStore.defaultMaximumConnections,
    acquireTimeout: Duration = .seconds(3), callTimeout: Duration = .seconds(10)
  ) async throws(StoreError) {
    let url = try PostgresURL(url)
    // Migrations run on one connection of their own before the pool starts: the pool
    // retries a failing server quietly, where a start-up should fail fast.
    do {
      let connection = try await PostgresConnection.connect(
        configuration: try url.connectionConfiguration(), id: 0, logger: Self.logger)
      do {
        try await Schema.migrate(connection)
        try await connection.close()
      } catch {
        try? await connection.close()
        throw error
      }
    } catch {
      throw StoreError(error)
    }
    var configuration = url.clientConfiguration
    configuration.options.maximumConnections = max(1, maximumConnections)
    // A connection attempt that hangs (a server cut off without a reset) must not outlast the
    // wait of the calls that need it.
    configuration.options.connectTimeout = max(acquireTimeout, .seconds(1))
    client = PostgresClient(configuration: configuration)
    lifetime = PoolLifetime(client: client)
    self.retryPolicy = retryPolicy
    self.acquireTimeout = acquireTimeout
    self.callTimeout = callTimeout
  }

  /// Closes the pool now; calls made afterwards fail with `.unavailable`.
  public func close() async {
    await lifetime.close()
  }

  /// The newest migration applied to the database.
  public func schemaVersion() async throws(StoreError) -> Int {
    try await read { connection in
      try await connection.one("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")
        .map { row throws(StoreError) in try row.required("version") } ?? 0
    }
  }

  /// Runs `work` in a transaction on one pooled connection; a thrown error rolls it all back.
  @discardableResult
  func write<T: Sendable>(
    _ work: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws(StoreError) -> T {
    try await withPooledConnection { connection in try await Self.inTransaction(connection, work) }
  }

  static func inTransaction<T>(
    _ connection: PostgresConnection, _ work: @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    try await connection.query("BEGIN", logger: logger)
    do {
      let result = try await work(connection)
      try await connection.query("COMMIT", logger: logger)
      return result
    } catch {
      // A broken connection cannot roll back; the server does it when the socket closes.
      _ = try? await connection.query("ROLLBACK", logger: logger)
      throw error
    }
  }

  /// Runs `work` on one pooled connection outside a transaction: each statement sees what
  /// was committed when it started.
  func read<T: Sendable>(
    _ work: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws(StoreError) -> T {
    try await withPooledConnection(work)
  }

  /// Runs `work` on a pooled connection, waiting at most `acquireTimeout` for one and then
  /// `callTimeout` for the work. A timer races the call; whichever side marks the shared
  /// state first wins, so a call that gave up waiting never starts. Work that outlives its
  /// time (a database that stopped answering: paused, or cut off without a reset) has its
  /// connection closed under it, which fails the hung statement at once, instead of waiting
  /// for TCP to give up minutes later; the database rolls the transaction back.
  private func withPooledConnection<T: Sendable>(
    _ work: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws(StoreError) -> T {
    let client = client
    let (acquireTimeout, callTimeout) = (acquireTimeout, callTimeout)
    let watch = CallWatch()
    let gaveUp = StoreError.unreachable(
      "no database connection within \(acquireTimeout.components.seconds) s")
    let stalled = StoreError.unreachable(
      "the database did not answer within \(callTimeout.components.seconds) s")
    do {
      return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
          try await client.withConnection { connection in
            guard watch.start(on: connection) else { throw gaveUp }
            defer { watch.finish() }
            return try await work(connection)
          }
        }
        group.addTask {
          try await Task.sleep(for: acquireTimeout)
          if watch.giveUpWaiting() { throw gaveUp }
          try await Task.sleep(for: callTimeout)
          if watch.abandon() { throw stalled }
          return nil
        }
        while let result = try await group.next() {
          if let value = result {
            group.cancelAll()
            return value
          }
        }
        throw gaveUp
      }
    } catch {
      // The closed connection's own error says less than why it was closed.
      if watch.wasAbandoned { throw stalled }
      throw StoreError(error)
    }
  }
}

/// One store call's progress, shared by its work and its timer.
private final class CallWatch: Sendable {
  private enum State {
    case waiting
    case running(PostgresConnection)
    case finished
    case timedOut
    case abandoned
  }

  private let state = Mutex(State.waiting)

  /// The call got its connection: true unless it already gave up waiting.
  func start(on connection: PostgresConnection) -> Bool {
    state.withLock { state in
      guard case .waiting = state else { return false }
      state = .running(connection)
      return true
    }
  }

  func finish() {
    state.withLock { state in
      if case .running = state { state = .finished }
    }
  }

  /// The wait for a connection ran out: true when none came in time.
  func giveUpWaiting() -> Bool {
    state.withLock { state in
      guard case .waiting = state else { return false }
      state = .timedOut
      return true
    }
  }

  /// The work ran out of time: closes its connection; true when it did.
  func abandon() -> Bool {
    let connection: PostgresConnection? = state.withLock { state in
      guard case .running(let connection) = state else { return nil }
      state = .abandoned
      return connection
    }
    guard let connection else { return false }
    _ = connection.close() as EventLoopFuture<Void>
    return true
  }

  var wasAbandoned: Bool {
    state.withLock { state in
      if case .abandoned = state { return true }
      return false
    }
  }
}

/// Runs the pool's background task for as long as some copy of the store exists. It is a
/// detached task on purpose: a task started from inside a service would inherit the
/// service group's graceful-shutdown signal and close the pool while workers still have
/// results to record.
final class PoolLifetime: Sendable {
  private let task: Task<Void, Never>

  init(client: PostgresClient) {
    task = Task.detached { await client.run() }
  }

  func close() async {
    task.cancel()
    await task.value
  }

  deinit {
    task.cancel()
  }
}
