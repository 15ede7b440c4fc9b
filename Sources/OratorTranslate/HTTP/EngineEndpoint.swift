import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An engine's HTTP server: its base URL, optional bearer key and the client that reaches it.
/// Failures map to ``TranslationError``: unreachable → `engineUnavailable`, an error status or
/// an unreadable answer → `engineFailed`.
struct EngineEndpoint: Sendable {
  var name: String
  var baseURL: URL
  var apiKey: String?
  var httpClient: HTTPClient
  var timeout: TimeAmount
  /// How long a list (languages, models) may take before the engine is taken as unavailable.
  var listTimeout: TimeAmount = Self.defaultListTimeout

  /// `baseURL` joined with `path`; a base that already ends in the path's first segment
  /// (an OpenAI base URL given as `…/v1`) is not doubled.
  func url(_ path: String) -> String {
    var base = baseURL.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    let segments = path.split(separator: "/")
    if let first = segments.first, base.hasSuffix("/" + first) {
      return base + "/" + segments.dropFirst().joined(separator: "/")
    }
    return base + "/" + segments.joined(separator: "/")
  }

  /// Lists are small and quick; an engine that does not answer one within this is taken as
  /// unavailable (AsyncHTTPClient retries a refused connection until the deadline).
  static let defaultListTimeout = TimeAmount.seconds(5)

  func get<Response: Decodable>(_ path: String, as type: Response.Type)
    async throws(TranslationError) -> Response
  {
    try decode(
      Response.self,
      from: try await send(
        path, method: .GET, body: nil, contentType: nil, timeout: listTimeout))
  }

  func post<Body: Encodable, Response: Decodable>(
    _ path: String, json body: Body, as type: Response.Type
  ) async throws(TranslationError) -> Response {
    let bytes: Data
    do {
      bytes = try JSONEncoder().encode(body)
    } catch {
      throw .engineFailed("\(name): cannot encode the request: \(error)")
    }
    return try decode(
      Response.self,
      from: try await send(
        path, method: .POST, body: bytes, contentType: "application/json", timeout: timeout))
  }

  func post<Response: Decodable>(
    _ path: String, body: Data, contentType: String, as type: Response.Type
  ) async throws(TranslationError) -> Response {
    try decode(
      Response.self,
      from: try await send(
        path, method: .POST, body: body, contentType: contentType, timeout: timeout))
  }

  private func send(
    _ path: String, method: HTTPMethod, body: Data?, contentType: String?, timeout: TimeAmount
  ) async throws(TranslationError) -> Data {
    var request = HTTPClientRequest(url: url(path))
    request.method = method
    request.headers.add(name: "Accept", value: "application/json")
    if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
    if let apiKey, !apiKey.isEmpty {
      request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
    }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }

    let status: HTTPResponseStatus
    let bytes: Data
    do {
      let response = try await httpClient.execute(request, timeout: timeout)
      status = response.status
      let buffer = try await response.body.collect(upTo: 64 << 20)
      bytes = Data(buffer.readableBytesView)
    } catch {
      throw .engineUnavailable("\(name) at \(baseURL.absoluteString): \(error)")
    }
    guard (200..<300).contains(status.code) else {
      let text = String(decoding: bytes.prefix(300), as: UTF8.self)
      throw .engineFailed("\(name) answered \(status.code): \(text)")
    }
    return bytes
  }

  private func decode<Response: Decodable>(_ type: Response.Type, from bytes: Data)
    throws(TranslationError) -> Response
  {
    do {
      return try JSONDecoder().decode(Response.self, from: bytes)
    } catch {
      let text = String(decoding: bytes.prefix(200), as: UTF8.self)
      throw .engineFailed("\(name) sent an unexpected answer: \(text)")
    }
  }
}
