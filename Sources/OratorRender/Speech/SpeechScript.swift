import Foundation

/// The text of a voice request split into what to speak and where to pause.
/// `<break time="1.5s"/>` (or `time="500ms"`) becomes a pause; every other tag is dropped,
/// keeping the text between tags, and the five XML entities are decoded.
struct SpeechScript: Equatable {
  enum Part: Equatable {
    case text(String)
    case pause(seconds: Double)
  }

  /// Text and pauses in reading order; adjacent pauses are merged, blank text is left out.
  var parts: [Part]

  /// True when there is nothing to say (pauses alone do not count).
  var isSilent: Bool {
    !parts.contains { if case .text = $0 { true } else { false } }
  }

  /// A pause written without a time, like SSML's default "medium" break.
  static let defaultBreakSeconds = 0.5
  /// Longer pauses are cut to this, so a typo cannot ask for hours of silence.
  static let longestBreakSeconds = 60.0

  init(parsing markup: String) {
    var parts: [Part] = []
    var pendingText = ""

    func flushText() {
      let decoded = Self.decodeEntities(pendingText)
      pendingText = ""
      guard decoded.contains(where: { !$0.isWhitespace }) else { return }
      parts.append(.text(decoded))
    }
    func addPause(_ seconds: Double) {
      flushText()
      if case .pause(let previous) = parts.last {
        parts[parts.count - 1] = .pause(seconds: previous + seconds)
      } else {
        parts.append(.pause(seconds: seconds))
      }
    }

    var rest = markup[...]
    while let open = rest.firstIndex(of: "<") {
      pendingText += rest[..<open]
      guard let close = rest[open...].firstIndex(of: ">") else {
        // A lone "<" is ordinary text.
        pendingText += rest[open...]
        rest = rest[rest.endIndex...]
        break
      }
      let tag = rest[rest.index(after: open)..<close]
      if let seconds = Self.breakSeconds(inTag: tag) { addPause(seconds) }
      rest = rest[rest.index(after: close)...]
    }
    pendingText += rest
    flushText()
    self.parts = parts
  }

  /// The pause length of a `break` tag, or nil for any other tag.
  static func breakSeconds(inTag tag: Substring) -> Double? {
    let body = tag.trimmingPrefix(while: \.isWhitespace)
    let name = body.prefix { $0.isLetter }
    guard name.lowercased() == "break" else { return nil }
    guard let value = attribute("time", in: body.dropFirst(name.count)) else {
      return defaultBreakSeconds
    }
    guard let seconds = parseDuration(value) else { return defaultBreakSeconds }
    return min(max(seconds, 0), longestBreakSeconds)
  }

  /// `1.5s`, `500ms` or a bare number of seconds.
  static func parseDuration(_ value: String) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces).lowercased()
    if text.hasSuffix("ms") { return Double(text.dropLast(2)).map { $0 / 1000 } }
    if text.hasSuffix("s") { return Double(text.dropLast()) }
    return Double(text)
  }

  /// The value of `name="…"` or `name='…'` among a tag's attributes.
  private static func attribute(_ name: String, in attributes: Substring) -> String? {
    var rest = attributes
    while let range = rest.range(of: name, options: .caseInsensitive) {
      var cursor = rest[range.upperBound...].trimmingPrefix(while: \.isWhitespace)
      guard cursor.first == "=" else {
        rest = rest[range.upperBound...]
        continue
      }
      cursor = cursor.dropFirst().trimmingPrefix(while: \.isWhitespace)
      guard let quote = cursor.first, quote == "\"" || quote == "'" else {
        return String(cursor.prefix { !$0.isWhitespace && $0 != "/" })
      }
      return String(cursor.dropFirst().prefix { $0 != quote })
    }
    return nil
  }

  private static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    return
      text
      .replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
