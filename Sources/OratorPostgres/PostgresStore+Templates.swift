import Foundation
import OratorCore
import PostgresNIO

extension PostgresStore {
  public func createTemplate(_ template: TemplateRecord) async throws(StoreError) {
    let variables = try template.storedVariables()
    let body = template.body.data()
    try await write { connection in
      try await Self.requireAccount(template.accountId, connection)
      try await connection.run(
        """
        INSERT INTO templates (
          id, account_id, name, body, variables, created_at, updated_at, revision, thumbnail_file)
        VALUES (
          \(template.id.rawValue), \(template.accountId.rawValue), \(template.name), \(body.bytea),
          \(variables.bytea), \(template.createdAt), \(template.updatedAt), \(template.revision),
          \(template.thumbnailFile))
        """)
    }
  }

  public func template(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TemplateRecord?
  {
    try await read { connection in
      try await connection.one(
        "SELECT * FROM templates WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)"
      ).map { row throws(StoreError) in try TemplateRecord(row: row) }
    }
  }

  public func listTemplates(account: ResourceID) async throws(StoreError) -> [TemplateRecord] {
    try await read { connection in
      try await connection.all(
        """
        SELECT * FROM templates WHERE account_id = \(account.rawValue)
        ORDER BY created_at DESC, id DESC
        """
      ).map { row throws(StoreError) in try TemplateRecord(row: row) }
    }
  }

  public func updateTemplate(_ template: TemplateRecord) async throws(StoreError) -> Bool {
    let variables = try template.storedVariables()
    let body = template.body.data()
    return try await write { connection in
      try await connection.run(
        """
        UPDATE templates SET name = \(template.name), body = \(body.bytea),
          variables = \(variables.bytea), updated_at = \(template.updatedAt),
          revision = \(template.revision), thumbnail_file = \(template.thumbnailFile)
        WHERE id = \(template.id.rawValue) AND account_id = \(template.accountId.rawValue)
        RETURNING id
        """) > 0
    }
  }

  public func setTemplateThumbnail(id: ResourceID, account: ResourceID, revision: Int, file: String)
    async throws(StoreError) -> Bool
  {
    try await write { connection in
      try await connection.run(
        """
        UPDATE templates SET thumbnail_file = \(file)
        WHERE id = \(id.rawValue) AND account_id = \(account.rawValue) AND revision = \(revision)
        RETURNING id
        """) > 0
    }
  }

  public func deleteTemplate(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TemplateRecord?
  {
    try await write { connection in
      try await connection.one(
        """
        DELETE FROM templates WHERE id = \(id.rawValue) AND account_id = \(account.rawValue)
        RETURNING *
        """
      ).map { row throws(StoreError) in try TemplateRecord(row: row) }
    }
  }

}
