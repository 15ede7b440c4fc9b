import Foundation

/// How to dub a video.
public struct DubOptions: Sendable {
  /// The spoken language, when the client knows it; nil lets speech recognition detect it.
  public var sourceLanguage: TranslationLanguage?
  /// Draws the translated captions into the picture.
  public var burnCaptions: Bool
  /// "female" or "male": the voice's gender when the target language has one.
  public var gender: String?

  public init(
    sourceLanguage: TranslationLanguage? = nil, burnCaptions: Bool = false, gender: String? = nil
  ) {
    self.sourceLanguage = sourceLanguage
    self.burnCaptions = burnCaptions
    self.gender = gender
  }
}

/// A dubbed video and its captions, all inside the directory given to the dubber.
public struct DubbedVideo: Sendable {
  /// H.264 + AAC MP4, the original picture with the translated speech.
  public var videoFile: URL
  /// Captions of the translated speech at its dubbed timing (SubRip).
  public var subtitleFile: URL
  /// The same captions as WebVTT.
  public var webVTTFile: URL
  /// Length of the dubbed video in seconds (longer than the input only when speech ran past
  /// the picture, which then holds its last frame).
  public var duration: Double
  public var sourceLanguage: TranslationLanguage
  /// What the original speech said, as recognised.
  public var transcript: Transcript
  /// The translated sentences at the times the dub speaks them, with word timings.
  public var translatedSegments: [TranscriptSegment]
  /// How long each stage took.
  public var stages: DubStageTimes
}
