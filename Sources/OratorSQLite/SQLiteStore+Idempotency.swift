import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func beginIdempotentRequest(
    _ key: IdempotencyKey, now: Date, staleAfter: Duration, keepFor: Duration
  ) async throws(StoreError) -> IdempotencyClaim {
    let nowSeconds = now.unixSeconds
    let expired = nowSeconds - Int(keepFor.timeInterval)
    let stale = nowSeconds - Int(staleAfter.timeInterval)
    return try await write { db in
      let arguments: StatementArguments = [key.account.rawValue, key.endpoint, key.key]
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT created_at, status, body FROM idempotency_keys
          WHERE account_id = ? AND endpoint = ? AND key = ?
          """, arguments: arguments)
      if let row, (row["created_at"] as Int) > expired {
        if let status: Int = row["status"], let body: Data = row["body"] {
          return .completed(status: status, body: body)
        }
        if (row["created_at"] as Int) > stale { return .inProgress }
      }
      try db.execute(
        sql: """
          INSERT INTO idempotency_keys (account_id, endpoint, key, created_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (account_id, endpoint, key)
          DO UPDATE SET created_at = excluded.created_at, status = NULL, body = NULL
          """, arguments: arguments + [nowSeconds])
      return .started
    }
  }

  public func finishIdempotentRequest(_ key: IdempotencyKey, status: Int, body: Data)
    async throws(StoreError)
  {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE idempotency_keys SET status = ?, body = ?
          WHERE account_id = ? AND endpoint = ? AND key = ?
          """, arguments: [status, body, key.account.rawValue, key.endpoint, key.key])
    }
  }

  public func abandonIdempotentRequest(_ key: IdempotencyKey) async throws(StoreError) {
    try await write { db in
      try db.execute(
        sql: """
          DELETE FROM idempotency_keys
          WHERE account_id = ? AND endpoint = ? AND key = ? AND status IS NULL
          """, arguments: [key.account.rawValue, key.endpoint, key.key])
    }
  }
}
