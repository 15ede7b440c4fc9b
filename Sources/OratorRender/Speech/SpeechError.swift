/// Why speech could not be produced or read. The descriptions are meant for API error messages.
public enum SpeechError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
  /// No voice in the engine's catalogue has this id.
  case unknownVoice(String)
  /// Nothing speakable was left once markup such as `<break/>` was removed.
  case emptyText
  /// The file could not be decoded as audio; `reason` is the decoder's own one-line message.
  case unreadableAudio(path: String, reason: String)
  /// Audio could not be written to `path`.
  case unwritableAudio(path: String, reason: String)
  /// The speech engine or a helper program failed.
  case engineFailure(String)

  public var description: String {
    switch self {
    case .unknownVoice(let id):
      return "Unknown voice_id \"\(id)\"; list the available voices with GET /v2/voices."
    case .emptyText:
      return "The text to speak is empty (after removing markup such as <break/> tags)."
    case .unreadableAudio(let path, let reason):
      return "Could not read audio from \(path): \(reason)"
    case .unwritableAudio(let path, let reason):
      return "Could not write audio to \(path): \(reason)"
    case .engineFailure(let message):
      return "Speech engine failure: \(message)"
    }
  }
}
