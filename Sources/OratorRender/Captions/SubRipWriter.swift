extension Captions {
  /// SubRip (.srt): numbered cues, `00:00:01,250 --> 00:00:02,500`, blank line between cues.
  public static func srt(_ cues: [CaptionCue]) -> String {
    cues.enumerated().map { number, cue in
      "\(number + 1)\n\(srtTimestamp(cue.start)) --> \(srtTimestamp(cue.end))\n"
        + lines(of: cue.text).joined(separator: "\n") + "\n"
    }.joined(separator: "\n")
  }

  static func srtTimestamp(_ seconds: Double) -> String {
    let time = clock(seconds, unitsPerSecond: 1000)
    return "\(zeroPadded(time.hours, 2)):\(zeroPadded(time.minutes, 2)):"
      + "\(zeroPadded(time.seconds, 2)),\(zeroPadded(time.fraction, 3))"
  }
}
