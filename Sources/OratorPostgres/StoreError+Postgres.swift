import OratorCore
import PostgresNIO

extension StoreError {
  /// Maps whatever a database call threw to the store's error, by the server's SQLSTATE.
  init(_ error: any Error) {
    switch error {
    case let error as StoreError:
      self = error
    case let error as PSQLError where error.code == .server:
      let message = error.serverInfo?[.message] ?? "database error"
      let state = error.serverInfo?[.sqlState] ?? ""
      switch state {
      case _ where Self.unreachableStates.contains(state) || state.hasPrefix("08"):
        // Shutting down, starting up, out of connections, or the connection failed.
        self = .unreachable(message)
      case PostgresError.Code.uniqueViolation.raw:
        self = .conflict(message)
      case PostgresError.Code.foreignKeyViolation.raw:
        self = .invalidRecord(message)
      default:
        self = .unavailable(message)
      }
    case let error as PSQLError where Self.lostConnection.contains(error.code):
      self = .unreachable(
        "PostgreSQL: \(error.code)" + (error.underlying.map { " (\($0))" } ?? ""))
    case let error as PSQLError:
      // Not the error's full text: that carries the query's bound values (key hashes).
      self = .unavailable(
        "PostgreSQL: \(error.code)" + (error.underlying.map { " (\($0))" } ?? ""))
    default:
      self = .unavailable(String(describing: error))
    }
  }

  /// SQLSTATEs of a server that cannot serve now (class 08, connection exceptions, is matched
  /// by prefix): admin, crash and startup shutdown, and too many connections.
  private static let unreachableStates: Set<String> = ["57P01", "57P02", "57P03", "53300"]

  /// Client-side errors of a connection that failed or broke: the server is gone or cut off.
  private static let lostConnection: [PSQLError.Code] = [
    .connectionError, .serverClosedConnection, .uncleanShutdown,
  ]
}
