/// The events Orator delivers, named as HeyGen names them (`GET /v1/webhook/webhook.list`).
public enum WebhookEventType: String, Sendable, Codable, CaseIterable {
  case avatarVideoSuccess = "avatar_video.success"
  case avatarVideoFail = "avatar_video.fail"
  case avatarVideoGIFSuccess = "avatar_video_gif.success"
  case avatarVideoGIFFail = "avatar_video_gif.fail"
  case videoTranslateSuccess = "video_translate.success"
  case videoTranslateFail = "video_translate.fail"
}
