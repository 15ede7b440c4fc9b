// Wire types of video translation: `POST /v2/video_translate`,
// `GET /v2/video_translate/<id>` and `GET /v2/video_translate/target_languages`.
// Every response key is always encoded: strict clients break on a missing key.

/// Body of `POST /v2/video_translate`. Decoding is lenient: unknown keys are ignored and the
/// server's validator names the field that is wrong.
public struct VideoTranslateRequest: Codable, Sendable, Equatable {
  /// The video to translate: one of Orator's own media URLs, an uploaded asset URL, or any
  /// reachable URL. Required unless `videoId` is given.
  public var videoUrl: String?
  /// Orator extension: translate one of the account's own rendered videos by id.
  public var videoId: String?
  /// A name from `target_languages`, e.g. `"Spanish"`.
  public var outputLanguage: String?
  /// Several target languages in one call; each becomes its own translation.
  public var outputLanguages: [String]?
  public var title: String?
  /// Keep the original picture (no re-render, no lip-sync); only the speech is replaced.
  public var translateAudioOnly: Bool?
  public var speakerNum: Int?
  /// Source language name or code; detected from the speech when absent.
  public var inputLanguage: String?
  public var enableCaption: Bool?
  public var enableDynamicDuration: Bool?
  public var brandVoiceId: String?
  public var callbackId: String?
  public var callbackUrl: String?

  public init(
    videoUrl: String? = nil, videoId: String? = nil, outputLanguage: String? = nil,
    outputLanguages: [String]? = nil, title: String? = nil, translateAudioOnly: Bool? = nil,
    speakerNum: Int? = nil, inputLanguage: String? = nil, enableCaption: Bool? = nil,
    enableDynamicDuration: Bool? = nil, brandVoiceId: String? = nil, callbackId: String? = nil,
    callbackUrl: String? = nil
  ) {
    self.videoUrl = videoUrl
    self.videoId = videoId
    self.outputLanguage = outputLanguage
    self.outputLanguages = outputLanguages
    self.title = title
    self.translateAudioOnly = translateAudioOnly
    self.speakerNum = speakerNum
    self.inputLanguage = inputLanguage
    self.enableCaption = enableCaption
    self.enableDynamicDuration = enableDynamicDuration
    self.brandVoiceId = brandVoiceId
    self.callbackId = callbackId
    self.callbackUrl = callbackUrl
  }

  enum CodingKeys: String, CodingKey {
    case videoUrl = "video_url"
    case videoId = "video_id"
    case outputLanguage = "output_language"
    case outputLanguages = "output_languages"
    case title
    case translateAudioOnly = "translate_audio_only"
    case speakerNum = "speaker_num"
    case inputLanguage = "input_language"
    case enableCaption = "enable_caption"
    case enableDynamicDuration = "enable_dynamic_duration"
    case brandVoiceId = "brand_voice_id"
    case callbackId = "callback_id"
    case callbackUrl = "callback_url"
  }

  /// Only the keys that are set are sent, so a request body stays what the caller wrote.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(videoUrl, forKey: .videoUrl)
    try c.encodeIfPresent(videoId, forKey: .videoId)
    try c.encodeIfPresent(outputLanguage, forKey: .outputLanguage)
    try c.encodeIfPresent(outputLanguages, forKey: .outputLanguages)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(translateAudioOnly, forKey: .translateAudioOnly)
    try c.encodeIfPresent(speakerNum, forKey: .speakerNum)
    try c.encodeIfPresent(inputLanguage, forKey: .inputLanguage)
    try c.encodeIfPresent(enableCaption, forKey: .enableCaption)
    try c.encodeIfPresent(enableDynamicDuration, forKey: .enableDynamicDuration)
    try c.encodeIfPresent(brandVoiceId, forKey: .brandVoiceId)
    try c.encodeIfPresent(callbackId, forKey: .callbackId)
    try c.encodeIfPresent(callbackUrl, forKey: .callbackUrl)
  }
}

/// `data` of `POST /v2/video_translate`. With `output_languages` there is one id per language
/// in `videoTranslateIds` (in request order) and `videoTranslateId` is the first of them.
public struct VideoTranslateResult: Codable, Sendable, Equatable {
  public var videoTranslateId: String
  public var videoTranslateIds: [String]

  public init(videoTranslateId: String, videoTranslateIds: [String]? = nil) {
    self.videoTranslateId = videoTranslateId
    self.videoTranslateIds = videoTranslateIds ?? [videoTranslateId]
  }

  enum CodingKeys: String, CodingKey {
    case videoTranslateId = "video_translate_id"
    case videoTranslateIds = "video_translate_ids"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    videoTranslateId = try c.decode(String.self, forKey: .videoTranslateId)
    videoTranslateIds =
      try c.decodeIfPresent([String].self, forKey: .videoTranslateIds) ?? [videoTranslateId]
  }
}

/// Status vocabulary of translations (different from video statuses).
public enum VideoTranslateState: String, Codable, Sendable, Equatable, CaseIterable {
  case pending, running, success, failed
}

/// `data` of `GET /v2/video_translate/<id>`: `url` is null until `success`, `message` carries
/// the reason on `failed`.
public struct VideoTranslateStatusData: Codable, Sendable, Equatable {
  public var videoTranslateId: String
  public var title: String
  public var status: VideoTranslateState
  public var url: String?
  public var message: String?
  public var outputLanguage: String
  /// Detected or given source language name; null until known.
  public var inputLanguage: String?
  /// Seconds of the translated video; null until `success`.
  public var duration: Double?
  /// Captions (SRT) in the target language; null until `success`.
  public var captionUrl: String?
  public var callbackId: String?
  public var createdAt: Int

  public init(
    videoTranslateId: String, title: String, status: VideoTranslateState, url: String? = nil,
    message: String? = nil, outputLanguage: String, inputLanguage: String? = nil,
    duration: Double? = nil, captionUrl: String? = nil, callbackId: String? = nil, createdAt: Int
  ) {
    self.videoTranslateId = videoTranslateId
    self.title = title
    self.status = status
    self.url = url
    self.message = message
    self.outputLanguage = outputLanguage
    self.inputLanguage = inputLanguage
    self.duration = duration
    self.captionUrl = captionUrl
    self.callbackId = callbackId
    self.createdAt = createdAt
  }

  enum CodingKeys: String, CodingKey {
    case videoTranslateId = "video_translate_id"
    case title, status, url, message
    case outputLanguage = "output_language"
    case inputLanguage = "input_language"
    case duration
    case captionUrl = "caption_url"
    case callbackId = "callback_id"
    case createdAt = "created_at"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(videoTranslateId, forKey: .videoTranslateId)
    try c.encode(title, forKey: .title)
    try c.encode(status, forKey: .status)
    try c.encode(url, forKey: .url)
    try c.encode(message, forKey: .message)
    try c.encode(outputLanguage, forKey: .outputLanguage)
    try c.encode(inputLanguage, forKey: .inputLanguage)
    try c.encode(duration, forKey: .duration)
    try c.encode(captionUrl, forKey: .captionUrl)
    try c.encode(callbackId, forKey: .callbackId)
    try c.encode(createdAt, forKey: .createdAt)
  }
}

/// `data` of `GET /v2/video_translate/target_languages`.
public struct TargetLanguagesData: Codable, Sendable, Equatable {
  public var languages: [String]

  public init(languages: [String]) { self.languages = languages }
}
