import Foundation
import OratorCore
import PostgresNIO

// The outbox: events about a video are written inside the transaction that completes or
// fails it, so a crash can never leave a finished video whose event is lost, nor an event
// about a change that was rolled back.

extension PostgresStore {
  /// Queues what `VideoOutcomeEvents` says a completed video sends.
  static func enqueueCompletedEvents(
    videoId: ResourceID, now: Int, _ connection: PostgresConnection
  ) async throws {
    guard let video = try await outcomeFacts(videoId, connection) else { return }
    let endpoints = try await endpoints(account: video.accountId, connection)
    try await insert(
      VideoOutcomeEvents.completed(video, endpoints: endpoints), video, now: now, connection)
  }

  /// Queues what `VideoOutcomeEvents` says a failed video sends, with the failure's message.
  static func enqueueFailedEvents(
    videoId: ResourceID, message: String, now: Int, _ connection: PostgresConnection
  ) async throws {
    guard let video = try await outcomeFacts(videoId, connection) else { return }
    let endpoints = try await endpoints(account: video.accountId, connection)
    try await insert(
      VideoOutcomeEvents.failed(video, message: message, endpoints: endpoints), video, now: now,
      connection)
  }

  private static func outcomeFacts(_ id: ResourceID, _ connection: PostgresConnection)
    async throws -> VideoOutcomeFacts?
  {
    guard
      let row = try await connection.one(
        """
        SELECT account_id, kind, callback_id, callback_url, request, video_file, gif_file
        FROM videos WHERE id = \(id.rawValue)
        """)
    else { return nil }
    return VideoOutcomeFacts(
      videoId: id, accountId: try row.id("account_id"), kind: try row.named("kind"),
      callbackId: try row.optional("callback_id"), callbackURL: try row.optional("callback_url"),
      request: try row.optional("request", as: Data.self) ?? Data(),
      videoFile: try row.optional("video_file"), gifFile: try row.optional("gif_file"))
  }

  private static func insert(
    _ entries: [OutboxEntry], _ video: VideoOutcomeFacts, now: Int,
    _ connection: PostgresConnection
  ) async throws {
    for entry in entries {
      try await insertEvent(
        entry.type, entry.payload, account: video.accountId, endpoint: entry.endpointId,
        callbackURL: entry.callbackURL, now: now, connection)
    }
  }

  private static func insertEvent(
    _ type: WebhookEventType, _ payload: Data, account: ResourceID, endpoint: ResourceID?,
    callbackURL: String?, now: Int, _ connection: PostgresConnection
  ) async throws {
    try await connection.run(
      """
      INSERT INTO webhook_events (
        id, account_id, event_type, payload, endpoint_id, callback_url, attempts, created_at,
        next_attempt_at)
      VALUES (
        \(ResourceID(random: SystemRandomSource()).rawValue), \(account.rawValue),
        \(type.rawValue), \(payload.bytea), \(endpoint?.rawValue), \(callbackURL), 0, \(now),
        \(now))
      """)
  }

  static func endpoints(account: ResourceID, _ connection: PostgresConnection) async throws
    -> [WebhookEndpoint]
  {
    try await connection.all(
      """
      SELECT * FROM webhook_endpoints WHERE account_id = \(account.rawValue)
      ORDER BY created_at, seq
      """
    ).map { row throws(StoreError) in try WebhookEndpoint(row: row) }
  }
}
