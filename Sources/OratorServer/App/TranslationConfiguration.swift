import Foundation

/// Which engines video translation uses. The defaults run offline on this machine: Apertium
/// for text, a managed faster-whisper sidecar for speech recognition, espeak-ng for speech.
/// Deployments with better engines point Orator at them over HTTP instead.
public struct TranslationConfiguration: Sendable {
  /// The text translator.
  public enum Translator: Sendable, Equatable {
    /// Apertium's command-line pipelines; language pairs are the installed ones.
    case apertium
    /// A LibreTranslate server (`POST /translate`, `GET /languages`).
    case libreTranslate(url: URL, apiKey: String?)
    /// An OpenAI-compatible `/v1/chat/completions` server with `model`, asked to translate
    /// between the ISO 639-1 `languages` it is trusted with.
    case openAIChat(url: URL, model: String, apiKey: String?, languages: [String])
  }

  public var translator: Translator = .apertium

  /// The translator for logs: its kind and server, never its key.
  public var translatorSummary: String {
    switch translator {
    case .apertium: "apertium"
    case .libreTranslate(let url, _): "libretranslate at \(url.host ?? url.absoluteString)"
    case .openAIChat(let url, let model, _, _):
      "openai \(model) at \(url.host ?? url.absoluteString)"
    }
  }
  /// An OpenAI-compatible `/v1/audio/transcriptions` server; nil runs the managed sidecar.
  public var speechRecognitionURL: URL?
  public var speechRecognitionModel = "whisper-1"
  public var speechRecognitionAPIKey: String?
  /// The virtual environment `scripts/setup-asr.sh` makes: the sidecar's Python and model.
  public var sidecarEnvironment = ".venv-asr"
  /// CPU threads the sidecar's recogniser uses.
  public var sidecarThreads = 2

  public init() {}
}
