import GRDB
import OratorCore

extension StoreError {
  /// Maps whatever a database call threw to the store's error.
  init(_ error: any Error) {
    switch error {
    case let error as StoreError:
      self = error
    case let error as DatabaseError
    where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
      || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE:
      self = .conflict(error.message ?? "already exists")
    case let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY:
      self = .invalidRecord(error.message ?? "refers to a record that does not exist")
    case let error as DatabaseError:
      self = .unavailable(error.description)
    default:
      self = .unavailable(String(describing: error))
    }
  }
}
