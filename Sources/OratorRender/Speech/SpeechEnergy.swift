/// How loud speech is at each video frame, for animation that follows the voice (jaw opening,
/// head motion, brows) rather than the phones.
public enum SpeechEnergy {
  /// Below this RMS (about −60 dBFS) a frame counts as silent.
  static let silenceRMS = 32.0

  /// One value per frame in 0…1: the RMS of the frame's samples divided by the 95th percentile
  /// of the sounding frames (so a normal loud syllable reaches 1 whatever the recording level),
  /// then lightly smoothed. Silence, and frames past the end of the audio, are 0.
  public static func perFrame(samples: [Int16], sampleRate: Int, fps: Double, frameCount: Int)
    -> [Double]
  {
    guard frameCount > 0, sampleRate > 0, fps > 0 else { return [] }
    var rms = [Double](repeating: 0, count: frameCount)
    for frame in 0..<frameCount {
      let start = Int((Double(frame) / fps * Double(sampleRate)).rounded())
      let end = min(Int((Double(frame + 1) / fps * Double(sampleRate)).rounded()), samples.count)
      guard start < end else { continue }
      var sum = 0.0
      for index in start..<end {
        let value = Double(samples[index])
        sum += value * value
      }
      let level = (sum / Double(end - start)).squareRoot()
      rms[frame] = level < silenceRMS ? 0 : level
    }

    let sounding = rms.filter { $0 > 0 }.sorted()
    guard !sounding.isEmpty else { return rms }
    let reference = sounding[min(sounding.count - 1, Int(Double(sounding.count) * 0.95))]
    let normalised = rms.map { min($0 / reference, 1) }

    // A 1-2-1 blur takes the edge off frame-to-frame flicker without moving the peaks.
    return normalised.indices.map { frame in
      let previous = frame > 0 ? normalised[frame - 1] : normalised[frame]
      let next = frame + 1 < normalised.count ? normalised[frame + 1] : normalised[frame]
      return (previous + 2 * normalised[frame] + next) / 4
    }
  }
}

extension SpeechEnergy {
  /// `perFrame` for speech that comes in pieces: a frame's value is given once its samples and
  /// its next frame's are in, and never changes after. The level a loud syllable is measured
  /// against is that of the sounding frames heard so far, so told whole it is `perFrame`'s.
  struct Running: Sendable {
    let sampleRate: Int
    let fps: Double
    private var rms: [Double] = []
    private var normalised: [Double] = []
    private var sounding: [Double] = []
    /// Frames whose values were given.
    private(set) var given = 0

    init(sampleRate: Int, fps: Double) {
      self.sampleRate = sampleRate
      self.fps = fps
    }

    /// The values of the frames after those given before that `samples` (the scene's so far)
    /// now complete; with `frameCount`, all of them up to the scene's end.
    mutating func next(_ samples: [Int16], frameCount: Int?) -> [Double] {
      guard sampleRate > 0, fps > 0 else { return [] }
      let total = frameCount ?? Int.max
      while rms.count < total {
        let frame = rms.count
        let start = Int((Double(frame) / fps * Double(sampleRate)).rounded())
        let stop = Int((Double(frame + 1) / fps * Double(sampleRate)).rounded())
        if frameCount == nil && stop > samples.count { break }
        let end = min(stop, samples.count)
        var level = 0.0
        if start < end {
          var sum = 0.0
          for index in start..<end {
            let value = Double(samples[index])
            sum += value * value
          }
          level = (sum / Double(end - start)).squareRoot()
          if level < silenceRMS { level = 0 }
        }
        rms.append(level)
        if level > 0 { sounding.append(level) }
      }
      if normalised.count < rms.count {
        let sorted = sounding.sorted()
        let reference =
          sorted.isEmpty ? nil : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        for frame in normalised.count..<rms.count {
          normalised.append(reference.map { min(rms[frame] / $0, 1) } ?? 0)
        }
      }
      // A 1-2-1 blur takes the edge off frame-to-frame flicker without moving the peaks; a
      // frame waits for the next one, except the last.
      let ready = frameCount == nil ? normalised.count - 1 : normalised.count
      guard ready > given else { return [] }
      let values = (given..<ready).map { frame in
        let previous = frame > 0 ? normalised[frame - 1] : normalised[frame]
        let next = frame + 1 < normalised.count ? normalised[frame + 1] : normalised[frame]
        return (previous + 2 * normalised[frame] + next) / 4
      }
      given = ready
      return values
    }
  }
}
