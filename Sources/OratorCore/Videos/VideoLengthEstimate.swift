import HeyGenAPI

/// How long a scene will play, estimated from its request before any speech is made: the
/// words at an average speaking rate, every `<break>` pause and every silence as asked. Used
/// for the video-length limit at submit and for the credit reserved while a video renders.
public struct VideoLengthEstimate: Sendable, Equatable {
  /// Speaking rate; about 150 words a minute.
  public var charactersPerSecond: Double
  /// What an audio scene counts for, its length unknown until the file is fetched.
  public var secondsPerAudioScene: Double

  public init(charactersPerSecond: Double = 14, secondsPerAudioScene: Double = 0) {
    self.charactersPerSecond = charactersPerSecond
    self.secondsPerAudioScene = secondsPerAudioScene
  }

  public func seconds(for voice: Voice) -> Double {
    switch voice {
    case .text(let text):
      let spoken = Double(Self.spokenCharacters(text.inputText))
      let pauses = BreakTag.pauses(in: text.inputText).reduce(0, +)
      return spoken / charactersPerSecond / max(text.speed ?? 1, 0.1) + pauses
    case .audio:
      return secondsPerAudioScene
    case .silence(let silence):
      return silence.duration ?? 1
    }
  }

  public func seconds(for request: VideoGenerateRequest) -> Double {
    request.videoInputs.reduce(0) { $0 + seconds(for: $1.voice) }
  }

  /// Characters outside markup tags: what is read aloud.
  static func spokenCharacters(_ script: String) -> Int {
    var count = 0
    var inTag = false
    for character in script.unicodeScalars {
      switch character {
      case "<": inTag = true
      case ">" where inTag: inTag = false
      default: if !inTag { count += 1 }
      }
    }
    return count
  }
}
