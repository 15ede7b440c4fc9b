import Foundation
import HeyGenAPI
import Hummingbird
import NIOCore

/// A JSON answer before it becomes a response: what idempotent requests store and replay.
struct JSONReply: Sendable {
  var status: HTTPResponse.Status
  var body: Data

  init(status: HTTPResponse.Status = .ok, body: Data) {
    self.status = status
    self.body = body
  }

  init(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws {
    self.init(status: status, body: try JSONResponse.encoder.encode(value))
  }

  var response: Response {
    var headers: HTTPFields = [:]
    headers[.contentType] = "application/json"
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }
}

/// Encodes bodies the same way everywhere: HeyGen's envelopes, `application/json`.
enum JSONResponse {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    return encoder
  }()

  static func make(
    _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  )
    throws -> Response
  {
    let data = try encoder.encode(value)
    var fields = headers
    fields[.contentType] = "application/json"
    return Response(
      status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func v1<T: Codable & Sendable>(_ data: T?, message: String? = "Success") throws -> Response
  {
    try make(V1Envelope(data: data, message: message))
  }

  static func v2<T: Codable & Sendable>(_ data: T) throws -> Response {
    try make(V2Envelope(data: data))
  }

  /// v3's `{data}`.
  static func v3<T: Codable & Sendable>(_ data: T, status: HTTPResponse.Status = .ok) throws
    -> Response
  {
    try make(V3Envelope(data: data), status: status)
  }

  /// v3's list: `{data, has_more, next_token}`, the cursor beside `data`.
  static func v3List<T: Codable & Sendable>(_ items: [T], nextToken: String?) throws -> Response {
    try make(V3ListEnvelope(data: items, hasMore: nextToken != nil, nextToken: nextToken))
  }

  static func error(_ error: APIError) throws -> Response {
    var headers: HTTPFields = [:]
    if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
    if let allow = error.allow { headers[.allow] = allow.joined(separator: ", ") }
    switch error.envelope {
    case .v1:
      return try make(
        V1Envelope<Empty>(
          code: error.code.v1, data: nil, message: error.message, msg: error.message),
        status: error.status, headers: headers)
    case .v2:
      return try make(
        V2Envelope<Empty>(error: V2Error(code: error.code.v2, message: error.message)),
        status: error.status, headers: headers)
    case .v3:
      return try make(
        V3ErrorBody(
          error: V3Error(
            code: error.code.v3, message: error.message, param: error.param,
            docURL: error.code.v3DocURL)),
        status: error.status, headers: headers)
    }
  }
}
