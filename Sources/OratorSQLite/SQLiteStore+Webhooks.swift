import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func addWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError) {
    try await write { db in
      _ = try Self.requireAccount(endpoint.accountId, db)
      try db.execute(
        sql: """
          INSERT INTO webhook_endpoints (id, account_id, url, events, secret, status, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          endpoint.id.rawValue, endpoint.accountId.rawValue, endpoint.url, endpoint.eventsColumn,
          endpoint.secret, endpoint.status, endpoint.createdAt,
        ])
    }
  }

  public func webhookEndpoints(account: ResourceID) async throws(StoreError) -> [WebhookEndpoint] {
    try await read { db in try Self.endpoints(account: account, db) }
  }

  public func updateWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError) -> Bool {
    try await write { db in
      try db.execute(
        sql: """
          UPDATE webhook_endpoints SET url = ?, events = ?, status = ?, secret = ?
          WHERE id = ? AND account_id = ?
          """,
        arguments: [
          endpoint.url, endpoint.eventsColumn, endpoint.status, endpoint.secret,
          endpoint.id.rawValue, endpoint.accountId.rawValue,
        ])
      return db.changesCount > 0
    }
  }

  public func deleteWebhookEndpoint(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { db in
      try db.execute(
        sql: "DELETE FROM webhook_endpoints WHERE id = ? AND account_id = ?",
        arguments: [id.rawValue, account.rawValue])
      guard db.changesCount > 0 else { return false }
      // Its pending events have nowhere to go; they stay in the log as given up.
      try db.execute(
        sql: """
          UPDATE webhook_events SET gave_up_at = ?
          WHERE endpoint_id = ? AND delivered_at IS NULL AND gave_up_at IS NULL
          """,
        arguments: [now.unixSeconds, id.rawValue])
      return true
    }
  }

  public func claimWebhookEvents(limit: Int, leaseFor: Duration, now: Date)
    async throws(StoreError) -> [WebhookDelivery]
  {
    let now = now.unixSeconds
    let heldUntil = now + max(1, leaseFor.wholeSecondsRoundedUp)
    // IMMEDIATE: the write lock is held from the read on, so two dispatchers (two processes
    // on one file) never take the same event.
    return try await write { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT e.*, w.url AS endpoint_url, w.secret AS endpoint_secret,
            w.status AS endpoint_status
          FROM webhook_events e LEFT JOIN webhook_endpoints w ON w.id = e.endpoint_id
          WHERE e.delivered_at IS NULL AND e.gave_up_at IS NULL AND e.next_attempt_at <= ?
          ORDER BY e.next_attempt_at, e.created_at, e.rowid LIMIT ?
          """,
        arguments: [now, max(1, limit)])
      var deliveries: [WebhookDelivery] = []
      for row in rows {
        let event = try WebhookEvent(row: row)
        let url: String? = event.endpointId == nil ? event.callbackURL : row["endpoint_url"]
        // A deleted or disabled endpoint's pending events have nowhere to go: given up.
        let status: String? = row["endpoint_status"]
        guard let url, event.endpointId == nil || status == "enabled" else {
          try db.execute(
            sql: "UPDATE webhook_events SET gave_up_at = ? WHERE id = ?",
            arguments: [now, event.id.rawValue])
          continue
        }
        try db.execute(
          sql: "UPDATE webhook_events SET next_attempt_at = ? WHERE id = ?",
          arguments: [heldUntil, event.id.rawValue])
        deliveries.append(
          WebhookDelivery(event: event, url: url, secret: row["endpoint_secret"]))
      }
      return deliveries
    }
  }

  public func recordDeliveryAttempt(
    eventId: ResourceID, attempt: DeliveryAttempt, outcome: DeliveryOutcome
  ) async throws(StoreError) {
    try await write { db in
      try db.execute(
        sql: """
          INSERT INTO webhook_attempts (event_id, at, status_code, error, duration_ms)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          eventId.rawValue, attempt.at, attempt.statusCode, attempt.error,
          attempt.durationMilliseconds,
        ])
      let (column, value): (String, Int) =
        switch outcome {
        case .delivered: ("delivered_at", attempt.at)
        case .gaveUp: ("gave_up_at", attempt.at)
        case .retry(let at): ("next_attempt_at", at)
        }
      try db.execute(
        sql: "UPDATE webhook_events SET attempts = attempts + 1, \(column) = ? WHERE id = ?",
        arguments: [value, eventId.rawValue])
    }
  }

  public func webhookEventLog(account: ResourceID, endpoint: ResourceID?, limit: Int)
    async throws(StoreError) -> [WebhookEventLog]
  {
    try await read { db in
      let events = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM webhook_events
          WHERE account_id = ?1 AND (?2 IS NULL OR endpoint_id = ?2)
          ORDER BY created_at DESC, rowid DESC LIMIT ?3
          """,
        arguments: [account.rawValue, endpoint?.rawValue, min(max(1, limit), 100)]
      ).map(WebhookEvent.init(row:))
      return try events.map { event in
        let attempts = try Row.fetchAll(
          db,
          sql: "SELECT * FROM webhook_attempts WHERE event_id = ? ORDER BY at, rowid",
          arguments: [event.id.rawValue]
        ).map { row in
          DeliveryAttempt(
            at: try row.required("at"), statusCode: row["status_code"], error: row["error"],
            durationMilliseconds: try row.required("duration_ms"))
        }
        return WebhookEventLog(event: event, attempts: attempts)
      }
    }
  }
}
