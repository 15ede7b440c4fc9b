import Foundation
import OratorCore

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

  /// The pause length of a `break` tag, or nil for any other tag; cut to `longestBreakSeconds`
  /// for scripts that did not pass the API's validation (`orator render`).
  static func breakSeconds(inTag tag: Substring) -> Double? {
    BreakTag.seconds(inTag: tag).map { min($0, longestBreakSeconds) }
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
