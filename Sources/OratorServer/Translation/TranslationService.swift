import AsyncHTTPClient
import Foundation
import OratorRender
import OratorTranslate
import Synchronization

/// The configured translation engines, shared by the routes (which languages can be asked
/// for) and the workers (which run translations). The list of target languages is worked
/// out once, on first use, from what the engines really offer.
public final class TranslationService: Sendable {
  public let engines: TranslationEngines
  /// The managed speech-recognition process, when no external server is configured.
  let sidecar: WhisperSidecar?
  private let languages = Mutex<[TranslationLanguage]?>(nil)

  init(engines: TranslationEngines, sidecar: WhisperSidecar?) {
    self.engines = engines
    self.sidecar = sidecar
  }

  /// Builds the engines `configuration` names. Nothing starts here: Apertium runs per call
  /// and the sidecar starts on the first transcription.
  static func make(_ configuration: TranslationConfiguration, voices: [VoiceDescriptor])
    -> TranslationService
  {
    let client = HTTPClient.shared
    let translator: any TextTranslator =
      switch configuration.translator {
      case .apertium:
        ApertiumTranslator()
      case .libreTranslate(let url, let key):
        LibreTranslateTranslator(baseURL: url, apiKey: key, httpClient: client)
      case .openAIChat(let url, let model, let key, let codes):
        OpenAIChatTranslator(
          baseURL: url, model: model, apiKey: key, httpClient: client,
          languages: codes)
      }
    var sidecar: WhisperSidecar?
    let recognizer: any SpeechRecognizer
    if let url = configuration.speechRecognitionURL {
      recognizer = OpenAITranscriber(
        baseURL: url, apiKey: configuration.speechRecognitionAPIKey,
        model: configuration.speechRecognitionModel, httpClient: client)
    } else {
      let venv = URL(fileURLWithPath: configuration.sidecarEnvironment)
      let managed = WhisperSidecar(
        python: venv.appendingPathComponent("bin/python"),
        modelDirectory: venv.appendingPathComponent("models/whisper-base"),
        threads: configuration.sidecarThreads)
      sidecar = managed
      recognizer = managed.recognizer
    }
    return TranslationService(
      engines: TranslationEngines(translator: translator, recognizer: recognizer, voices: voices),
      sidecar: sidecar)
  }

  /// The languages a translation can be asked for, by name; cached after the first success.
  public func targetLanguages() async throws(TranslationError) -> [TranslationLanguage] {
    if let cached = languages.withLock({ $0 }) { return cached }
    let found = try await engines.targetLanguages()
    languages.withLock { $0 = found }
    return found
  }

  /// Stops the sidecar, if one was started (graceful shutdown).
  func shutdown() async {
    await sidecar?.stop()
  }
}
