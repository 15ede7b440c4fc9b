/// How a dubbed sentence is fitted to the time the original sentence had: its own span plus
/// the pause after it. Too long speech is first spoken faster by the synthesizer (which keeps
/// the voice natural), then tempo-changed, both bounded; what still does not fit moves later
/// speech into the following pauses, so nothing overlaps and no word is cut.
struct SlotFitting: Sendable {
  /// The fastest the synthesizer is asked to speak, relative to its natural rate.
  var maxSpeed = 1.4
  /// The most extra tempo change applied afterwards (ffmpeg `atempo`, pitch kept).
  var maxTempo = 1.15
  /// Silence kept between two dubbed sentences that run into each other.
  var gap = 0.12

  /// Where a sentence starts: at the original time, or after the previous dubbed sentence.
  func start(original: Double, previousEnd: Double?) -> Double {
    guard let previousEnd else { return max(0, original) }
    return max(original, previousEnd + gap)
  }

  /// The synthesizer speed that makes speech of `natural` seconds (at speed 1) fit
  /// `available` seconds, or 1 when it fits already. A little headroom covers espeak-ng's
  /// pauses, which do not shrink with the rate.
  func speed(natural: Double, available: Double) -> Double {
    guard available > 0 else { return maxSpeed }
    let needed = natural / available
    guard needed > 1 else { return 1 }
    return min(maxSpeed, needed * 1.05)
  }

  /// The tempo factor for speech of `spoken` seconds still longer than `available`.
  func tempo(spoken: Double, available: Double) -> Double {
    guard available > 0 else { return maxTempo }
    return min(maxTempo, max(1, spoken / available))
  }
}
