import Foundation

/// A `multipart/form-data` body (RFC 7578), as the OpenAI audio endpoints take uploads.
/// AsyncHTTPClient sends bodies but does not build forms.
struct MultipartForm {
  let boundary = "orator-" + UUID().uuidString
  private(set) var body = Data()

  var contentType: String { "multipart/form-data; boundary=\(boundary)" }

  mutating func add(_ name: String, _ value: String) {
    body.append(
      Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8))
    body.append(Data(value.utf8))
    body.append(Data("\r\n".utf8))
  }

  mutating func addFile(_ name: String, filename: String, contentType: String, contents: Data) {
    body.append(
      Data(
        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; "
          + "filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n").utf8))
    body.append(contents)
    body.append(Data("\r\n".utf8))
  }

  /// The body with its closing boundary.
  var finished: Data { body + Data("--\(boundary)--\r\n".utf8) }
}
