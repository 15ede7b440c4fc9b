import Foundation
import NIOCore
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func beginIdempotentRequest(
    _ key: IdempotencyKey, now: Date, staleAfter: Duration, keepFor: Duration
  ) async throws(StoreError) -> IdempotencyClaim {
    let nowSeconds = now.unixSeconds
    let expired = nowSeconds - Int(keepFor.timeInterval)
    let stale = nowSeconds - Int(staleAfter.timeInterval)
    let account = key.account.rawValue
    let endpoint = key.endpoint
    let name = key.key
    return try await write { connection in
      // Two nodes starting the same key at once: the second waits on the first's insert
      // and then finds its row.
      let inserted = try await connection.run(
        """
        INSERT INTO idempotency_keys (account_id, endpoint, key, created_at)
        VALUES (\(account), \(endpoint), \(name), \(nowSeconds))
        ON CONFLICT (account_id, endpoint, key) DO NOTHING RETURNING 1
        """)
      if inserted == 1 { return .started }
      guard
        let row = try await connection.one(
          """
          SELECT created_at, status, body FROM idempotency_keys
          WHERE account_id = \(account) AND endpoint = \(endpoint) AND key = \(name)
          FOR UPDATE
          """)
      else { throw StoreError.corruptRow("idempotency key \(name) is missing") }
      let createdAt = try row.required("created_at", as: Int.self)
      if createdAt > expired {
        if let status = try row.optional("status", as: Int.self),
          let body = try row.optional("body", as: ByteBuffer.self)
        {
          return .completed(status: status, body: Data(body.readableBytesView))
        }
        if createdAt > stale { return .inProgress }
      }
      try await connection.run(
        """
        UPDATE idempotency_keys SET created_at = \(nowSeconds), status = NULL, body = NULL
        WHERE account_id = \(account) AND endpoint = \(endpoint) AND key = \(name)
        """)
      return .started
    }
  }

  public func finishIdempotentRequest(_ key: IdempotencyKey, status: Int, body: Data)
    async throws(StoreError)
  {
    let account = key.account.rawValue
    let endpoint = key.endpoint
    let name = key.key
    let bytes = ByteBuffer(bytes: body)
    try await write { connection in
      try await connection.run(
        """
        UPDATE idempotency_keys SET status = \(status), body = \(bytes)
        WHERE account_id = \(account) AND endpoint = \(endpoint) AND key = \(name)
        """)
    }
  }

  public func abandonIdempotentRequest(_ key: IdempotencyKey) async throws(StoreError) {
    let account = key.account.rawValue
    let endpoint = key.endpoint
    let name = key.key
    try await write { connection in
      try await connection.run(
        """
        DELETE FROM idempotency_keys
        WHERE account_id = \(account) AND endpoint = \(endpoint) AND key = \(name)
          AND status IS NULL
        """)
    }
  }
}
