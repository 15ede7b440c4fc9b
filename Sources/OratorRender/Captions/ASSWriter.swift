extension Captions {
  /// Advanced SubStation Alpha (.ass) for burning captions in with libass (ffmpeg's
  /// `subtitles`/`ass` filters).
  ///
  /// The script's coordinate space is the video size, so sizes are in output pixels: white
  /// DejaVu Sans at 5 % of the frame's shorter side (the height, for landscape video) with a
  /// dark outline and soft shadow, centred at the bottom, 5 % of the frame from the edges.
  public static func ass(_ cues: [CaptionCue], width: Int, height: Int) -> String {
    let fontSize = max(1, Int((Double(min(width, height)) * 0.05).rounded()))
    let outline = max(1, Int((Double(fontSize) / 18).rounded()))
    let shadow = max(1, Int((Double(fontSize) / 36).rounded()))
    let marginH = Int((Double(width) * 0.05).rounded())
    let marginV = Int((Double(height) * 0.05).rounded())
    // Colours are &HAABBGGRR with 00 = opaque: white text, black outline, half-clear shadow.
    let style =
      "Style: Default,DejaVu Sans,\(fontSize),&H00FFFFFF,&H000000FF,&H00000000,&H80000000,"
      + "0,0,0,0,100,100,0,0,1,\(outline),\(shadow),2,\(marginH),\(marginH),\(marginV),1"
    let header = [
      "[Script Info]",
      "ScriptType: v4.00+",
      "PlayResX: \(width)",
      "PlayResY: \(height)",
      "WrapStyle: 0",
      "ScaledBorderAndShadow: yes",
      "YCbCr Matrix: None",
      "",
      "[V4+ Styles]",
      "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        + "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        + "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
      style,
      "",
      "[Events]",
      "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    let events = cues.map { cue in
      "Dialogue: 0,\(assTimestamp(cue.start)),\(assTimestamp(cue.end)),Default,,0,0,0,,"
        + lines(of: cue.text).map(escapedForASS).joined(separator: "\\N")
    }
    return (header + events).joined(separator: "\n") + "\n"
  }

  /// `H:MM:SS.cc`, the centisecond clock of ASS.
  static func assTimestamp(_ seconds: Double) -> String {
    let time = clock(seconds, unitsPerSecond: 100)
    return "\(time.hours):\(zeroPadded(time.minutes, 2)):\(zeroPadded(time.seconds, 2))."
      + zeroPadded(time.fraction, 2)
  }

  /// Text that libass shows literally. Braces would open override tags, so they are escaped
  /// as `\{` and `\}`; a backslash is followed by an invisible word joiner so that text such
  /// as `\N` or `\h` is not read as a line break or hard space.
  static func escapedForASS(_ line: String) -> String {
    var escaped = ""
    for character in line {
      switch character {
      case "\\": escaped += "\\\u{2060}"
      case "{": escaped += "\\{"
      case "}": escaped += "\\}"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
