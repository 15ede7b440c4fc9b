import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends requests the way HeyGen's official CLI does (heygen-v3.md §3): `x-api-key` (never
/// together with `Authorization`), `User-Agent: heygen-cli/<version>`, `X-HeyGen-Source: cli`,
/// `Content-Type: application/json` only with a body, query values sorted by name and
/// form-encoded as Go's `url.Values.Encode` does (a space becomes `+`), and only the flags a
/// user set.
struct HeyGenCLIClient {
  let server: TestServer
  var key: String = TestServer.apiKey

  func get(_ path: String, query: [String: String] = [:]) async throws -> TestServer.Response {
    try await server.request(
      .GET, path + Self.encode(query), key: nil, headers: headers(body: false))
  }

  func post(_ path: String, json: Any, extraHeaders: [(String, String)] = []) async throws
    -> TestServer.Response
  {
    try await server.request(
      .POST, path, body: try JSONSerialization.data(withJSONObject: json), key: nil,
      headers: headers(body: true) + extraHeaders)
  }

  func patch(_ path: String, json: Any) async throws -> TestServer.Response {
    try await server.request(
      .PATCH, path, body: try JSONSerialization.data(withJSONObject: json), key: nil,
      headers: headers(body: true))
  }

  func delete(_ path: String) async throws -> TestServer.Response {
    try await server.request(.DELETE, path, key: nil, headers: headers(body: false))
  }

  /// `asset create --file F`: one multipart part named `file`, typed
  /// `application/octet-stream` as Go's `CreateFormFile` does.
  func upload(fileName: String, bytes: Data, extraHeaders: [(String, String)] = []) async throws
    -> TestServer.Response
  {
    let boundary = "cli\(UUID().uuidString.prefix(12))"
    var body = Data()
    body.append(
      Data(
        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").utf8))
    body.append(bytes)
    body.append(Data("\r\n--\(boundary)--\r\n".utf8))
    return try await server.request(
      .POST, "/v3/assets", body: body, key: nil,
      headers: headers(body: false) + [
        ("Content-Type", "multipart/form-data; boundary=\(boundary)")
      ]
        + extraHeaders)
  }

  private func headers(body: Bool) -> [(String, String)] {
    var headers = [
      ("x-api-key", key), ("User-Agent", "heygen-cli/0.4.1"), ("X-HeyGen-Source", "cli"),
    ]
    if body { headers.append(("Content-Type", "application/json")) }
    return headers
  }

  /// Go's `url.Values.Encode`: keys sorted, `+` for spaces, everything else percent-encoded
  /// except unreserved characters.
  static func encode(_ query: [String: String]) -> String {
    guard !query.isEmpty else { return "" }
    // Go's url.QueryEscape leaves only ASCII letters, digits and -._~ as they are.
    let allowed = CharacterSet(
      charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~ ")
    let pairs = query.keys.sorted().map { key in
      let value = (query[key] ?? "").addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
      return "\(key)=\(value.replacingOccurrences(of: " ", with: "+"))"
    }
    return "?" + pairs.joined(separator: "&")
  }
}
