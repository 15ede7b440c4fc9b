/// Why a translation, a transcription or a dub failed, in words an API client can be shown.
public enum TranslationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The configured engines cannot translate (or speak) this direction.
  case unsupportedPair(source: String, target: String)
  /// An engine is not installed, not configured or not reachable.
  case engineUnavailable(String)
  /// An engine ran but failed or answered something unusable.
  case engineFailed(String)
  /// The input has no audio, or ffmpeg cannot read it.
  case unreadableMedia(String)
  /// The video's audio contains no recognisable speech.
  case noSpeech
  /// No voice of the configured speech engine speaks the target language.
  case noVoice(language: String)
  /// Writing the results failed (disk full, permissions).
  case outputFailed(String)

  public var description: String {
    switch self {
    case .unsupportedPair(let source, let target):
      "translation from \(source) to \(target) is not supported by the configured engines"
    case .engineUnavailable(let message): "translation engine unavailable: \(message)"
    case .engineFailed(let message): "translation engine failed: \(message)"
    case .unreadableMedia(let message): "cannot read the video: \(message)"
    case .noSpeech: "the video contains no recognisable speech"
    case .noVoice(let language): "no voice speaks \(language)"
    case .outputFailed(let message): "cannot write the translated video: \(message)"
    }
  }
}
