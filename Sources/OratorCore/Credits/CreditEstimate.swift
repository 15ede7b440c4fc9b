import HeyGenAPI

/// Credits are seconds of video. Before rendering the store reserves an estimate, so that an
/// account cannot queue more than it can pay for; on completion it charges the real length.
public struct CreditEstimate: Sendable, Equatable {
  /// Speaking rate of the estimate; about 150 words a minute.
  public var charactersPerSecond: Double
  /// Held for an audio track whose length is not known until it is fetched.
  public var secondsPerAudioScene: Int

  public init(charactersPerSecond: Double = 14, secondsPerAudioScene: Int = 60) {
    self.charactersPerSecond = charactersPerSecond
    self.secondsPerAudioScene = secondsPerAudioScene
  }

  /// Seconds to reserve for a generate request (at least 1).
  public func seconds(for request: VideoGenerateRequest) -> Int {
    var seconds = 0.0
    for scene in request.videoInputs {
      switch scene.voice {
      case .text(let text):
        seconds += Double(text.inputText.count) / charactersPerSecond / (text.speed ?? 1)
      case .audio:
        seconds += Double(secondsPerAudioScene)
      case .silence(let silence):
        seconds += silence.duration ?? 1
      }
    }
    return max(1, Int(seconds.rounded(.up)))
  }

  /// Seconds charged for a finished video: its length, rounded up to a whole second.
  public static func charge(forDuration duration: Double) -> Int {
    max(0, Int(duration.rounded(.up)))
  }
}
