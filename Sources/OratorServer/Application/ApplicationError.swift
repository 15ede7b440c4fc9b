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
  }
}
