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
      switch error.serverInfo?[.sqlState] {
      case PostgresError.Code.uniqueViolation.raw:
        self = .conflict(message)
      case PostgresError.Code.foreignKeyViolation.raw:
        self = .invalidRecord(message)
      default:
        self = .unavailable(message)
      }
    case let error as PSQLError:
      // Not the error's full text: that carries the query's bound values (key hashes).
      self = .unavailable(
        "PostgreSQL: \(error.code)" + (error.underlying.map { " (\($0))" } ?? ""))
    default:
      self = .unavailable(String(describing: error))
    }
  }
}
