/// What `--json` prints for a delete, since the API answers one with no data:
/// `{"deleted": true, "<idKey>": "<id>"}`.
struct Deletion: Encodable {
  var idKey: String
  var id: String

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(id, forKey: Key(idKey))
    try container.encode(true, forKey: Key("deleted"))
  }
}
