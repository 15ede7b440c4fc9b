import Foundation

/// A JSON value of any shape. A template's body is kept as a tree rather than a
/// `VideoGenerateRequest` because its placeholders may stand where the request needs an
/// object (`"character": "{{presenter}}"`), which only parses once they are filled in.
public enum JSONTree: Sendable, Equatable, Codable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONTree])
  case object([String: JSONTree])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONTree].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONTree].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      // Whole numbers stay integers on the wire, so `"width": 1280` reads back as an Int.
      if value.rounded() == value, abs(value) < 1e15 {
        try container.encode(Int(value))
      } else {
        try container.encode(value)
      }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  public subscript(key: String) -> JSONTree? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var object: [String: JSONTree]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// Parses `data`; a decoding failure names the place in the JSON.
  public static func parse(_ data: Data) throws(InvalidField) -> JSONTree {
    do {
      return try JSONDecoder().decode(JSONTree.self, from: data)
    } catch let error as DecodingError {
      throw InvalidField(error)
    } catch {
      throw InvalidField(path: "", message: "request body is not valid JSON")
    }
  }

  /// The tree as compact JSON with sorted keys (stable bytes for the same tree).
  public func data() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)) ?? Data("null".utf8)
  }

  /// Decodes the tree as `T`, the way a request body would be.
  public func decode<T: Decodable>(_ type: T.Type) throws(InvalidField) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: data())
    } catch let error as DecodingError {
      throw InvalidField(error)
    } catch {
      throw InvalidField(path: "", message: "\(error)")
    }
  }

  /// Encodes a value as a tree.
  public static func encoding(_ value: some Encodable) -> JSONTree {
    guard let data = try? JSONEncoder().encode(value),
      let tree = try? JSONDecoder().decode(JSONTree.self, from: data)
    else { return .null }
    return tree
  }
}
