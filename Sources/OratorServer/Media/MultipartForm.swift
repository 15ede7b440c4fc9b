import MultipartKit
import NIOCore

/// The parts of a `multipart/form-data` body, each with its headers (name, file name and
/// type) and bytes.
struct MultipartForm {
  struct Part {
    var headers: [(name: String, value: String)] = []
    var body = ByteBuffer()

    func header(_ name: String) -> String? {
      headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The `name` parameter of its `Content-Disposition`.
    var name: String? { Self.parameter("name", of: header("Content-Disposition")) }
    /// The `filename` parameter of its `Content-Disposition`.
    var fileName: String? { Self.parameter("filename", of: header("Content-Disposition")) }

    static func parameter(_ name: String, of header: String?) -> String? {
      guard let header else { return nil }
      for part in header.split(separator: ";") {
        let trimmed = part.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix(name + "=") {
          var value = trimmed.dropFirst(name.count + 1)
          if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
            value = value.dropFirst().dropLast()
          }
          return String(value)
        }
      }
      return nil
    }
  }

  var parts: [Part]

  init(_ body: ByteBuffer, boundary: String) throws {
    let parser = MultipartParser(boundary: boundary)
    var parts: [Part] = []
    var current = Part()
    parser.onHeader = { name, value in current.headers.append((name, value)) }
    parser.onBody = { buffer in current.body.writeBuffer(&buffer) }
    parser.onPartComplete = {
      parts.append(current)
      current = Part()
    }
    try parser.execute(body)
    self.parts = parts
  }

  func part(named name: String) -> Part? {
    parts.first { $0.name == name }
  }
}
