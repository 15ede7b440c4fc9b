/// Every event name HeyGen's clients may subscribe to. An endpoint may ask for any of them
/// (its list is stored and shown back as given), so a client written for HeyGen registers
/// unchanged; Orator fires only the ``delivered`` ones, having no photo avatar training, live
/// avatars, clipping and so on to report about. A name outside this list is refused, so a
/// typo is caught at registration rather than never firing.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable {
  case avatarVideoSuccess = "avatar_video.success"
  case avatarVideoFail = "avatar_video.fail"
  case avatarVideoGIFSuccess = "avatar_video_gif.success"
  case avatarVideoGIFFail = "avatar_video_gif.fail"
  case avatarVideoCaptionSuccess = "avatar_video_caption.success"
  case avatarVideoCaptionFail = "avatar_video_caption.fail"
  case videoTranslateSuccess = "video_translate.success"
  case videoTranslateFail = "video_translate.fail"
  case videoTranslatePreflightValidationFailed = "video_translate.preflight.validation_failed"
  case videoTranslatePreflightDownloadFailed = "video_translate.preflight.download_failed"
  case personalizedVideo = "personalized_video"
  case instantAvatarSuccess = "instant_avatar.success"
  case instantAvatarFail = "instant_avatar.fail"
  case photoAvatarGenerationSuccess = "photo_avatar_generation.success"
  case photoAvatarGenerationFail = "photo_avatar_generation.fail"
  case photoAvatarTrainSuccess = "photo_avatar_train.success"
  case photoAvatarTrainFail = "photo_avatar_train.fail"
  case photoAvatarAddMotionSuccess = "photo_avatar_add_motion.success"
  case photoAvatarAddMotionFail = "photo_avatar_add_motion.fail"
  case proofreadCreationSuccess = "proofread_creation.success"
  case proofreadCreationFail = "proofread_creation.fail"
  case liveAvatarSuccess = "live_avatar.success"
  case liveAvatarFail = "live_avatar.fail"
  case videoAgentSuccess = "video_agent.success"
  case videoAgentFail = "video_agent.fail"
  case hyperframesVideoSuccess = "hyperframes_video.success"
  case hyperframesVideoFail = "hyperframes_video.fail"
  case aiClippingSuccess = "ai_clipping.success"
  case aiClippingFail = "ai_clipping.fail"
  case batchFinished = "batch.finished"

  /// The events Orator sends, in the order the event-type lists show them.
  public static let delivered: [WebhookEventType] = [
    .avatarVideoSuccess, .avatarVideoFail, .avatarVideoGIFSuccess, .avatarVideoGIFFail,
    .videoTranslateSuccess, .videoTranslateFail,
  ]

  /// Whether Orator ever sends this event.
  public var isDelivered: Bool { Self.delivered.contains(self) }
}

extension WebhookEventType {
  /// The events that report a video's own outcome; a per-request `callback_url` gets only
  /// these, not the GIF side events.
  public var isMainOutcome: Bool {
    switch self {
    case .avatarVideoSuccess, .avatarVideoFail, .videoTranslateSuccess, .videoTranslateFail: true
    default: false
    }
  }
}

extension WebhookEventType {
  /// What the event reports, as `GET /v3/webhooks/event-types` describes it (that list
  /// shows only the ``delivered`` events).
  public var summary: String {
    switch self {
    case .avatarVideoSuccess: "A video finished rendering; its links are in the event"
    case .avatarVideoFail: "A video failed to render; the reason is in the event"
    case .avatarVideoGIFSuccess: "A video's GIF preview is ready"
    case .avatarVideoGIFFail: "A video's GIF preview could not be made"
    case .videoTranslateSuccess: "A video translation finished"
    case .videoTranslateFail: "A video translation failed"
    default: "HeyGen's \(rawValue) event; Orator never sends it"
    }
  }
}
