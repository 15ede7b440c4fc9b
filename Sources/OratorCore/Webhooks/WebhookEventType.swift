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
