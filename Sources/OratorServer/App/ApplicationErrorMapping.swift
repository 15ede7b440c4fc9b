import HeyGenAPI
import OratorCore

// The one mapping from the application's errors to the wire, kept with the wire types: the
// use-cases throw `ApplicationError` and never see an envelope or a status code.

extension ApplicationError.Resource {
  /// The catalogue's "not found" for each kind of thing.
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
