import Foundation

/// What a video's row tells the outbox once the video has finished or failed for good.
public struct VideoOutcomeFacts: Sendable {
  public var videoId: ResourceID
  public var accountId: ResourceID
  public var kind: VideoKind
  public var callbackId: String?
  public var callbackURL: String?
  /// The stored request: a generate body (for `folder_id`) or a `TranslationSpec`.
  public var request: Data
  public var videoFile: String?
  public var gifFile: String?

  public init(
    videoId: ResourceID, accountId: ResourceID, kind: VideoKind, callbackId: String?,
    callbackURL: String?, request: Data, videoFile: String?, gifFile: String?
  ) {
    self.videoId = videoId
    self.accountId = accountId
    self.kind = kind
    self.callbackId = callbackId
    self.callbackURL = callbackURL
    self.request = request
    self.videoFile = videoFile
    self.gifFile = gifFile
  }
}

/// One row the outbox should get: an event for a registered endpoint or for the video's own
/// callback URL (exactly one of the two is set).
public struct OutboxEntry: Sendable, Equatable {
  public var type: WebhookEventType
  /// A `VideoEventPayload` as JSON.
  public var payload: Data
  public var endpointId: ResourceID?
  public var callbackURL: String?
}

/// Which events a finished or failed video sends, with what payload, to whom. Every store
/// writes what this returns inside the transaction that changes the video, so the rules live
/// in one place: a rendered video sends `avatar_video.success` (and
/// `avatar_video_gif.success` when it has a GIF) or `avatar_video.fail` (and
/// `avatar_video_gif.fail`, since no GIF will come either); a translation sends
/// `video_translate.success|fail`; endpoints get the types they asked for, and the video's
/// `callback_url` only its main outcome.
public enum VideoOutcomeEvents {
  public static func completed(_ video: VideoOutcomeFacts, endpoints: [WebhookEndpoint])
    -> [OutboxEntry]
  {
    var payload = payload(of: video)
    payload.videoFile = video.videoFile
    payload.gifFile = video.gifFile
    let types: [WebhookEventType] =
      switch video.kind {
      case .translated: [.videoTranslateSuccess]
      case .generated:
        video.gifFile == nil
          ? [.avatarVideoSuccess] : [.avatarVideoSuccess, .avatarVideoGIFSuccess]
      }
    return entries(types, payload: payload, video: video, endpoints: endpoints)
  }

  public static func failed(
    _ video: VideoOutcomeFacts, message: String, endpoints: [WebhookEndpoint]
  ) -> [OutboxEntry] {
    var payload = payload(of: video)
    payload.message = message
    let types: [WebhookEventType] =
      switch video.kind {
      case .translated: [.videoTranslateFail]
      case .generated: [.avatarVideoFail, .avatarVideoGIFFail]
      }
    return entries(types, payload: payload, video: video, endpoints: endpoints)
  }

  private static func payload(of video: VideoOutcomeFacts) -> VideoEventPayload {
    let object = (try? JSONSerialization.jsonObject(with: video.request)) as? [String: Any]
    return VideoEventPayload(
      videoId: video.videoId.rawValue, callbackId: video.callbackId,
      folderId: object?["folder_id"] as? String,
      outputLanguage: video.kind == .translated
        ? TranslationSpec.decode(video.request)?.outputLanguage : nil)
  }

  private static func entries(
    _ types: [WebhookEventType], payload: VideoEventPayload, video: VideoOutcomeFacts,
    endpoints: [WebhookEndpoint]
  ) -> [OutboxEntry] {
    // Encoding a struct of strings cannot fail.
    let bytes = (try? JSONEncoder().encode(payload)) ?? Data()
    var result: [OutboxEntry] = []
    for type in types {
      for endpoint in endpoints where endpoint.wants(type) {
        result.append(OutboxEntry(type: type, payload: bytes, endpointId: endpoint.id))
      }
      if let url = video.callbackURL, !url.isEmpty, type.isMainOutcome {
        result.append(OutboxEntry(type: type, payload: bytes, callbackURL: url))
      }
    }
    return result
  }
}
