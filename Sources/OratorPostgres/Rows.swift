import Foundation
import HeyGenAPI
import OratorCore
import PostgresNIO

// Reading records back from rows, column for column as `SQLiteStore` reads them.

extension Account {
  init(row: Record) throws(StoreError) {
    self.init(
      id: try row.id("id"), name: try row.required("name"), email: try row.optional("email"),
      createdAt: try row.required("created_at"))
  }
}

extension KeyRecord {
  init(row: Record) throws(StoreError) {
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), label: try row.required("label"),
      hint: try row.required("hint"), createdAt: try row.required("created_at"),
      revokedAt: try row.optional("revoked_at"))
  }
}

extension VideoRecord {
  init(row: Record) throws(StoreError) {
    var failure: VideoFailure?
    if let code = try row.optional("error_code", as: Int.self) {
      failure = VideoFailure(
        code: code, message: try row.optional("error_message") ?? "",
        detail: try row.optional("error_detail"))
    }
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), kind: try row.named("kind"),
      title: try row.required("title"), status: try row.named("status"),
      request: try row.required("request"), callbackId: try row.optional("callback_id"),
      callbackUrl: try row.optional("callback_url"), isTest: try row.required("is_test"),
      caption: try row.required("caption"), createdAt: try row.required("created_at"),
      updatedAt: try row.required("updated_at", as: Int.self),
      duration: try row.optional("duration"), failure: failure,
      files: VideoFiles(
        video: try row.optional("video_file"), thumbnail: try row.optional("thumbnail_file"),
        gif: try row.optional("gif_file"), captionsASS: try row.optional("captions_ass_file"),
        captionsSRT: try row.optional("captions_srt_file"),
        captionsVTT: try row.optional("captions_vtt_file"),
        captionedVideo: try row.optional("captioned_video_file")),
      reservedCredit: try row.required("reserved_credit"),
      chargedCredit: try row.required("charged_credit"),
      spokenLanguage: try row.optional("spoken_language"),
      sharedAt: try row.optional("shared_at"), progress: try row.optional("progress"))
  }
}

extension JobRecord {
  init(row: Record) throws(StoreError) {
    self.init(
      id: try row.id("id"), videoId: try row.id("video_id"), accountId: try row.id("account_id"),
      state: try row.named("state"), runAfter: try row.required("run_after"),
      attempt: try row.required("attempt"), owner: try row.optional("owner"),
      fencingToken: try row.required("fencing_token"),
      leaseExpiresAt: try row.optional("lease_expires_at"),
      createdAt: try row.required("created_at"))
  }
}

extension WebhookEndpoint {
  init(row: Record) throws(StoreError) {
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), url: try row.required("url"),
      events: try Self.events(fromColumn: row.optional("events", as: String.self)),
      secret: try row.required("secret"), status: try row.required("status"),
      createdAt: try row.required("created_at"))
  }
}

extension WebhookEvent {
  init(row: Record) throws(StoreError) {
    let payload: Data = try row.required("payload")
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"),
      type: try row.named("event_type"), payload: [UInt8](payload),
      endpointId: try row.optionalID("endpoint_id"), callbackURL: try row.optional("callback_url"),
      attempts: try row.required("attempts"), createdAt: try row.required("created_at"),
      nextAttemptAt: try row.required("next_attempt_at"),
      deliveredAt: try row.optional("delivered_at"), gaveUpAt: try row.optional("gave_up_at"))
  }
}

extension TemplateRecord {
  init(row: Record) throws(StoreError) {
    let bodyData: Data = try row.required("body")
    let variableData: Data = try row.required("variables")
    let (body, variables) = try Self.stored(body: bodyData, variables: variableData)
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), name: try row.required("name"),
      body: body, variables: variables, createdAt: try row.required("created_at"),
      updatedAt: try row.required("updated_at"), revision: try row.required("revision"),
      thumbnailFile: try row.optional("thumbnail_file"))
  }
}

extension Data {
  /// Bytes as a BYTEA parameter (Foundation's `Data` encodes only through a throwing path).
  var bytea: ByteBuffer { ByteBuffer(bytes: self) }
}
