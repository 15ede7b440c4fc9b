import Foundation

/// A speech-recognition engine that gives word timings.
public protocol SpeechRecognizer: Sendable {
  /// Transcribes an audio file (16 kHz mono WAV is always accepted).
  /// - Parameter language: ISO 639-1 hint; nil lets the engine detect the language.
  func transcribe(audioAt file: URL, language: String?) async throws(TranslationError)
    -> Transcript
}
