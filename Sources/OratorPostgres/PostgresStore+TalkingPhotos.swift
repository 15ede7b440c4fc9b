import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func createTalkingPhoto(_ photo: TalkingPhotoRecord) async throws(StoreError) {
    let face = try photo.face.encoded()
    try await write { connection in
      try await Self.requireAccount(photo.accountId, connection)
      try await connection.run(
        """
        INSERT INTO talking_photos (id, account_id, name, image_file, landmarks, created_at)
        VALUES (
          \(photo.id.rawValue), \(photo.accountId.rawValue), \(photo.name), \(photo.imageFile),
          \(face.bytea), \(photo.createdAt))
        """)
    }
  }

  public func talkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  {
    try await read { connection in
      try await connection.one(
        """
        SELECT * FROM talking_photos WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)
        """
      ).map { row throws(StoreError) in try TalkingPhotoRecord(row: row) }
    }
  }

  public func listTalkingPhotos(account: ResourceID) async throws(StoreError)
    -> [TalkingPhotoRecord]
  {
    try await read { connection in
      try await connection.all(
        """
        SELECT * FROM talking_photos WHERE account_id = \(account.rawValue)
        ORDER BY created_at DESC, id DESC
        """
      ).map { row throws(StoreError) in try TalkingPhotoRecord(row: row) }
    }
  }

  public func deleteTalkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  {
    try await write { connection in
      try await connection.one(
        """
        DELETE FROM talking_photos WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)
        RETURNING *
        """
      ).map { row throws(StoreError) in try TalkingPhotoRecord(row: row) }
    }
  }

  public func renameTalkingPhoto(id: ResourceID, account: ResourceID, name: String)
    async throws(StoreError) -> TalkingPhotoRecord?
  {
    try await write { connection in
      try await connection.one(
        """
        UPDATE talking_photos SET name = \(name)
        WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)
        RETURNING *
        """
      ).map { row throws(StoreError) in try TalkingPhotoRecord(row: row) }
    }
  }
}

extension TalkingPhotoRecord {
  init(row: Record) throws(StoreError) {
    let landmarks: Data = try row.required("landmarks")
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), name: try row.required("name"),
      imageFile: try row.required("image_file"), face: try FaceLandmarks.decode(landmarks),
      createdAt: try row.required("created_at"))
  }
}
