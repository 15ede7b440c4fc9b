/// What the outbox keeps about a finished or failed video. Files are kept as media paths and
/// turned into signed URLs when the event is sent, so a retry hours later still carries
/// links that work.
public struct VideoEventPayload: Sendable, Equatable, Codable {
  public var videoId: String
  public var callbackId: String?
  public var folderId: String?
  public var videoFile: String?
  public var gifFile: String?
  /// Why the video failed (`msg` in `avatar_video.fail`).
  public var message: String?
  /// The target language of a translation (`output_language` in `video_translate.*`).
  public var outputLanguage: String?

  public init(
    videoId: String, callbackId: String?, folderId: String?, videoFile: String? = nil,
    gifFile: String? = nil, message: String? = nil, outputLanguage: String? = nil
  ) {
    self.videoId = videoId
    self.callbackId = callbackId
    self.folderId = folderId
    self.videoFile = videoFile
    self.gifFile = gifFile
    self.message = message
    self.outputLanguage = outputLanguage
  }
}
