import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func addWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError) {
    try await write { connection in
      try await Self.requireAccount(endpoint.accountId, connection)
      try await connection.run(
        """
        INSERT INTO webhook_endpoints (id, account_id, url, events, secret, status, created_at)
        VALUES (
          \(endpoint.id.rawValue), \(endpoint.accountId.rawValue), \(endpoint.url),
          \(endpoint.eventsColumn), \(endpoint.secret), \(endpoint.status), \(endpoint.createdAt))
        """)
    }
  }

  public func webhookEndpoints(account: ResourceID) async throws(StoreError) -> [WebhookEndpoint] {
    try await read { connection in try await Self.endpoints(account: account, connection) }
  }

  public func updateWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError) -> Bool {
    try await write { connection in
      try await connection.run(
        """
        UPDATE webhook_endpoints
        SET url = \(endpoint.url), events = \(endpoint.eventsColumn), status = \(endpoint.status),
          secret = \(endpoint.secret)
        WHERE id = \(endpoint.id.rawValue) AND account_id = \(endpoint.accountId.rawValue)
        RETURNING id
        """) > 0
    }
  }

  public func deleteWebhookEndpoint(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> Bool
  {
    try await write { connection in
      let deleted = try await connection.run(
        """
        DELETE FROM webhook_endpoints WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)
        RETURNING id
        """)
      guard deleted > 0 else { return false }
      // Its pending events have nowhere to go; they stay in the log as given up.
      try await connection.run(
        """
        UPDATE webhook_events SET gave_up_at = \(now.unixSeconds)
        WHERE endpoint_id = \(id.rawValue) AND delivered_at IS NULL AND gave_up_at IS NULL
        """)
      return true
    }
  }

  public func claimWebhookEvents(limit: Int, leaseFor: Duration, now: Date)
    async throws(StoreError) -> [WebhookDelivery]
  {
    let now = now.unixSeconds
    let heldUntil = now + max(1, leaseFor.wholeSecondsRoundedUp)
    return try await write { connection in
      // SKIP LOCKED: events another dispatcher is claiming at this moment are left to it.
      let rows = try await connection.all(
        """
        SELECT e.*, w.url AS endpoint_url, w.secret AS endpoint_secret,
          w.status AS endpoint_status
        FROM webhook_events e LEFT JOIN webhook_endpoints w ON w.id = e.endpoint_id
        WHERE e.delivered_at IS NULL AND e.gave_up_at IS NULL AND e.next_attempt_at <= \(now)
        ORDER BY e.next_attempt_at, e.created_at, e.seq LIMIT \(max(1, limit))
        FOR UPDATE OF e SKIP LOCKED
        """)
      var deliveries: [WebhookDelivery] = []
      for row in rows {
        let event = try WebhookEvent(row: row)
        let url: String? =
          event.endpointId == nil ? event.callbackURL : try row.optional("endpoint_url")
        // A deleted or disabled endpoint's pending events have nowhere to go: given up.
        let status = try row.optional("endpoint_status", as: String.self)
        guard let url, event.endpointId == nil || status == "enabled" else {
          try await connection.run(
            "UPDATE webhook_events SET gave_up_at = \(now) WHERE id = \(event.id.rawValue)")
          continue
        }
        try await connection.run(
          """
          UPDATE webhook_events SET next_attempt_at = \(heldUntil) WHERE id = \(event.id.rawValue)
          """)
        deliveries.append(
          WebhookDelivery(
            event: event, url: url, secret: try row.optional("endpoint_secret", as: String.self)))
      }
      return deliveries
    }
  }

  public func recordDeliveryAttempt(
    eventId: ResourceID, attempt: DeliveryAttempt, outcome: DeliveryOutcome
  ) async throws(StoreError) {
    try await write { connection in
      try await connection.run(
        """
        INSERT INTO webhook_attempts (event_id, at, status_code, error, duration_ms)
        VALUES (
          \(eventId.rawValue), \(attempt.at), \(attempt.statusCode), \(attempt.error),
          \(attempt.durationMilliseconds))
        """)
      let (column, value): (String, Int) =
        switch outcome {
        case .delivered: ("delivered_at", attempt.at)
        case .gaveUp: ("gave_up_at", attempt.at)
        case .retry(let at): ("next_attempt_at", at)
        }
      try await connection.run(
        """
        UPDATE webhook_events SET attempts = attempts + 1, \(unescaped: column) = \(value)
        WHERE id = \(eventId.rawValue)
        """)
    }
  }

  public func webhookEventLog(account: ResourceID, endpoint: ResourceID?, limit: Int)
    async throws(StoreError) -> [WebhookEventLog]
  {
    // One transaction, so the events and their attempts are read from one snapshot.
    try await write { connection in
      try await connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
      let limit = min(max(1, limit), 100)
      let events = try await connection.all(
        """
        SELECT * FROM webhook_events
        WHERE account_id = \(account.rawValue)
          AND (\(endpoint?.rawValue)::TEXT IS NULL OR endpoint_id = \(endpoint?.rawValue))
        ORDER BY created_at DESC, seq DESC LIMIT \(limit)
        """
      ).map { row throws(StoreError) in try WebhookEvent(row: row) }
      // Every event's attempts in one round trip rather than one query per event.
      var attempts: [ResourceID: [DeliveryAttempt]] = [:]
      for row in try await connection.all(
        """
        SELECT * FROM webhook_attempts WHERE event_id = ANY(\(events.map(\.id.rawValue)))
        ORDER BY at, seq
        """)
      {
        attempts[try row.id("event_id"), default: []].append(
          DeliveryAttempt(
            at: try row.required("at"), statusCode: try row.optional("status_code"),
            error: try row.optional("error"), durationMilliseconds: try row.required("duration_ms"))
        )
      }
      let logs = events.map { WebhookEventLog(event: $0, attempts: attempts[$0.id] ?? []) }
      return logs
    }
  }
}
