/// Mouth cues for recorded speech without a transcript (`voice.type: audio`).
///
/// Each 10 ms step gets a shape guessed from loudness, zero crossings and spectral brightness;
/// the guesses are then smoothed and passed through the same timing optimisation, pause, tween
/// and minimum-duration rules as phone-driven lip sync, so the mouth moves with the same rhythm
/// and does not flicker.
public enum AudioMouthCues {
  /// Steps on each side whose guesses vote on a step's shape; removes one-step outliers.
  static let votingRadius = 2

  /// Cues covering exactly the length of the audio, in seconds.
  public static func mouthCues(samples: [Int16], sampleRate: Int) -> [MouthCue] {
    guard sampleRate > 0, !samples.isEmpty else { return [] }
    let duration = Double(samples.count) / Double(sampleRate)
    let features = Features.perCentisecond(samples: samples, sampleRate: sampleRate)
    let guess = ShapeGuess(features: features)
    let shapes = majorityVote(features.map(guess.shape(for:)), radius: votingRadius)

    let bounds = LipSync.TimeRange(0, max(1, LipSync.centiseconds(duration)))
    var animation = LipSync.Timeline(
      bounds: bounds, filledWith: MouthShape.X, joinsEqualNeighbours: true)
    for (step, shape) in shapes.enumerated() {
      animation.set(LipSync.TimeRange(step, step + 1), shape)
    }
    animation = LipSync.optimizeTiming(animation)
    animation = LipSync.animatePauses(animation)
    animation = LipSync.insertTweens(animation)
    animation = LipSync.enforceMinimumDuration(animation)
    return LipSync.mouthCues(from: animation, duration: duration)
  }

  /// Each step takes the most common shape within `radius` steps; ties keep the step's own
  /// shape, so clean boundaries stay where they are.
  static func majorityVote(_ shapes: [MouthShape], radius: Int) -> [MouthShape] {
    shapes.indices.map { index in
      let window = shapes[max(0, index - radius)...min(shapes.count - 1, index + radius)]
      var counts: [MouthShape: Int] = [:]
      for shape in window { counts[shape, default: 0] += 1 }
      let own = shapes[index]
      var best = own
      for shape in MouthShape.allCases where counts[shape, default: 0] > counts[best, default: 0] {
        best = shape
      }
      return best
    }
  }
}
