import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func createAccount(_ account: Account, credit: Int) async throws(StoreError) {
    try await write { connection in
      try await connection.run(
        """
        INSERT INTO accounts (id, name, email, created_at, credit_seconds)
        VALUES (\(account.id.rawValue), \(account.name), \(account.email), \(account.createdAt),
          \(credit))
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

  public func addStartupKey(
    _ key: KeyRecord, hash: APIKeyHash, newAccount: Account, credit: Int, onlyIfNoAccount: Bool
  ) async throws(StoreError) -> ResourceID? {
    try await write { connection in
      // Nodes starting together take this lock one after another, so the later ones find the
      // key (or the account) the first one made instead of racing it to a duplicate key or a
      // second account. The lock ends with the transaction.
      try await connection.run("SELECT pg_advisory_xact_lock(\(Self.startupKeyLock))")
      if try await connection.one("SELECT 1 AS found FROM api_keys WHERE key_hash = \(hash.hex)")
        != nil
      {
        return nil
      }
      var account = try await connection.one(
        "SELECT id FROM accounts ORDER BY created_at, id LIMIT 1"
      ).map { row throws(StoreError) in try row.id("id") }
      if account != nil && onlyIfNoAccount { return nil }
      if account == nil {
        try await connection.run(
          """
          INSERT INTO accounts (id, name, email, created_at, credit_seconds)
          VALUES (\(newAccount.id.rawValue), \(newAccount.name), \(newAccount.email),
            \(newAccount.createdAt), \(credit))
          """)
        account = newAccount.id
      }
      guard let account else { return nil }
      try await connection.run(
        """
        INSERT INTO api_keys (id, account_id, label, hint, key_hash, created_at, revoked_at)
        VALUES (\(key.id.rawValue), \(account.rawValue), \(key.label), \(key.hint),
          \(hash.hex), \(key.createdAt), \(key.revokedAt))
        """)
      return account
    }
  }

  public func sharedSecret(name: String, candidate: [UInt8]) async throws(StoreError) -> [UInt8] {
    try await write { connection in
      // A node inserting at the same moment makes this wait for its commit and then do
      // nothing; the read that follows sees whichever value was stored first.
      try await connection.run(
        """
        INSERT INTO settings (name, value) VALUES (\(name), \(ByteBuffer(bytes: candidate)))
        ON CONFLICT (name) DO NOTHING
        """)
      guard
        let row = try await connection.one("SELECT value FROM settings WHERE name = \(name)")
      else { throw StoreError.corruptRow("settings.\(name) is missing") }
      let value = try row.required("value", as: ByteBuffer.self)
      return Array(value.readableBytesView)
    }
  }

  public func ping() async throws(StoreError) {
    try await read { connection in _ = try await connection.run("SELECT 1") }
  }

  /// This store's key for `pg_advisory_xact_lock` around start-up's key (the migration lock
  /// is …0001).
  static let startupKeyLock: Int64 = 0x6f72_6174_6f72_0002

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
