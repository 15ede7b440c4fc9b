import Foundation
import OratorRender
import OratorTranslate

/// Builds the speech engines a server or worker speaks with, once per process (each Piper
/// engine is a sidecar process of its own).
public enum SpeechEngineSetup {
  /// The engines of `settings`, and the translation service that shares their voices. A
  /// speech server's captions are aligned by the translation's speech recognizer when it is
  /// available (a configured server, or the installed sidecar), else timed in proportion.
  static func engines(_ settings: SpeechSettings, translation: TranslationConfiguration)
    -> (SpeechEngines, TranslationService)
  {
    var engines: [any SpeechSynthesizer] = [EspeakSynthesizer.shared]
    if let piper = settings.piper() { engines.append(piper) }
    let server = settings.server()
    let voices = SpeechEngines(engines + (server.map { [$0] } ?? [])).voices
    let service = TranslationService.make(translation, voices: voices)
    if var server {
      if recognitionInstalled(translation) {
        server.aligner = RecognizerAligner(recognizer: service.engines.recognizer)
      }
      engines.append(server)
    }
    return (SpeechEngines(engines), service)
  }

  /// The engines of a process with no translation service (`orator worker`, `orator render`):
  /// a speech server's captions are aligned by `recognizer` when one is given.
  public static func engines(_ settings: SpeechSettings, recognizer: (any SpeechRecognizer)?)
    -> SpeechEngines
  {
    settings.engines(aligner: recognizer.map { RecognizerAligner(recognizer: $0) })
  }

  /// The engines of `orator render`: a speech server's captions are aligned by the
  /// speech-recognition sidecar of `recognitionEnvironment` (`scripts/setup-asr.sh`) when it
  /// is installed, else timed in proportion. The sidecar starts only when it is needed.
  public static func engines(_ settings: SpeechSettings, recognitionEnvironment: String)
    -> SpeechEngines
  {
    let whisper = WhisperSidecar(environment: URL(fileURLWithPath: recognitionEnvironment))
    return engines(settings, recognizer: whisper?.recognizer)
  }

  /// Whether transcription works here: a server is named, or the sidecar's model is installed.
  static func recognitionInstalled(_ translation: TranslationConfiguration) -> Bool {
    translation.speechRecognitionURL != nil
      || WhisperSidecar(environment: URL(fileURLWithPath: translation.sidecarEnvironment)) != nil
  }
}
