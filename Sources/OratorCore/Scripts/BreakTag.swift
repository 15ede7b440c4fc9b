import Foundation

/// SSML-like pauses in a script: `<break time="1.5s"/>`, `time="500ms"`, or a bare `<break/>`.
/// Read in one place so that what the API refuses at submit (a pause over the limit) and what
/// the renderer speaks are the same thing.
public enum BreakTag {
  /// A pause written without a time, like SSML's default "medium" break.
  public static let defaultSeconds = 0.5

  /// The pause length a `break` tag asks for (the text between `<` and `>`), or nil for any
  /// other tag. A time that cannot be read counts as the default pause; negative times as 0.
  public static func seconds(inTag tag: Substring) -> Double? {
    let body = tag.trimmingPrefix(while: \.isWhitespace)
    let name = body.prefix { $0.isLetter }
    guard name.lowercased() == "break" else { return nil }
    guard let value = attribute("time", in: body.dropFirst(name.count)),
      let seconds = parseDuration(value), seconds.isFinite
    else {
      return defaultSeconds
    }
    return max(seconds, 0)
  }

  /// Every pause of `script` in reading order, as its tags ask for them.
  public static func pauses(in script: String) -> [Double] {
    var pauses: [Double] = []
    var rest = script[...]
    while let open = rest.firstIndex(of: "<"),
      let close = rest[open...].firstIndex(of: ">")
    {
      if let seconds = seconds(inTag: rest[rest.index(after: open)..<close]) {
        pauses.append(seconds)
      }
      rest = rest[rest.index(after: close)...]
    }
    return pauses
  }

  /// `1.5s`, `500ms` or a bare number of seconds.
  public static func parseDuration(_ value: String) -> Double? {
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
}
