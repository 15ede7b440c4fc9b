import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func createAccount(_ account: Account, credit: Int) async throws(StoreError) {
    try await write { connection in
      try await connection.run(
        """
        INSERT INTO accounts (id, name, created_at, credit_seconds)
        VALUES (\(account.id.rawValue), \(account.name), \(account.createdAt), \(credit))
        """)
    }
  }

  public func account(id: ResourceID) async throws(StoreError) -> Account? {
    try await read { connection in
      try await connection.one("SELECT * FROM accounts WHERE id = \(id.rawValue)")
        .map { row throws(StoreError) in try Account(row: row) }
    }
  }

  public func accounts() async throws(StoreError) -> [Account] {
    try await read { connection in
      try await connection.all("SELECT * FROM accounts ORDER BY created_at, id")
        .map { row throws(StoreError) in try Account(row: row) }
    }
  }

  public func addKey(_ key: KeyRecord, hash: APIKeyHash) async throws(StoreError) {
    try await write { connection in
      try await Self.requireAccount(key.accountId, connection)
      try await connection.run(
        """
        INSERT INTO api_keys (id, account_id, label, hint, key_hash, created_at, revoked_at)
        VALUES (\(key.id.rawValue), \(key.accountId.rawValue), \(key.label), \(key.hint),
          \(hash.hex), \(key.createdAt), \(key.revokedAt))
        """)
    }
  }

  public func account(forKeyHash hash: APIKeyHash) async throws(StoreError) -> Account? {
    try await read { connection in
      try await connection.one(
        """
        SELECT accounts.* FROM accounts JOIN api_keys ON api_keys.account_id = accounts.id
        WHERE api_keys.key_hash = \(hash.hex) AND api_keys.revoked_at IS NULL
        """
      ).map { row throws(StoreError) in try Account(row: row) }
    }
  }

  public func keys(account: ResourceID) async throws(StoreError) -> [KeyRecord] {
    try await read { connection in
      try await connection.all(
        "SELECT * FROM api_keys WHERE account_id = \(account.rawValue) ORDER BY created_at, id"
      ).map { row throws(StoreError) in try KeyRecord(row: row) }
    }
  }

  public func revokeKey(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { connection in
      try await connection.run(
        """
        UPDATE api_keys SET revoked_at = \(now.unixSeconds)
        WHERE id = \(id.rawValue) AND account_id = \(account.rawValue) AND revoked_at IS NULL
        RETURNING id
        """) > 0
    }
  }

  public func remainingCredit(account: ResourceID) async throws(StoreError) -> Int {
    try await read { connection in try await Self.requireAccount(account, connection) }
  }

  public func addCredit(account: ResourceID, seconds: Int) async throws(StoreError) -> Int {
    try await write { connection in
      guard
        let row = try await connection.one(
          """
          UPDATE accounts SET credit_seconds = credit_seconds + \(seconds)
          WHERE id = \(account.rawValue) RETURNING credit_seconds
          """)
      else { throw StoreError.unknownAccount(account) }
      return try row.required("credit_seconds", as: Int.self)
    }
  }

  /// The account's remaining credit; `.unknownAccount` when there is no such account. With
  /// `lock`, the account row stays locked until the transaction ends, so a check made on the
  /// balance still holds when the transaction writes.
  @discardableResult
  static func requireAccount(
    _ account: ResourceID, lock: Bool = false, _ connection: PostgresConnection
  )
    async throws -> Int
  {
    let locking = lock ? " FOR UPDATE" : ""
    guard
      let row = try await connection.one(
        "SELECT credit_seconds FROM accounts WHERE id = \(account.rawValue)\(unescaped: locking)")
    else { throw StoreError.unknownAccount(account) }
    return try row.required("credit_seconds", as: Int.self)
  }
}
