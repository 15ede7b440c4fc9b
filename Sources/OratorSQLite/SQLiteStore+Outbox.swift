import Foundation
import GRDB
import OratorCore

// The outbox: events about a video are written inside the transaction that completes or
// fails it, so a crash can never leave a finished video whose event is lost, nor an event
// about a change that was rolled back.

extension SQLiteStore {
  /// Queues what `VideoOutcomeEvents` says a completed video sends.
  static func enqueueCompletedEvents(videoId: ResourceID, now: Int, _ db: Database) throws {
    guard let video = try outcomeFacts(videoId, db) else { return }
    let endpoints = try endpoints(account: video.accountId, db)
    try insert(VideoOutcomeEvents.completed(video, endpoints: endpoints), video, now: now, db)
  }

  /// Queues what `VideoOutcomeEvents` says a failed video sends, with the failure's message.
  static func enqueueFailedEvents(videoId: ResourceID, message: String, now: Int, _ db: Database)
    throws
  {
    guard let video = try outcomeFacts(videoId, db) else { return }
    let endpoints = try endpoints(account: video.accountId, db)
    try insert(
      VideoOutcomeEvents.failed(video, message: message, endpoints: endpoints), video, now: now,
      db)
  }

  private static func outcomeFacts(_ id: ResourceID, _ db: Database) throws -> VideoOutcomeFacts? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT account_id, kind, callback_id, callback_url, request, video_file, gif_file
          FROM videos WHERE id = ?
          """,
        arguments: [id.rawValue])
    else { return nil }
    return VideoOutcomeFacts(
      videoId: id, accountId: try row.id("account_id"), kind: try row.named("kind"),
      callbackId: row["callback_id"], callbackURL: row["callback_url"],
      request: row["request"] ?? Data(), videoFile: row["video_file"], gifFile: row["gif_file"])
  }

  private static func insert(
    _ entries: [OutboxEntry], _ video: VideoOutcomeFacts, now: Int, _ db: Database
  ) throws {
    for entry in entries {
      try insertEvent(
        entry.type, entry.payload, account: video.accountId, endpoint: entry.endpointId,
        callbackURL: entry.callbackURL, now: now, db)
    }
  }

  private static func insertEvent(
    _ type: WebhookEventType, _ payload: Data, account: ResourceID, endpoint: ResourceID?,
    callbackURL: String?, now: Int, _ db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO webhook_events (
          id, account_id, event_type, payload, endpoint_id, callback_url, attempts, created_at,
          next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
        """,
      arguments: [
        ResourceID(random: SystemRandomSource()).rawValue, account.rawValue, type.rawValue,
        payload, endpoint?.rawValue, callbackURL, now, now,
      ])
  }

  static func endpoints(account: ResourceID, _ db: Database) throws -> [WebhookEndpoint] {
    try Row.fetchAll(
      db,
      sql: "SELECT * FROM webhook_endpoints WHERE account_id = ? ORDER BY created_at, rowid",
      arguments: [account.rawValue]
    ).map(WebhookEndpoint.init(row:))
  }
}

extension WebhookEndpoint {
  init(row: Row) throws {
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), url: try row.required("url"),
      events: try Self.events(fromColumn: row["events"]), secret: try row.required("secret"),
      status: try row.required("status"), createdAt: try row.required("created_at"))
  }
}

extension WebhookEvent {
  init(row: Row) throws {
    let payload: Data = try row.required("payload")
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"),
      type: try row.named("event_type"), payload: [UInt8](payload),
      endpointId: try (row["endpoint_id"] as String?).map { text in
        guard let id = ResourceID(text) else {
          throw StoreError.corruptRow("endpoint_id is not a resource id")
        }
        return id
      },
      callbackURL: row["callback_url"], attempts: try row.required("attempts"),
      createdAt: try row.required("created_at"), nextAttemptAt: try row.required("next_attempt_at"),
      deliveredAt: row["delivered_at"], gaveUpAt: row["gave_up_at"])
  }
}
