import Foundation
import Testing

/// HeyGen's v3 response schemas (as its CLI embeds them; a copy in `Contract/`), and a
/// validator for the parts of JSON Schema they use: `type`, `nullable`, `required`,
/// `properties`, `items`, `enum` and `oneOf`. Extra keys are allowed, as in the schemas.
struct V3ResponseSchemas {
  private let schemas: [String: JSONValue]

  static let shared: V3ResponseSchemas = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "Contract/heygen-v3-response-schemas.json")
    let entries = (try? JSONValue(data: Data(contentsOf: url)))?.array ?? []
    var schemas: [String: JSONValue] = [:]
    for entry in entries {
      if let method = entry["method"].string, let path = entry["path"].string {
        schemas["\(method) \(path)"] = entry["response_schema"]
      }
    }
    return V3ResponseSchemas(schemas: schemas)
  }()

  /// The problems of `body` against the schema of `endpoint` (`GET /v3/videos/{video_id}`);
  /// empty when it conforms.
  func problems(_ body: JSONValue, endpoint: String) -> [String] {
    guard let schema = schemas[endpoint] else { return ["no schema for \(endpoint)"] }
    var problems: [String] = []
    Self.check(body, against: schema, at: "$", into: &problems)
    return problems
  }

  /// Records a test issue for each problem.
  func expectValid(
    _ body: JSONValue, endpoint: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = problems(body, endpoint: endpoint)
    #expect(found.isEmpty, "\(endpoint): \(found)", sourceLocation: sourceLocation)
  }

  private static func check(
    _ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [String]
  ) {
    if value == .null {
      if schema["nullable"].bool != true && schema["type"] != .missing {
        problems.append("\(path) is null but not nullable")
      }
      return
    }
    if let alternatives = schema["oneOf"].array {
      let matching = alternatives.filter { alternative in
        var found: [String] = []
        check(value, against: alternative, at: path, into: &found)
        return found.isEmpty
      }
      if matching.isEmpty { problems.append("\(path) matches none of oneOf") }
      return
    }
    if let allowed = schema["enum"].array, !allowed.contains(value) {
      problems.append("\(path) = \(value) is not one of \(allowed)")
    }
    switch schema["type"].string {
    case "object":
      guard case .object(let fields) = value else {
        problems.append("\(path) should be an object")
        return
      }
      for name in schema["required"].array?.compactMap(\.string) ?? [] where fields[name] == nil {
        problems.append("\(path).\(name) is required")
      }
      if case .object(let properties) = schema["properties"] {
        for (name, property) in properties {
          if let field = fields[name] {
            check(field, against: property, at: "\(path).\(name)", into: &problems)
          }
        }
      }
    case "array":
      guard case .array(let items) = value else {
        problems.append("\(path) should be an array")
        return
      }
      for (index, item) in items.enumerated() {
        check(item, against: schema["items"], at: "\(path)[\(index)]", into: &problems)
      }
    case "string":
      if value.string == nil { problems.append("\(path) should be a string") }
    case "integer":
      if value.int == nil { problems.append("\(path) should be an integer") }
    case "number":
      if value.double == nil { problems.append("\(path) should be a number") }
    case "boolean":
      if value.bool == nil { problems.append("\(path) should be a boolean") }
    default:
      break
    }
  }
}
