import Foundation
import OratorCore

/// The JSON an event is sent as, `{"event_type": …, "event_data": {…}}` with HeyGen's
/// fields, plus `event_id` (the same on every retry, so a receiver can drop duplicates) and
/// `timestamp` (Unix seconds of this attempt, so it can drop stale replays); both are inside
/// the signed body. Media links are signed at sending time, so even a late retry carries
/// fresh ones.
struct WebhookEventBody {
  let environment: ServerEnvironment

  func render(_ event: WebhookEvent, sentAt: Int) throws -> [UInt8] {
    let body: [String: Any] = [
      "event_type": event.type.rawValue, "event_data": try data(event),
      "event_id": event.id.rawValue, "timestamp": sentAt,
    ]
    return [UInt8](
      try JSONSerialization.data(
        withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
  }

  /// The `event_data` object alone, as the delivery history shows it.
  func data(_ event: WebhookEvent) throws -> [String: Any] {
    let payload = try JSONDecoder().decode(VideoEventPayload.self, from: Data(event.payload))
    func value(_ text: String?) -> Any { text ?? NSNull() }
    // Translation events carry HeyGen's own fields (§5.6), not the video ones.
    switch event.type {
    case .videoTranslateSuccess:
      return [
        "video_translate_id": payload.videoId, "callback_id": value(payload.callbackId),
        "url": value(payload.videoFile.map(environment.signedMediaURL)),
        "output_language": value(payload.outputLanguage),
      ]
    case .videoTranslateFail:
      return [
        "video_translate_id": payload.videoId, "callback_id": value(payload.callbackId),
        "message": value(payload.message), "output_language": value(payload.outputLanguage),
      ]
    default:
      break
    }
    var data: [String: Any] = [
      "video_id": payload.videoId, "callback_id": value(payload.callbackId),
    ]
    switch event.type {
    case .avatarVideoFail, .avatarVideoGIFFail, .videoTranslateFail:
      data["msg"] = value(payload.message)
    case .avatarVideoSuccess, .avatarVideoGIFSuccess, .videoTranslateSuccess:
      data["url"] = value(payload.videoFile.map(environment.signedMediaURL))
      data["gif_download_url"] = value(payload.gifFile.map(environment.signedMediaURL))
      data["video_share_page_url"] = environment.baseURL + "/share/" + payload.videoId
      data["folder_id"] = value(payload.folderId)
    default:
      // Events Orator never sends (HeyGen's other names, which endpoints may ask for).
      break
    }
    return data
  }
}
