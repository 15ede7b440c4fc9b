import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func createAccount(_ account: Account, credit: Int) async throws(StoreError) {
    try await write { db in
      try db.execute(
        sql:
          "INSERT INTO accounts (id, name, email, created_at, credit_seconds) VALUES (?, ?, ?, ?, ?)",
        arguments: [account.id.rawValue, account.name, account.email, account.createdAt, credit])
    }
  }

  public func account(id: ResourceID) async throws(StoreError) -> Account? {
    try await read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id.rawValue])
        .map(Account.init(row:))
    }
  }

  public func accounts() async throws(StoreError) -> [Account] {
    try await read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY created_at, id")
        .map(Account.init(row:))
    }
  }

  public func addKey(_ key: KeyRecord, hash: APIKeyHash) async throws(StoreError) {
    try await write { db in
      try Self.requireAccount(key.accountId, db)
      try db.execute(
        sql: """
          INSERT INTO api_keys (id, account_id, label, hint, key_hash, created_at, revoked_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key.id.rawValue, key.accountId.rawValue, key.label, key.hint, hash.hex, key.createdAt,
          key.revokedAt,
        ])
    }
  }

  public func account(forKeyHash hash: APIKeyHash) async throws(StoreError) -> Account? {
    try await read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT accounts.* FROM accounts JOIN api_keys ON api_keys.account_id = accounts.id
          WHERE api_keys.key_hash = ? AND api_keys.revoked_at IS NULL
          """,
        arguments: [hash.hex]
      ).map(Account.init(row:))
    }
  }

  public func keys(account: ResourceID) async throws(StoreError) -> [KeyRecord] {
    try await read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at, id",
        arguments: [account.rawValue]
      ).map(KeyRecord.init(row:))
    }
  }

  public func revokeKey(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE api_keys SET revoked_at = ?
          WHERE id = ? AND account_id = ? AND revoked_at IS NULL
          """,
        arguments: [now.unixSeconds, id.rawValue, account.rawValue])
      return db.changesCount > 0
    }
  }

  public func addStartupKey(
    _ key: KeyRecord, hash: APIKeyHash, newAccount: Account, credit: Int, onlyIfNoAccount: Bool
  ) async throws(StoreError) -> ResourceID? {
    // The IMMEDIATE transaction is SQLite's write lock: a second process starting at the same
    // moment runs this after the first has committed, and finds the key or the account.
    try await write { db in
      let exists =
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM api_keys WHERE key_hash = ?", arguments: [hash.hex]) ?? false
      if exists { return nil }
      var account = try String.fetchOne(
        db, sql: "SELECT id FROM accounts ORDER BY created_at, id LIMIT 1"
      ).flatMap(ResourceID.init)
      if account != nil && onlyIfNoAccount { return nil }
      if account == nil {
        try db.execute(
          sql:
            "INSERT INTO accounts (id, name, email, created_at, credit_seconds) VALUES (?, ?, ?, ?, ?)",
          arguments: [
            newAccount.id.rawValue, newAccount.name, newAccount.email, newAccount.createdAt, credit,
          ])
        account = newAccount.id
      }
      guard let account else { return nil }
      try db.execute(
        sql: """
          INSERT INTO api_keys (id, account_id, label, hint, key_hash, created_at, revoked_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key.id.rawValue, account.rawValue, key.label, key.hint, hash.hex, key.createdAt,
          key.revokedAt,
        ])
      return account
    }
  }

  public func sharedSecret(name: String, candidate: [UInt8]) async throws(StoreError) -> [UInt8] {
    try await write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)",
        arguments: [name, Data(candidate)])
      guard
        let stored = try Data.fetchOne(
          db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name])
      else { throw StoreError.corruptRow("settings.\(name) is missing") }
      return [UInt8](stored)
    }
  }

  public func ping() async throws(StoreError) {
    _ = try await read { db in try Int.fetchOne(db, sql: "SELECT 1") }
  }

  public func remainingCredit(account: ResourceID) async throws(StoreError) -> Int {
    try await read { db in try Self.requireAccount(account, db) }
  }

  public func addCredit(account: ResourceID, seconds: Int) async throws(StoreError) -> Int {
    try await write { db in
      try db.execute(
        sql: "UPDATE accounts SET credit_seconds = credit_seconds + ? WHERE id = ?",
        arguments: [seconds, account.rawValue])
      return try Self.requireAccount(account, db)
    }
  }

  /// The account's remaining credit; `.unknownAccount` when there is no such account.
  @discardableResult
  static func requireAccount(_ account: ResourceID, _ db: Database) throws -> Int {
    guard
      let credit = try Int.fetchOne(
        db, sql: "SELECT credit_seconds FROM accounts WHERE id = ?", arguments: [account.rawValue])
    else { throw StoreError.unknownAccount(account) }
    return credit
  }
}
