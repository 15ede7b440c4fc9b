extension Captions {
  /// WebVTT (.vtt): a `WEBVTT` header, then `00:00:01.250 --> 00:00:02.500` cues.
  /// `&`, `<` and `>` are written as character references, since WebVTT cue text uses them for
  /// markup; escaping `>` also keeps a literal "-->" from reading as a timing arrow.
  public static func webVTT(_ cues: [CaptionCue]) -> String {
    "WEBVTT\n\n"
      + cues.map { cue in
        "\(vttTimestamp(cue.start)) --> \(vttTimestamp(cue.end))\n"
          + lines(of: cue.text).map(escapedForWebVTT).joined(separator: "\n") + "\n"
      }.joined(separator: "\n")
  }

  static func vttTimestamp(_ seconds: Double) -> String {
    let time = clock(seconds, unitsPerSecond: 1000)
    return "\(zeroPadded(time.hours, 2)):\(zeroPadded(time.minutes, 2)):"
      + "\(zeroPadded(time.seconds, 2)).\(zeroPadded(time.fraction, 3))"
  }

  static func escapedForWebVTT(_ line: String) -> String {
    var escaped = ""
    for character in line {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
