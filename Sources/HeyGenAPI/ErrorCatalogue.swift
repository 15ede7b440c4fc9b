import Foundation

/// Every error HeyGen's APIs answer with, in one place: the HTTP status, the v1 integer code,
/// the v2 snake_case code and the v3 lower-case code of each. v1/v2 and v3 name some of them
/// differently (v2 `rate_limited` is v3 `rate_limit_exceeded`), and v3 names "not found" by
/// what was not found, so each dialect reads its own column.
public enum HeyGenErrorCode: String, Sendable, CaseIterable {
  case missingParameter
  case invalidParameter
  case unsupportedLanguage
  case unauthorized
  case forbidden
  case notFound
  case videoNotFound
  case avatarNotFound
  case voiceNotFound
  case assetNotFound
  case webhookEndpointNotFound
  case endpointNotFound
  case methodNotAllowed
  case requestTimeout
  case conflict
  case requestInProgress
  case leaseLost
  case payloadTooLarge
  case insufficientCredit
  case rateLimited
  case downloadFailed
  case internalError
  /// Orator's own: every attempt's render worker vanished before the video was finished.
  case renderInterrupted
  case serviceUnavailable
  case translationUnavailable

  /// The HTTP status every dialect answers with.
  public var status: Int {
    switch self {
    case .missingParameter, .invalidParameter, .unsupportedLanguage, .downloadFailed: 400
    case .unauthorized: 401
    case .insufficientCredit: 402
    case .forbidden: 403
    case .notFound, .videoNotFound, .avatarNotFound, .voiceNotFound, .assetNotFound,
      .endpointNotFound, .webhookEndpointNotFound:
      404
    case .methodNotAllowed: 405
    case .requestTimeout: 408
    case .conflict, .requestInProgress, .leaseLost: 409
    case .payloadTooLarge: 413
    case .rateLimited: 429
    case .internalError, .renderInterrupted: 500
    case .serviceUnavailable, .translationUnavailable: 503
    }
  }

  /// v1's integer `code` (heygen-api.md, "Error codes").
  public var v1: Int {
    switch self {
    case .missingParameter: 40001
    case .invalidParameter, .unsupportedLanguage, .downloadFailed, .webhookEndpointNotFound: 400175
    case .unauthorized: 400112
    case .forbidden: 400562
    case .notFound, .videoNotFound, .avatarNotFound, .voiceNotFound, .assetNotFound: 40031
    case .endpointNotFound: 404
    case .methodNotAllowed: 405
    case .requestTimeout: 408
    case .conflict, .requestInProgress, .leaseLost: 409
    case .payloadTooLarge: 413
    case .insufficientCredit: 400599
    case .rateLimited: 429
    case .internalError: 500
    case .renderInterrupted: 50001
    case .serviceUnavailable, .translationUnavailable: 503
    }
  }

  /// v2's snake_case `error.code`.
  public var v2: String {
    switch self {
    case .missingParameter: "missing_parameter"
    case .invalidParameter, .downloadFailed: "invalid_parameter"
    case .unsupportedLanguage: "unsupported_language"
    case .unauthorized: "unauthorized"
    case .forbidden: "forbidden"
    case .notFound, .videoNotFound, .avatarNotFound, .voiceNotFound, .assetNotFound,
      .endpointNotFound, .webhookEndpointNotFound:
      "not_found"
    case .methodNotAllowed: "method_not_allowed"
    case .requestTimeout: "request_timeout"
    case .conflict: "conflict"
    case .requestInProgress: "request_in_progress"
    case .leaseLost: "lease_lost"
    case .payloadTooLarge: "payload_too_large"
    case .insufficientCredit: "insufficient_credit"
    case .rateLimited: "rate_limited"
    case .internalError: "internal_error"
    case .renderInterrupted: "render_interrupted"
    case .serviceUnavailable: "service_unavailable"
    case .translationUnavailable: "translation_unavailable"
    }
  }

  /// v3's lower-case `error.code` (heygen-v3.md §1.4): the codes HeyGen's CLI knows.
  public var v3: String {
    switch self {
    case .missingParameter, .invalidParameter, .unsupportedLanguage: "invalid_parameter"
    case .unauthorized: "unauthorized"
    case .forbidden: "forbidden"
    case .notFound, .endpointNotFound, .webhookEndpointNotFound: "not_found"
    case .videoNotFound: "video_not_found"
    case .avatarNotFound: "avatar_not_found"
    case .voiceNotFound: "voice_not_found"
    case .assetNotFound: "asset_not_available"
    case .methodNotAllowed: "method_not_allowed"
    case .requestTimeout: "request_timeout"
    case .conflict, .leaseLost: "conflict"
    case .requestInProgress: "request_in_progress"
    case .payloadTooLarge: "payload_too_large"
    case .insufficientCredit: "insufficient_credit"
    case .rateLimited: "rate_limit_exceeded"
    case .downloadFailed: "download_failed"
    case .internalError: "internal_error"
    case .renderInterrupted: "render_interrupted"
    case .serviceUnavailable, .translationUnavailable: "service_unavailable"
    }
  }

  /// The entry a v3 `code` names (the general one where several share it), or nil for a code
  /// outside the catalogue.
  public init?(v3 code: String) {
    let general: [Self] = [.invalidParameter, .notFound, .conflict, .serviceUnavailable]
    guard let kind = (general + Self.allCases).first(where: { $0.v3 == code }) else {
      return nil
    }
    self = kind
  }

  /// The page v3 errors link to, as HeyGen's own `doc_url` does.
  public var v3DocURL: String {
    "https://developers.heygen.com/docs/error-codes#" + v3.replacingOccurrences(of: "_", with: "-")
  }
}
