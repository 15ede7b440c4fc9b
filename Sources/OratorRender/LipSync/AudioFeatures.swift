import Foundation

extension AudioMouthCues {
  /// What a short stretch of recorded speech sounds like, measured cheaply in the time domain.
  struct Features: Equatable {
    /// Root-mean-square amplitude, 0 … 1 of full scale.
    var rms: Double
    /// Zero crossings expressed as a frequency in Hz (half the crossings per second). Hiss
    /// (S, SH, F) crosses zero far more often than voiced sound.
    var zeroCrossingFrequency: Double
    /// The power-weighted RMS frequency in Hz, from the energy of the first difference: for a
    /// sinusoid of frequency f the difference has 4·sin²(πf/fs) times its energy. Low for rounded
    /// vowels (energy below about 500 Hz), higher for open vowels, highest for hiss.
    var brightness: Double

    /// Features for each 10 ms step of the signal, measured over a 20 ms frame centred on the step
    /// so that a 100 Hz voice still shows two periods.
    static func perCentisecond(samples: [Int16], sampleRate: Int) -> [Features] {
      guard sampleRate > 0, !samples.isEmpty else { return [] }
      let rate = Double(sampleRate)
      let stepCount = Int((Double(samples.count) / rate * 100).rounded(.up))
      return (0..<stepCount).map { step in
        // Frame bounds come from time, not a fixed sample count, so rates like 22 050 Hz do not
        // drift against the centisecond grid.
        let centre = (Double(step) + 0.5) / 100 * rate
        let start = max(0, Int(centre - rate / 100))
        let end = min(samples.count, Int(centre + rate / 100))
        return measure(samples[start..<max(start, end)], sampleRate: rate)
      }
    }

    static func measure(_ frame: ArraySlice<Int16>, sampleRate: Double) -> Features {
      guard frame.count > 1 else {
        return Features(rms: 0, zeroCrossingFrequency: 0, brightness: 0)
      }
      let fullScale = 32_768.0
      var sum = 0.0
      for sample in frame { sum += Double(sample) }
      // Recordings often carry a DC offset, which would hide zero crossings.
      let mean = sum / Double(frame.count)

      var energy = 0.0
      var differenceEnergy = 0.0
      var crossings = 0
      var previous = Double(frame[frame.startIndex]) - mean
      energy += previous * previous
      for sample in frame.dropFirst() {
        let value = Double(sample) - mean
        energy += value * value
        let difference = value - previous
        differenceEnergy += difference * difference
        if (value >= 0) != (previous >= 0) { crossings += 1 }
        previous = value
      }

      let rms = (energy / Double(frame.count)).squareRoot() / fullScale
      let seconds = Double(frame.count - 1) / sampleRate
      let zeroCrossingFrequency = Double(crossings) / 2 / seconds
      var brightness = 0.0
      if energy > 0 {
        let ratio = (differenceEnergy / Double(frame.count - 1)) / (energy / Double(frame.count))
        brightness = sampleRate / Double.pi * asin(min(1, ratio.squareRoot() / 2))
      }
      return Features(
        rms: rms, zeroCrossingFrequency: zeroCrossingFrequency, brightness: brightness)
    }
  }
}
