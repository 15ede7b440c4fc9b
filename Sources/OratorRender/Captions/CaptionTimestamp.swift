extension Captions {
  /// Splits seconds into clock fields at a given precision (1000 for milliseconds, 100 for
  /// centiseconds), rounding once so that the fields never disagree (no "00:00:59,1000").
  static func clock(_ seconds: Double, unitsPerSecond: Int) -> (
    hours: Int, minutes: Int, seconds: Int, fraction: Int
  ) {
    let units = max(0, Int((seconds * Double(unitsPerSecond)).rounded()))
    let wholeSeconds = units / unitsPerSecond
    return (wholeSeconds / 3600, wholeSeconds / 60 % 60, wholeSeconds % 60, units % unitsPerSecond)
  }

  static func zeroPadded(_ value: Int, _ digits: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// The caption's lines, without carriage returns or empty lines (an empty line would end
  /// the cue early in SRT and WebVTT).
  static func lines(of text: String) -> [String] {
    text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      .map(String.init)
      .filter { !$0.allSatisfy(\.isWhitespace) }
  }
}
