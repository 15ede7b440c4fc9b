import Foundation
import OratorCore

/// The JSON an event is sent as, `{"event_type": …, "event_data": {…}}` with HeyGen's
/// fields. Media links are signed at sending time, so even a late retry carries fresh ones.
struct WebhookEventBody {
  let environment: ServerEnvironment

  func render(_ event: WebhookEvent) throws -> [UInt8] {
    let payload = try JSONDecoder().decode(VideoEventPayload.self, from: Data(event.payload))
    func value(_ text: String?) -> Any { text ?? NSNull() }
    // Translation events carry HeyGen's own fields (§5.6), not the video ones.
    switch event.type {
    case .videoTranslateSuccess:
      return try encode(
        event,
        [
          "video_translate_id": payload.videoId, "callback_id": value(payload.callbackId),
          "url": value(payload.videoFile.map(environment.signedMediaURL)),
          "output_language": value(payload.outputLanguage),
        ])
    case .videoTranslateFail:
      return try encode(
        event,
        [
          "video_translate_id": payload.videoId, "callback_id": value(payload.callbackId),
          "message": value(payload.message), "output_language": value(payload.outputLanguage),
        ])
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
    }
    return try encode(event, data)
  }

  private func encode(_ event: WebhookEvent, _ data: [String: Any]) throws -> [UInt8] {
    let body: [String: Any] = ["event_type": event.type.rawValue, "event_data": data]
    return [UInt8](
      try JSONSerialization.data(
        withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
  }
}
