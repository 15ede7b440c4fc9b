import Foundation
import GRDB
import OratorCore

// The outbox: events about a video are written inside the transaction that completes or
// fails it, so a crash can never leave a finished video whose event is lost, nor an event
// about a change that was rolled back.

extension SQLiteStore {
  /// Queues `avatar_video.success` (and `avatar_video_gif.success` when there is a GIF), or
  /// `video_translate.success` for a translation, for the account's endpoints that want
  /// them, and the main event for the video's callback URL.
  static func enqueueCompletedEvents(videoId: ResourceID, now: Int, _ db: Database) throws {
    guard let video = try videoFacts(videoId, db) else { return }
    var payload = video.payload
    payload.videoFile = video.videoFile
    payload.gifFile = video.gifFile
    if video.kind == .translated {
      try enqueue(.videoTranslateSuccess, payload: payload, video: video, now: now, db)
      return
    }
    try enqueue(.avatarVideoSuccess, payload: payload, video: video, now: now, db)
    if video.gifFile != nil {
      try enqueue(.avatarVideoGIFSuccess, payload: payload, video: video, now: now, db)
    }
  }

  /// Queues `avatar_video.fail` (`video_translate.fail` for a translation) with the
  /// failure's message.
  static func enqueueFailedEvents(videoId: ResourceID, message: String, now: Int, _ db: Database)
    throws
  {
    guard let video = try videoFacts(videoId, db) else { return }
    var payload = video.payload
    payload.message = message
    let type: WebhookEventType =
      video.kind == .translated ? .videoTranslateFail : .avatarVideoFail
    try enqueue(type, payload: payload, video: video, now: now, db)
  }

  private struct VideoFacts {
    var accountId: ResourceID
    var kind: VideoKind
    var callbackURL: String?
    var videoFile: String?
    var gifFile: String?
    var payload: VideoEventPayload
  }

  private static func videoFacts(_ id: ResourceID, _ db: Database) throws -> VideoFacts? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT account_id, kind, callback_id, callback_url, request, video_file, gif_file
          FROM videos WHERE id = ?
          """,
        arguments: [id.rawValue])
    else { return nil }
    let request: Data = row["request"] ?? Data()
    let object = (try? JSONSerialization.jsonObject(with: request)) as? [String: Any]
    let kind: VideoKind = try row.named("kind")
    return VideoFacts(
      accountId: try row.id("account_id"), kind: kind, callbackURL: row["callback_url"],
      videoFile: row["video_file"], gifFile: row["gif_file"],
      payload: VideoEventPayload(
        videoId: id.rawValue, callbackId: row["callback_id"],
        folderId: object?["folder_id"] as? String,
        outputLanguage: kind == .translated
          ? TranslationSpec.decode(request)?.outputLanguage : nil))
  }

  private static func enqueue(
    _ type: WebhookEventType, payload: VideoEventPayload, video: VideoFacts, now: Int,
    _ db: Database
  ) throws {
    let bytes = try JSONEncoder().encode(payload)
    for endpoint in try endpoints(account: video.accountId, db) where endpoint.wants(type) {
      try insertEvent(
        type, bytes, account: video.accountId, endpoint: endpoint.id, callbackURL: nil, now: now,
        db)
    }
    // The per-request callback gets the video's own outcome, not the GIF side events.
    if let url = video.callbackURL, !url.isEmpty,
      type.isMainOutcome
    {
      try insertEvent(
        type, bytes, account: video.accountId, endpoint: nil, callbackURL: url, now: now, db)
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
    let events: [WebhookEventType]? = try (row["events"] as String?).map { text in
      guard
        let names = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
      else { throw StoreError.corruptRow("events is not a JSON array") }
      return names.compactMap(WebhookEventType.init(rawValue:))
    }
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), url: try row.required("url"),
      events: events, secret: try row.required("secret"), status: try row.required("status"),
      createdAt: try row.required("created_at"))
  }

  /// The `events` column: a JSON array, or NULL for every event.
  var eventsColumn: String? {
    events.map { list in
      String(
        decoding: (try? JSONEncoder().encode(list.map(\.rawValue))) ?? Data("[]".utf8),
        as: UTF8.self)
    }
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
