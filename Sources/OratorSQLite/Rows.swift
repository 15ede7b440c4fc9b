import Foundation
import GRDB
import OratorCore

// Reading records back from rows. A value that does not parse means the file was changed
// by something other than this store; it is reported, never trapped on.

extension Row {
  func id(_ column: String) throws -> ResourceID {
    guard let text: String = self[column], let id = ResourceID(text) else {
      throw StoreError.corruptRow("\(column) is not a resource id")
    }
    return id
  }

  func required<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
    guard let value: Value = self[column] else {
      throw StoreError.corruptRow("\(column) is missing")
    }
    return value
  }

  func named<Value: RawRepresentable<String>>(_ column: String) throws -> Value {
    guard let text: String = self[column], let value = Value(rawValue: text) else {
      throw StoreError.corruptRow("\(column) has an unknown value")
    }
    return value
  }
}

extension Account {
  init(row: Row) throws {
    self.init(
      id: try row.id("id"), name: try row.required("name"), email: row["email"],
      createdAt: try row.required("created_at"))
  }
}

extension KeyRecord {
  init(row: Row) throws {
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), label: try row.required("label"),
      hint: try row.required("hint"), createdAt: try row.required("created_at"),
      revokedAt: row["revoked_at"])
  }
}

extension VideoRecord {
  init(row: Row) throws {
    var failure: VideoFailure?
    if let code: Int = row["error_code"] {
      failure = VideoFailure(
        code: code, message: row["error_message"] ?? "", detail: row["error_detail"])
    }
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), kind: try row.named("kind"),
      title: try row.required("title"), status: try row.named("status"),
      request: try row.required("request"), callbackId: row["callback_id"],
      callbackUrl: row["callback_url"], isTest: try row.required("is_test"),
      caption: try row.required("caption"), createdAt: try row.required("created_at"),
      updatedAt: try row.required("updated_at") as Int, duration: row["duration"],
      failure: failure,
      files: VideoFiles(
        video: row["video_file"], thumbnail: row["thumbnail_file"], gif: row["gif_file"],
        captionsASS: row["captions_ass_file"], captionsSRT: row["captions_srt_file"],
        captionsVTT: row["captions_vtt_file"], captionedVideo: row["captioned_video_file"]),
      reservedCredit: try row.required("reserved_credit"),
      chargedCredit: try row.required("charged_credit"), spokenLanguage: row["spoken_language"],
      sharedAt: row["shared_at"], progress: row["progress"])
  }
}

extension JobRecord {
  init(row: Row) throws {
    self.init(
      id: try row.id("id"), videoId: try row.id("video_id"), accountId: try row.id("account_id"),
      state: try row.named("state"), runAfter: try row.required("run_after"),
      attempt: try row.required("attempt"), owner: row["owner"],
      fencingToken: try row.required("fencing_token"), leaseExpiresAt: row["lease_expires_at"],
      createdAt: try row.required("created_at"))
  }
}
