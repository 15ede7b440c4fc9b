import Foundation
import HeyGenAPI

/// A template as the store keeps it: a generate body whose strings may hold `{{name}}`
/// placeholders, and the variables (with their defaults) that fill them.
public struct TemplateRecord: Sendable, Equatable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var name: String
  /// A `POST /v2/video/generate` body with placeholders (`name` and `variables` taken out).
  public var body: JSONTree
  /// In name order.
  public var variables: [TemplateVariable]
  /// Unix seconds.
  public var createdAt: Int
  /// Unix seconds.
  public var updatedAt: Int
  /// Goes up by one on every change, so a thumbnail drawn for an older version is not kept.
  public var revision: Int
  /// The rendered first frame, relative to the media folder; nil until drawn.
  public var thumbnailFile: String?

  public init(
    id: ResourceID, accountId: ResourceID, name: String, body: JSONTree,
    variables: [TemplateVariable], createdAt: Int, updatedAt: Int? = nil, revision: Int = 1,
    thumbnailFile: String? = nil
  ) {
    self.id = id
    self.accountId = accountId
    self.name = name
    self.body = body
    self.variables = variables
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.revision = revision
    self.thumbnailFile = thumbnailFile
  }

  /// The output size every video of this template keeps the shape of.
  public var dimension: HeyGenAPI.Dimension {
    let given = body["dimension"] ?? body["dimensions"]
    return given.flatMap { try? $0.decode(HeyGenAPI.Dimension.self) } ?? .fullHD
  }

  /// HeyGen's `aspect_ratio` of the template list.
  public var aspectRatio: String {
    let size = dimension
    return size.width > size.height ? "landscape" : size.width < size.height ? "portrait" : "square"
  }

  /// The video the template makes with every variable at its default.
  public func defaultRequest() throws(InvalidField) -> VideoGenerateRequest {
    try TemplatePlaceholders(variables).fill(body).decode(VideoGenerateRequest.self)
  }

  /// The variables keyed by name, as the wire and the store write them.
  public var variableBodies: [String: TemplateVariableBody] {
    Dictionary(variables.map { ($0.name, $0.body) }, uniquingKeysWith: { _, last in last })
  }
}

extension TemplateRecord {
  /// The `variables` column: the wire bodies keyed by name, as JSON.
  public func storedVariables() throws(StoreError) -> Data {
    do {
      return try JSONEncoder().encode(variableBodies)
    } catch {
      throw .invalidRecord("variables of template \(id) cannot be written: \(error)")
    }
  }

  /// Reads the `body` and `variables` columns back.
  public static func stored(body: Data, variables: Data) throws(StoreError)
    -> (body: JSONTree, variables: [TemplateVariable])
  {
    do {
      return (
        try JSONDecoder().decode(JSONTree.self, from: body),
        try TemplateVariable.list(
          JSONDecoder().decode([String: TemplateVariableBody].self, from: variables))
      )
    } catch {
      throw .corruptRow("template body or variables do not parse: \(error)")
    }
  }
}
