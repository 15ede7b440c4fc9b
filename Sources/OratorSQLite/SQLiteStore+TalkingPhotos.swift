import Foundation
import GRDB
import OratorCore

extension SQLiteStore {
  public func createTalkingPhoto(_ photo: TalkingPhotoRecord) async throws(StoreError) {
    let face = try photo.face.encoded()
    try await write { db in
      _ = try Self.requireAccount(photo.accountId, db)
      try db.execute(
        sql: """
          INSERT INTO talking_photos (id, account_id, name, image_file, landmarks, created_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          photo.id.rawValue, photo.accountId.rawValue, photo.name, photo.imageFile, face,
          photo.createdAt,
        ])
    }
  }

  public func talkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  {
    try await read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM talking_photos WHERE id = ? AND account_id = ?",
        arguments: [id.rawValue, account.rawValue]
      ).map(TalkingPhotoRecord.init(row:))
    }
  }

  public func listTalkingPhotos(account: ResourceID) async throws(StoreError)
    -> [TalkingPhotoRecord]
  {
    try await read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT * FROM talking_photos WHERE account_id = ? ORDER BY created_at DESC, id DESC",
        arguments: [account.rawValue]
      ).map(TalkingPhotoRecord.init(row:))
    }
  }

  public func deleteTalkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  {
    try await write { db in
      guard
        let photo = try Row.fetchOne(
          db, sql: "SELECT * FROM talking_photos WHERE id = ? AND account_id = ?",
          arguments: [id.rawValue, account.rawValue]
        ).map(TalkingPhotoRecord.init(row:))
      else { return nil }
      try db.execute(sql: "DELETE FROM talking_photos WHERE id = ?", arguments: [id.rawValue])
      return photo
    }
  }

  public func renameTalkingPhoto(id: ResourceID, account: ResourceID, name: String)
    async throws(StoreError) -> TalkingPhotoRecord?
  {
    try await write { db in
      try db.execute(
        sql: "UPDATE talking_photos SET name = ? WHERE id = ? AND account_id = ?",
        arguments: [name, id.rawValue, account.rawValue])
      return try Row.fetchOne(
        db, sql: "SELECT * FROM talking_photos WHERE id = ? AND account_id = ?",
        arguments: [id.rawValue, account.rawValue]
      ).map(TalkingPhotoRecord.init(row:))
    }
  }
}

extension TalkingPhotoRecord {
  init(row: Row) throws {
    let landmarks: Data = try row.required("landmarks")
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), name: try row.required("name"),
      imageFile: try row.required("image_file"), face: try FaceLandmarks.decode(landmarks),
      createdAt: try row.required("created_at"))
  }
}
