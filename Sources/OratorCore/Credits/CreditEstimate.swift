import HeyGenAPI

/// Credits are seconds of video. Before rendering the store reserves an estimate, so that an
/// account cannot queue more than it can pay for; on completion it charges the real length.
public struct CreditEstimate: Sendable, Equatable {
  /// The length estimate reserved for; an audio track whose length is not known until it is
  /// fetched holds a minute.
  public var length: VideoLengthEstimate

  public init(length: VideoLengthEstimate = VideoLengthEstimate(secondsPerAudioScene: 60)) {
    self.length = length
  }

  /// Seconds held for an audio track of unknown length.
  public var secondsPerAudioScene: Int { Int(length.secondsPerAudioScene.rounded(.up)) }

  /// Seconds to reserve for a generate request (at least 1): its estimated length, pauses
  /// included, so that a script of long breaks reserves what it will cost.
  public func seconds(for request: VideoGenerateRequest) -> Int {
    max(1, Int(length.seconds(for: request).rounded(.up)))
  }

  /// Seconds charged for a finished video: its length, rounded up to a whole second.
  public static func charge(forDuration duration: Double) -> Int {
    max(0, Int(duration.rounded(.up)))
  }
}
