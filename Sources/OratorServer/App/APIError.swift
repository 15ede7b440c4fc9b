import HeyGenAPI
import Hummingbird
import OratorCore

/// An error on the wire: a code of HeyGen's catalogue and a message, answered in the envelope
/// of the dialect whose endpoint raised it (`JSONResponse.error`).
public struct APIError: Error, Sendable {
  /// HeyGen's three envelopes: v1 `{code,message}`, v2 `{error:{code,message}}`, v3
  /// `{error:{code,message,param,doc_url}}`.
  public enum Envelope: Sendable {
    case v1, v2, v3

    /// The dialect of a request path: `/v1/…` v1, `/v3/…` v3, everything else v2.
    public init(path: String) {
      self = path.hasPrefix("/v1/") ? .v1 : path.hasPrefix("/v3/") ? .v3 : .v2
    }
  }

  public var code: HeyGenErrorCode
  public var message: String
  public var envelope: Envelope
  /// The request field the error is about (v3's `param`).
  public var param: String?
  public var retryAfter: Int?
  /// The methods a 405's resource supports (its `Allow` header).
  public var allow: [String]?

  /// A framework error's own status where the catalogue has no code for it.
  public var statusOverride: HTTPResponse.Status?

  public var status: HTTPResponse.Status {
    statusOverride ?? HTTPResponse.Status(code: code.status)
  }

  public init(
    _ code: HeyGenErrorCode, _ message: String, envelope: Envelope, param: String? = nil,
    retryAfter: Int? = nil
  ) {
    self.code = code
    self.message = message
    self.envelope = envelope
    self.param = param
    self.retryAfter = retryAfter
  }

  public static func invalid(_ field: InvalidField, _ envelope: Envelope) -> APIError {
    APIError(
      field.isMissing ? .missingParameter : .invalidParameter, field.description,
      envelope: envelope, param: field.path.isEmpty ? nil : field.path)
  }

  public static func notFound(
    _ message: String, _ envelope: Envelope, code: HeyGenErrorCode = .notFound
  ) -> APIError {
    APIError(code, message, envelope: envelope)
  }

  public static func `internal`(_ message: String, _ envelope: Envelope) -> APIError {
    APIError(.internalError, message, envelope: envelope)
  }
}
