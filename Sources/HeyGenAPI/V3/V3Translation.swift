/// The body of `POST /v3/video-translations`. Unknown keys (n8n sends `check_credits_sync`,
/// `validate_only`, …) are ignored.
public struct V3VideoTranslationRequest: Decodable, Sendable, Equatable {
  public var video: V3AssetInput
  /// Language names, e.g. "Spanish" or "Spanish (Spain)": one translation each.
  public var outputLanguages: [String]
  public var title: String?
  public var inputLanguage: String?
  public var translateAudioOnly: Bool?
  public var enableCaption: Bool?
  public var callbackUrl: String?
  public var callbackId: String?

  enum CodingKeys: String, CodingKey {
    case video, title
    case outputLanguages = "output_languages"
    case inputLanguage = "input_language"
    case translateAudioOnly = "translate_audio_only"
    case enableCaption = "enable_caption"
    case callbackUrl = "callback_url"
    case callbackId = "callback_id"
  }
}

/// What `POST /v3/video-translations` answers: one id per output language.
public struct V3VideoTranslationCreated: Codable, Sendable, Equatable {
  public var videoTranslationIds: [String]

  public init(videoTranslationIds: [String]) { self.videoTranslationIds = videoTranslationIds }

  enum CodingKeys: String, CodingKey { case videoTranslationIds = "video_translation_ids" }
}

/// A translation as `GET /v3/video-translations/{id}` shows it.
public struct V3VideoTranslation: Codable, Sendable, Equatable {
  public var id: String
  /// `pending`, `running`, `completed` or `failed`.
  public var status: String
  public var title: String?
  public var inputLanguage: String?
  public var outputLanguage: String?
  public var duration: Double?
  public var createdAt: Int?
  public var callbackId: String?
  public var translateAudioOnly: Bool?
  public var videoUrl: String?
  /// The translated sound alone (`.m4a`).
  public var audioUrl: String?
  public var srtCaptionUrl: String?
  public var vttCaptionUrl: String?
  public var failureMessage: String?

  public init(
    id: String, status: String, title: String?, inputLanguage: String?, outputLanguage: String?,
    duration: Double?, createdAt: Int?, callbackId: String?, translateAudioOnly: Bool?,
    videoUrl: String?, audioUrl: String? = nil, srtCaptionUrl: String?, vttCaptionUrl: String?,
    failureMessage: String?
  ) {
    self.id = id
    self.status = status
    self.title = title
    self.inputLanguage = inputLanguage
    self.outputLanguage = outputLanguage
    self.duration = duration
    self.createdAt = createdAt
    self.callbackId = callbackId
    self.translateAudioOnly = translateAudioOnly
    self.videoUrl = videoUrl
    self.audioUrl = audioUrl
    self.srtCaptionUrl = srtCaptionUrl
    self.vttCaptionUrl = vttCaptionUrl
    self.failureMessage = failureMessage
  }

  enum CodingKeys: String, CodingKey {
    case id, status, title, duration
    case inputLanguage = "input_language"
    case outputLanguage = "output_language"
    case createdAt = "created_at"
    case callbackId = "callback_id"
    case translateAudioOnly = "translate_audio_only"
    case videoUrl = "video_url"
    case audioUrl = "audio_url"
    case srtCaptionUrl = "srt_caption_url"
    case vttCaptionUrl = "vtt_caption_url"
    case failureMessage = "failure_message"
  }
}

/// `GET /v3/video-translations/languages`: an object, not a bare array.
public struct V3TranslationLanguages: Codable, Sendable, Equatable {
  public var languages: [String]

  public init(languages: [String]) { self.languages = languages }
}

/// `PATCH /v3/video-translations/{id}`.
public struct V3TitleUpdate: Decodable, Sendable, Equatable {
  public var title: String
}
