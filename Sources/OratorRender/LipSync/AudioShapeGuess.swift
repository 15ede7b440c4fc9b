import Foundation

extension AudioMouthCues {
  /// Guesses a mouth shape from loudness and spectral hints when no transcript is available.
  ///
  /// Levels are in dB relative to the recording's typical speech level, so the guess does not
  /// depend on how loud the file was mastered.
  struct ShapeGuess {
    /// The typical speech level (RMS, full scale 1): a high percentile of the voiced frames.
    var referenceLevel: Double

    /// Below this absolute level (about −54 dBFS) a frame is silence whatever the reference.
    static let noiseFloor = 0.002
    /// Frames this far below the speech level are pauses or background noise.
    static let silenceLevel = -30.0
    /// Voiced frames this far below the speech level are murmurs: nasals, onsets, trailing off.
    static let murmurLevel = -18.0
    /// Loud open vowels (D) are within this much of the speech level.
    static let wideOpenLevel = -6.0
    /// Loud rounded vowels (E rather than F) are within this much of the speech level.
    static let roundedOpenLevel = -8.0
    /// Hiss starts here (Hz): voiced speech rarely crosses zero this often or carries its
    /// energy this high.
    static let hissFrequency = 2_500.0
    /// Sibilants (S, SH) are loud; weaker friction is more like F, V or TH.
    static let sibilantLevel = -12.0
    /// Rounded vowels (OO, OH) keep their energy below this RMS frequency.
    static let roundedBrightness = 450.0

    init(features: [Features]) {
      let voiced = features.map(\.rms).filter { $0 >= Self.noiseFloor }.sorted()
      referenceLevel =
        voiced.isEmpty ? 1 : voiced[min(voiced.count - 1, Int(Double(voiced.count) * 0.95))]
    }

    func shape(for frame: Features) -> MouthShape {
      guard frame.rms >= Self.noiseFloor else { return .X }
      let level = 20 * log10(frame.rms / referenceLevel)
      if level < Self.silenceLevel { return .X }

      let isFricative =
        frame.zeroCrossingFrequency > Self.hissFrequency || frame.brightness > Self.hissFrequency
      if isFricative {
        // Teeth together for sibilants, lower lip to the teeth for softer friction.
        return level >= Self.sibilantLevel ? .B : .G
      }
      if level < Self.murmurLevel { return .B }
      if frame.brightness < Self.roundedBrightness {
        return level >= Self.roundedOpenLevel ? .E : .F
      }
      return level >= Self.wideOpenLevel ? .D : .C
    }
  }
}
