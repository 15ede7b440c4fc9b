import HeyGenAPI
import OratorCore

/// Why a use-case refused, in the domain's terms; each API dialect turns it into its own
/// envelope (`APIError(_:envelope:)`), so the use-cases know nothing of HTTP or HeyGen's
/// wire shapes.
enum ApplicationError: Error, Sendable {
  /// A request field that cannot be used.
  case invalid(InvalidField)
  /// The account has no such thing (or it belongs to another account).
  case notFound(Resource, id: String)
  /// The account's remaining credit cannot cover what the request needs (seconds of video).
  case insufficientCredit(needed: Int, remaining: Int)
  /// The account already has as many videos queued or rendering as it may.
  case tooManyActive(active: Int)
  /// The same idempotency key is still being answered.
  case requestInProgress
  /// Something the server needs is away for a while.
  case unavailable(String)
  /// The server failed; the message is safe to show.
  case failed(String)

  /// What a request named and was not found.
  enum Resource: String, Sendable {
    case video, avatar, avatarGroup = "avatar group", voice, asset, template
    case talkingPhoto = "talking photo"
    case translation = "video translation"
    case webhookEndpoint = "webhook endpoint"

    var code: HeyGenErrorCode {
      switch self {
      case .video: .videoNotFound
      case .avatar: .avatarNotFound
      case .voice: .voiceNotFound
      case .asset: .assetNotFound
      case .webhookEndpoint: .webhookEndpointNotFound
      case .avatarGroup, .template, .translation, .talkingPhoto: .notFound
      }
    }
  }
}

extension APIError {
  /// The one mapping from the application's errors to the wire, for every dialect: the
  /// catalogue gives each dialect its code; v3 adds the field as `param`.
  init(_ error: ApplicationError, envelope: Envelope) {
    switch error {
    case .invalid(let field):
      self = .invalid(field, envelope)
    case .notFound(let resource, let id):
      self.init(resource.code, "\(resource.rawValue) \"\(id)\" not found", envelope: envelope)
    case .insufficientCredit(let needed, let remaining):
      self.init(
        .insufficientCredit,
        "this video needs about \(needed) s of credit and \(max(remaining, 0)) s remain",
        envelope: envelope)
    case .tooManyActive(let active):
      self.init(
        .rateLimited,
        "\(active) videos are already queued or rendering for this account; retry later",
        envelope: envelope, retryAfter: 5)
    case .requestInProgress:
      self.init(
        .requestInProgress,
        "a request with this Idempotency-Key is still being processed; retry when it has finished",
        envelope: envelope, retryAfter: 1)
    case .unavailable(let reason):
      self.init(.serviceUnavailable, reason, envelope: envelope, retryAfter: 5)
    case .failed(let message):
      self.init(.internalError, message, envelope: envelope)
    }
  }
}
