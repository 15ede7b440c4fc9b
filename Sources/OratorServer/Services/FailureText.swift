import Foundation

/// Failure messages reach the video's owner (status, webhooks): they name the input, never
/// where the server keeps its files. An error from ffmpeg or the file system that embeds an
/// absolute path keeps only the file's own name.
enum FailureText {
  static func scrub(_ message: String) -> String {
    var result = ""
    var rest = message[...]
    while let slash = rest.firstIndex(of: "/") {
      let before = rest[..<slash]
      result += before
      // Only a path standing on its own: `a/b` inside a word (a MIME type, "and/or") and
      // URLs (`://`) stay as written.
      let startsToken = before.last.map { $0.isWhitespace || "\"'(=:[".contains($0) } ?? true
      let isURL = before.hasSuffix(":")
      let end =
        rest[slash...].firstIndex { $0.isWhitespace || "\"'),]".contains($0) }
        ?? rest.endIndex
      let token = rest[slash..<end]
      if startsToken && !isURL && token.dropFirst().contains("/") {
        result += "…/" + (token.split(separator: "/").last.map(String.init) ?? "")
      } else {
        result += token
      }
      rest = rest[end...]
    }
    return result + rest
  }
}
