import Foundation
import GRDB
import HeyGenAPI
import OratorCore

extension SQLiteStore {
  public func createTemplate(_ template: TemplateRecord) async throws(StoreError) {
    let variables = try template.storedVariables()
    try await write { db in
      _ = try Self.requireAccount(template.accountId, db)
      try db.execute(
        sql: """
          INSERT INTO templates (
            id, account_id, name, body, variables, created_at, updated_at, revision, thumbnail_file)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          template.id.rawValue, template.accountId.rawValue, template.name, template.body.data(),
          variables, template.createdAt, template.updatedAt, template.revision,
          template.thumbnailFile,
        ])
    }
  }

  public func template(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TemplateRecord?
  {
    try await read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM templates WHERE id = ? AND account_id = ?",
        arguments: [id.rawValue, account.rawValue]
      ).map(TemplateRecord.init(row:))
    }
  }

  public func listTemplates(account: ResourceID) async throws(StoreError) -> [TemplateRecord] {
    try await read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM templates WHERE account_id = ? ORDER BY created_at DESC, id DESC",
        arguments: [account.rawValue]
      ).map(TemplateRecord.init(row:))
    }
  }

  public func updateTemplate(_ template: TemplateRecord) async throws(StoreError) -> Bool {
    let variables = try template.storedVariables()
    return try await write { db in
      try db.execute(
        sql: """
          UPDATE templates SET name = ?, body = ?, variables = ?, updated_at = ?, revision = ?,
            thumbnail_file = ?
          WHERE id = ? AND account_id = ?
          """,
        arguments: [
          template.name, template.body.data(), variables, template.updatedAt, template.revision,
          template.thumbnailFile, template.id.rawValue, template.accountId.rawValue,
        ])
      return db.changesCount > 0
    }
  }

  public func setTemplateThumbnail(id: ResourceID, account: ResourceID, revision: Int, file: String)
    async throws(StoreError) -> Bool
  {
    try await write { db in
      try db.execute(
        sql:
          "UPDATE templates SET thumbnail_file = ? WHERE id = ? AND account_id = ? AND revision = ?",
        arguments: [file, id.rawValue, account.rawValue, revision])
      return db.changesCount > 0
    }
  }

  public func deleteTemplate(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TemplateRecord?
  {
    try await write { db in
      guard
        let template = try Row.fetchOne(
          db, sql: "SELECT * FROM templates WHERE id = ? AND account_id = ?",
          arguments: [id.rawValue, account.rawValue]
        ).map(TemplateRecord.init(row:))
      else { return nil }
      try db.execute(sql: "DELETE FROM templates WHERE id = ?", arguments: [id.rawValue])
      return template
    }
  }

}

extension TemplateRecord {
  init(row: Row) throws {
    let bodyData: Data = try row.required("body")
    let variableData: Data = try row.required("variables")
    let (body, variables) = try Self.stored(body: bodyData, variables: variableData)
    self.init(
      id: try row.id("id"), accountId: try row.id("account_id"), name: try row.required("name"),
      body: body, variables: variables, createdAt: try row.required("created_at"),
      updatedAt: try row.required("updated_at"), revision: try row.required("revision"),
      thumbnailFile: row["thumbnail_file"])
  }
}
