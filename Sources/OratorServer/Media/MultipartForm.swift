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

  /// Why a body is not read as a form before the parser sees it.
  enum Refusal: Error {
    /// A byte above 0x7F where a part's header name stands. Header names are ASCII tokens;
    /// the parser looks such a byte up in a 128-entry table and would crash the process.
    case nonASCIIHeaderName
  }

  init(_ body: ByteBuffer, boundary: String) throws {
    try Self.checkHeaderNames(Array(body.readableBytesView), boundary: Array(boundary.utf8))
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

  /// Walks every part's header block (from the line after each `--boundary` to the blank
  /// line) and refuses a byte above 0x7F anywhere a header name is read: from the start of
  /// each header line up to its first colon. Values (a UTF-8 `filename`) are left alone.
  static func checkHeaderNames(_ bytes: [UInt8], boundary: [UInt8]) throws(Refusal) {
    let delimiter = Array("--".utf8) + boundary
    guard !boundary.isEmpty else { return }
    var index = 0
    var inPreamble = true
    while let found = firstIndex(of: delimiter, in: bytes, from: index) {
      // The first delimiter may follow any preamble; later ones start a line (the same bytes
      // inside a part are its content).
      guard inPreamble || (found >= 2 && bytes[found - 2] == 0x0D && bytes[found - 1] == 0x0A)
      else {
        index = found + 1
        continue
      }
      inPreamble = false
      var position = found + delimiter.count
      // The rest of the delimiter line (a closing `--`, padding) is not a header.
      while position < bytes.count, bytes[position] != 0x0A { position += 1 }
      position += 1
      var inName = true
      while position < bytes.count {
        let byte = bytes[position]
        if byte == 0x0A {
          // A blank line ends the block.
          if position + 2 < bytes.count, bytes[position + 1] == 0x0D, bytes[position + 2] == 0x0A {
            break
          }
          inName = true
        } else if inName {
          if byte == UInt8(ascii: ":") {
            inName = false
          } else if byte > 0x7F {
            throw .nonASCIIHeaderName
          }
        }
        position += 1
      }
      index = position
    }
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    return bytes[start...].firstRange(of: needle)?.lowerBound
  }

  func part(named name: String) -> Part? {
    parts.first { $0.name == name }
  }
}
