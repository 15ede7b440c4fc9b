import Foundation
import HeyGenAPI
import Hummingbird
import NIOCore

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

  static func error(_ error: APIError) throws -> Response {
    var headers: HTTPFields = [:]
    if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
    if let allow = error.allow { headers[.allow] = allow.joined(separator: ", ") }
    switch error.envelope {
    case .v1:
      return try make(
        V1Envelope<Empty>(
          code: error.numericCode, data: nil, message: error.message, msg: error.message),
        status: error.status, headers: headers)
    case .v2:
      return try make(
        V2Envelope<Empty>(error: V2Error(code: error.code, message: error.message)),
        status: error.status, headers: headers)
    }
  }
}
