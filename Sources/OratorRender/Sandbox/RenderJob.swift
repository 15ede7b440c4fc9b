import Foundation
import HeyGenAPI
import OratorCore

/// One render, as the serving process hands it to a render process: the request, where the
/// files go, the media already fetched, and the limits the video must keep to.
public struct RenderJob: Codable, Sendable, Equatable {
  public var request: VideoGenerateRequest
  /// The MP4 to write; the other files go beside it.
  public var outputPath: String
  public var media: PreparedMedia
  public var budget: RenderBudget
  /// Where the render process writes how far it is (`RenderProgressFile`); nil: nowhere.
  public var progressPath: String?
  /// Avatars beside the built-in ones (an operator's `--avatars-dir`), which the render
  /// process cannot know of otherwise.
  public var extraAvatars: [AvatarDefinition]?
  /// The serving process's Piper sidecar, which the render process asks itself, so that the
  /// frames of one piece of speech are drawn while the next is spoken; nil: Piper's speech,
  /// if any, is in `media`.
  public var piper: PiperEndpoint?

  public init(
    request: VideoGenerateRequest, outputPath: String, media: PreparedMedia, budget: RenderBudget,
    progressPath: String? = nil, extraAvatars: [AvatarDefinition]? = nil,
    piper: PiperEndpoint? = nil
  ) {
    self.piper = piper
    self.request = request
    self.outputPath = outputPath
    self.media = media
    self.budget = budget
    self.progressPath = progressPath
    self.extraAvatars = extraAvatars
  }
}

/// A running Piper sidecar on loopback and the voices it speaks.
public struct PiperEndpoint: Codable, Sendable, Equatable {
  public var url: URL
  public var voices: [VoiceDescriptor]
  public var parallelRequests: Int

  public init(url: URL, voices: [VoiceDescriptor], parallelRequests: Int) {
    self.url = url
    self.voices = voices
    self.parallelRequests = parallelRequests
  }

  /// The engine that speaks through it.
  var synthesizer: PiperSynthesizer {
    PiperSynthesizer(
      voices: voices, sidecar: PiperSidecar(attachedTo: url), parallelRequests: parallelRequests)
  }
}

/// How long the finished video may be. Checked once the speech is made, before any frame is
/// drawn, so a script that runs over costs seconds, not the whole render.
public struct RenderBudget: Codable, Sendable, Equatable {
  /// The longest video the service makes.
  public var maxVideoSeconds: Double
  /// Seconds of credit the account can pay for this video (its reservation and its remaining
  /// balance); nil for test videos, which cost nothing.
  public var creditSeconds: Int?

  public init(maxVideoSeconds: Double, creditSeconds: Int? = nil) {
    self.maxVideoSeconds = maxVideoSeconds
    self.creditSeconds = creditSeconds
  }

  /// Throws when a video of `duration` seconds is over either limit.
  func check(duration: Double) throws(RenderError) {
    if duration > maxVideoSeconds {
      throw .invalidInput(
        InvalidField(
          path: "video_inputs",
          message:
            "the video would last \(Int(duration.rounded(.up))) s; a video may last at most \(Int(maxVideoSeconds)) s"
        ))
    }
    let needed = CreditEstimate.charge(forDuration: duration)
    if let creditSeconds, needed > creditSeconds {
      throw .insufficientCredit(needed: needed, available: creditSeconds)
    }
  }
}

/// What a render process reports back: the files it made, or why it made none.
public enum RenderJobOutcome: Codable, Sendable, Equatable {
  case rendered(RenderedVideo)
  case refused(RenderError)
}
