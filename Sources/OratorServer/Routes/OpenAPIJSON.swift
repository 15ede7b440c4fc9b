/// A JSON value written as Swift literals, for documents that are data rather than types
/// (the OpenAPI description): `["type": "object", "required": ["id"]]`.
indirect enum JSONValue: Encodable, Sendable, Equatable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])
  case null

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .string(let value):
      var c = encoder.singleValueContainer()
      try c.encode(value)
    case .int(let value):
      var c = encoder.singleValueContainer()
      try c.encode(value)
    case .bool(let value):
      var c = encoder.singleValueContainer()
      try c.encode(value)
    case .array(let values):
      var c = encoder.unkeyedContainer()
      for value in values { try c.encode(value) }
    case .object(let members):
      var c = encoder.container(keyedBy: MemberKey.self)
      for (key, value) in members { try c.encode(value, forKey: MemberKey(key)) }
    case .null:
      var c = encoder.singleValueContainer()
      try c.encodeNil()
    }
  }

  /// Merges two objects, `other` winning; anything else is replaced by `other`.
  func merging(_ other: JSONValue) -> JSONValue {
    guard case .object(let mine) = self, case .object(let theirs) = other else { return other }
    return .object(mine.merging(theirs) { _, new in new })
  }

  private struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  typealias Key = String
  typealias Value = JSONValue

  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
