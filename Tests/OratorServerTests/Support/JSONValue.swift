import Foundation

/// A decoded JSON document that tests can walk with subscripts: `json["data"]["status"].string`.
/// A missing key or index reads as `.missing`, so a test can tell an absent key from a `null`.
enum JSONValue: Equatable, Sendable, Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
  case missing

  init(data: Data) throws {
    self = try JSONDecoder().decode(JSONValue.self, from: data)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  subscript(key: String) -> JSONValue {
    if case .object(let object) = self { return object[key] ?? .missing }
    return .missing
  }

  subscript(index: Int) -> JSONValue {
    if case .array(let array) = self, array.indices.contains(index) { return array[index] }
    return .missing
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var double: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  var int: Int? { double.flatMap { Int(exactly: $0) } }

  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  var keys: Set<String> {
    if case .object(let object) = self { return Set(object.keys) }
    return []
  }

  var isNull: Bool { self == .null }
}
