extension SpeechTrack {
  /// `duration` seconds of digital silence, with no words or phones.
  public static func silence(duration: Double, sampleRate: Int = 22050) -> SpeechTrack {
    let count = duration.isFinite ? max(0, Int((duration * Double(sampleRate)).rounded())) : 0
    return SpeechTrack(
      samples: [Int16](repeating: 0, count: count), sampleRate: sampleRate, words: [], phones: [])
  }

  /// This track cut or padded with silence to last exactly `seconds`.
  public func fitted(to seconds: Double) -> SpeechTrack {
    let count = seconds.isFinite ? max(0, Int((seconds * Double(sampleRate)).rounded())) : 0
    var fitted = self
    if fitted.samples.count > count {
      fitted.samples.removeLast(fitted.samples.count - count)
    } else {
      fitted.samples += [Int16](repeating: 0, count: count - fitted.samples.count)
    }
    return fitted
  }

  /// This track followed by `other`, whose words and phones move to start where this ends.
  /// Both tracks must have the same sample rate.
  public func appending(_ other: SpeechTrack) -> SpeechTrack {
    var result = self
    result.append(other)
    return result
  }

  /// Adds `other` at the end, its words and phones moved to start where this track ended; in
  /// place, so a scene's speech told in many pieces is not copied for each.
  public mutating func append(_ other: SpeechTrack) {
    precondition(
      other.sampleRate == sampleRate || other.samples.isEmpty,
      "appending a \(other.sampleRate) Hz track to a \(sampleRate) Hz track")
    let offset = duration
    samples.append(contentsOf: other.samples)
    words.append(
      contentsOf: other.words.map { word in
        var moved = word
        moved.start += offset
        moved.end += offset
        return moved
      })
    phones.append(
      contentsOf: other.phones.map {
        TimedPhone($0.phone, start: $0.start + offset, end: $0.end + offset)
      })
  }
}
