import Foundation
import Hummingbird
import NIOCore
import OratorCore

/// Reading JSON bodies: a size limit (413) and decoding errors that name the field (400).
enum RequestBody {
  static func collect(_ request: Request, limit: Int, envelope: APIError.Envelope) async throws
    -> [UInt8]
  {
    do {
      let buffer = try await request.body.collect(upTo: limit)
      return Array(buffer.readableBytesView)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw APIError(
        .payloadTooLarge, "request body is larger than \(limit) bytes", envelope: envelope)
    }
  }

  static func decode<T: Decodable>(_ bytes: [UInt8], envelope: APIError.Envelope) throws -> T {
    guard !bytes.isEmpty else {
      throw APIError.invalid(
        InvalidField(path: "", message: "request body is empty; send JSON", isMissing: true),
        envelope)
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw APIError.invalid(InvalidField(error), envelope)
    }
  }
}
