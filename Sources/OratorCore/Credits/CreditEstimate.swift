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

  /// Seconds to reserve for a generate request (at least 1): its estimated length, pauses
  /// included, so that a script of long breaks reserves what it will cost.
  public func seconds(for request: VideoGenerateRequest) -> Int {
    let estimate = VideoLengthEstimate(
      charactersPerSecond: charactersPerSecond,
      secondsPerAudioScene: Double(secondsPerAudioScene))
    return max(1, Int(estimate.seconds(for: request).rounded(.up)))
  }

  /// Seconds charged for a finished video: its length, rounded up to a whole second.
  public static func charge(forDuration duration: Double) -> Int {
    max(0, Int(duration.rounded(.up)))
  }
}
