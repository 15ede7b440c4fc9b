import OratorCore
import PostgresNIO

// The few ways the store runs a statement. Affected rows are counted from `RETURNING`, which
// the async API hands back as rows, rather than parsed out of the command tag.

extension PostgresConnection {
  /// Every row the statement returns.
  func all(_ query: PostgresQuery) async throws -> [Record] {
    try await self.query(query, logger: PostgresStore.logger).collect().map(Record.init)
  }

  /// The first row the statement returns, if any.
  func one(_ query: PostgresQuery) async throws -> Record? {
    try await all(query).first
  }

  /// Runs a statement for its effect; returns how many rows it returned.
  @discardableResult
  func run(_ query: PostgresQuery) async throws -> Int {
    try await self.query(query, logger: PostgresStore.logger).collect().count
  }
}

/// One result row, read by column name. A value that does not decode means the database was
/// changed by something other than this store; it is reported, never trapped on.
struct Record {
  let row: PostgresRandomAccessRow

  init(_ row: PostgresRow) {
    self.row = row.makeRandomAccess()
  }

  func optional<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self)
    throws(StoreError) -> Value?
  where Value._DecodableType == Value {
    guard row.contains(column) else { throw .corruptRow("\(column) is missing") }
    do {
      return try row[column].decode(Value?.self)
    } catch {
      throw .corruptRow("\(column) does not read as \(Value.self)")
    }
  }

  func required<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self)
    throws(StoreError) -> Value
  where Value._DecodableType == Value {
    guard let value = try optional(column, as: Value.self) else {
      throw .corruptRow("\(column) is missing")
    }
    return value
  }

  func id(_ column: String) throws(StoreError) -> ResourceID {
    guard let id = ResourceID(try required(column, as: String.self)) else {
      throw .corruptRow("\(column) is not a resource id")
    }
    return id
  }

  func optionalID(_ column: String) throws(StoreError) -> ResourceID? {
    guard let text = try optional(column, as: String.self) else { return nil }
    guard let id = ResourceID(text) else { throw .corruptRow("\(column) is not a resource id") }
    return id
  }

  func named<Value: RawRepresentable<String>>(_ column: String) throws(StoreError) -> Value {
    guard let value = Value(rawValue: try required(column, as: String.self)) else {
      throw .corruptRow("\(column) has an unknown value")
    }
    return value
  }
}
