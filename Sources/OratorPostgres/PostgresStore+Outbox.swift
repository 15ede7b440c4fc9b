import Foundation
import OratorCore
import PostgresNIO

// The outbox: events about a video are written inside the transaction that completes or
// fails it, so a crash can never leave a finished video whose event is lost, nor an event
// about a change that was rolled back.

extension PostgresStore {
  /// Queues `avatar_video.success` (and `avatar_video_gif.success` when there is a GIF), or
  /// `video_translate.success` for a translation, for the account's endpoints that want
  /// them, and the main event for the video's callback URL.
  static func enqueueCompletedEvents(
    videoId: ResourceID, now: Int, _ connection: PostgresConnection
  ) async throws {
    guard let video = try await videoFacts(videoId, connection) else { return }
    var payload = video.payload
    payload.videoFile = video.videoFile
    payload.gifFile = video.gifFile
    if video.kind == .translated {
      try await enqueue(
        .videoTranslateSuccess, payload: payload, video: video, now: now, connection)
      return
    }
    try await enqueue(.avatarVideoSuccess, payload: payload, video: video, now: now, connection)
    if video.gifFile != nil {
      try await enqueue(
        .avatarVideoGIFSuccess, payload: payload, video: video, now: now, connection)
    }
  }

  /// Queues `avatar_video.fail` (`video_translate.fail` for a translation) with the
  /// failure's message.
  static func enqueueFailedEvents(
    videoId: ResourceID, message: String, now: Int, _ connection: PostgresConnection
  ) async throws {
    guard let video = try await videoFacts(videoId, connection) else { return }
    var payload = video.payload
    payload.message = message
    let type: WebhookEventType =
      video.kind == .translated ? .videoTranslateFail : .avatarVideoFail
    try await enqueue(type, payload: payload, video: video, now: now, connection)
  }

  private struct VideoFacts {
    var accountId: ResourceID
    var kind: VideoKind
    var callbackURL: String?
    var videoFile: String?
    var gifFile: String?
    var payload: VideoEventPayload
  }

  private static func videoFacts(_ id: ResourceID, _ connection: PostgresConnection) async throws
    -> VideoFacts?
  {
    guard
      let row = try await connection.one(
        """
        SELECT account_id, kind, callback_id, callback_url, request, video_file, gif_file
        FROM videos WHERE id = \(id.rawValue)
        """)
    else { return nil }
    let request = try row.optional("request", as: Data.self) ?? Data()
    let object = (try? JSONSerialization.jsonObject(with: request)) as? [String: Any]
    let kind: VideoKind = try row.named("kind")
    return VideoFacts(
      accountId: try row.id("account_id"), kind: kind,
      callbackURL: try row.optional("callback_url"), videoFile: try row.optional("video_file"),
      gifFile: try row.optional("gif_file"),
      payload: VideoEventPayload(
        videoId: id.rawValue, callbackId: try row.optional("callback_id"),
        folderId: object?["folder_id"] as? String,
        outputLanguage: kind == .translated
          ? TranslationSpec.decode(request)?.outputLanguage : nil))
  }

  private static func enqueue(
    _ type: WebhookEventType, payload: VideoEventPayload, video: VideoFacts, now: Int,
    _ connection: PostgresConnection
  ) async throws {
    let bytes = try JSONEncoder().encode(payload)
    for endpoint in try await endpoints(account: video.accountId, connection)
    where endpoint.wants(type) {
      try await insertEvent(
        type, bytes, account: video.accountId, endpoint: endpoint.id, callbackURL: nil, now: now,
        connection)
    }
    // The per-request callback gets the video's own outcome, not the GIF side events.
    if let url = video.callbackURL, !url.isEmpty, type.isMainOutcome {
      try await insertEvent(
        type, bytes, account: video.accountId, endpoint: nil, callbackURL: url, now: now,
        connection)
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
