import HeyGenAPI
import Hummingbird
import OratorCore

/// An error answered in HeyGen's envelope of the endpoint that raised it.
public struct APIError: Error, Sendable {
  public enum Envelope: Sendable { case v1, v2 }

  public var status: HTTPResponse.Status
  /// v2 snake_case code (`invalid_parameter`, `not_found`, …).
  public var code: String
  /// v1 integer code (40001 missing params, 400175 invalid parameter, 40031 invalid video id…).
  public var numericCode: Int
  public var message: String
  public var envelope: Envelope
  public var retryAfter: Int?
  /// The methods a 405's resource supports (its `Allow` header).
  public var allow: [String]?

  public init(
    _ status: HTTPResponse.Status, code: String, numericCode: Int, message: String,
    envelope: Envelope, retryAfter: Int? = nil
  ) {
    self.status = status
    self.code = code
    self.numericCode = numericCode
    self.message = message
    self.envelope = envelope
    self.retryAfter = retryAfter
  }

  public static func invalid(_ field: InvalidField, _ envelope: Envelope) -> APIError {
    APIError(
      .badRequest, code: field.isMissing ? "missing_parameter" : "invalid_parameter",
      numericCode: field.isMissing ? 40001 : 400175, message: field.description, envelope: envelope)
  }

  public static func notFound(_ message: String, _ envelope: Envelope, numericCode: Int = 40031)
    -> APIError
  {
    APIError(
      .notFound, code: "not_found", numericCode: numericCode, message: message, envelope: envelope)
  }

  public static func `internal`(_ message: String, _ envelope: Envelope) -> APIError {
    APIError(
      .internalServerError, code: "internal_error", numericCode: 500, message: message,
      envelope: envelope)
  }
}
