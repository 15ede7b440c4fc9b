/// The events Orator delivers, named as HeyGen names them (`GET /v1/webhook/webhook.list`).
public enum WebhookEventType: String, Sendable, Codable, CaseIterable {
  case avatarVideoSuccess = "avatar_video.success"
  case avatarVideoFail = "avatar_video.fail"
  case avatarVideoGIFSuccess = "avatar_video_gif.success"
  case avatarVideoGIFFail = "avatar_video_gif.fail"
  case videoTranslateSuccess = "video_translate.success"
  case videoTranslateFail = "video_translate.fail"
}

extension WebhookEventType {
  /// The events that report a video's own outcome; a per-request `callback_url` gets only
  /// these, not the GIF side events.
  public var isMainOutcome: Bool {
    switch self {
    case .avatarVideoSuccess, .avatarVideoFail, .videoTranslateSuccess, .videoTranslateFail: true
    case .avatarVideoGIFSuccess, .avatarVideoGIFFail: false
    }
  }
}

extension WebhookEventType {
  /// What the event reports, as `GET /v3/webhooks/event-types` describes it.
  public var summary: String {
    switch self {
    case .avatarVideoSuccess: "A video finished rendering; its links are in the event"
    case .avatarVideoFail: "A video failed to render; the reason is in the event"
    case .avatarVideoGIFSuccess: "A video's GIF preview is ready"
    case .avatarVideoGIFFail: "A video's GIF preview could not be made"
    case .videoTranslateSuccess: "A video translation finished"
    case .videoTranslateFail: "A video translation failed"
    }
  }
}
