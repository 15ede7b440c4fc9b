import Foundation
import HeyGenAPI

/// What `POST /v2/template` and `PATCH /v2/template/<id>` send: a generate body with
/// placeholders plus `name` and `variables`, or `{"from_video_id": …}` to make one from a
/// finished video.
public struct TemplateDocument: Sendable, Equatable {
  public var name: String?
  public var variables: [TemplateVariable]?
  public var fromVideoId: String?
  /// The generate body: every other key of the document.
  public var body: [String: JSONTree]

  public init(name: String? = nil, variables: [TemplateVariable]? = nil, body: [String: JSONTree]) {
    self.name = name
    self.variables = variables
    self.body = body
  }

  public init(json: Data) throws(InvalidField) {
    guard case .object(var object) = try JSONTree.parse(json) else {
      throw InvalidField(path: "", message: "a template must be a JSON object")
    }
    switch object.removeValue(forKey: "name") {
    case nil, .null?: name = nil
    case .string(let text)?: name = text
    default: throw InvalidField(path: "name", message: "must be a string")
    }
    switch object.removeValue(forKey: "from_video_id") {
    case nil, .null?: fromVideoId = nil
    case .string(let text)?: fromVideoId = text
    default: throw InvalidField(path: "from_video_id", message: "must be a string")
    }
    switch object.removeValue(forKey: "variables") {
    case nil, .null?: variables = nil
    case let tree?:
      guard case .object = tree else {
        throw InvalidField(path: "variables", message: "must be an object keyed by variable name")
      }
      let bodies = try tree.decode([String: TemplateVariableBody].self)
      variables = try TemplateVariable.list(bodies)
    }
    // Names of a generated video that must not stick to every video of the template.
    for key in ["template_id", "test", "callback_id", "callback_url"] {
      object.removeValue(forKey: key)
    }
    body = object
  }

  /// A new template from this document, checked: every placeholder is declared and the
  /// defaults make a valid generate request.
  public func makeTemplate(id: ResourceID, account: ResourceID, now: Int) throws(InvalidField)
    -> TemplateRecord
  {
    let name = (self.name ?? "").trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      throw InvalidField(path: "name", message: "is required", isMissing: true)
    }
    try TextLength.check(name, limit: TextLength.title, at: "name")
    guard body["video_inputs"] != nil else {
      throw InvalidField(path: "video_inputs", message: "is required", isMissing: true)
    }
    let template = TemplateRecord(
      id: id, accountId: account, name: name, body: .object(body), variables: variables ?? [],
      createdAt: now)
    try Self.check(template)
    return template
  }

  /// `template` with this document's keys laid over it: a given `name` or `variables`
  /// replaces the old one, each given body key replaces that key.
  public func update(_ template: TemplateRecord, now: Int) throws(InvalidField) -> TemplateRecord {
    var updated = template
    if let name {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { throw InvalidField(path: "name", message: "must not be empty") }
      updated.name = trimmed
    }
    if let variables { updated.variables = variables }
    var merged = template.body.object ?? [:]
    for (key, value) in body { merged[key] = value }
    updated.body = .object(merged)
    updated.updatedAt = now
    updated.revision += 1
    try Self.check(updated)
    return updated
  }

  static func check(_ template: TemplateRecord) throws(InvalidField) {
    let declared = Set(template.variables.map(\.name))
    for use in TemplatePlaceholders.names(in: template.body) where !declared.contains(use.name) {
      throw InvalidField(
        path: use.path,
        message: "uses {{\(use.name)}}; declare it under variables with a type and default")
    }
    try VideoRequestValidator().validate(try template.defaultRequest())
  }
}
