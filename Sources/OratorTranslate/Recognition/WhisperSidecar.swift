import Foundation
import OratorRender

/// Orator's built-in speech recognizer: faster-whisper in a Python process that Orator starts
/// on first use and stops on shutdown, speaking OpenAI's transcription protocol on a free
/// loopback port (a ``LoopbackSidecar`` running this module's `Sidecar/whisper_server.py`).
public actor WhisperSidecar {
  public nonisolated let python: URL
  public nonisolated let modelDirectory: URL
  public nonisolated let threads: Int
  /// How long loading the model and binding the port may take.
  public nonisolated let startTimeout: Duration
  private nonisolated let process: LoopbackSidecar?

  /// - Parameters:
  ///   - python: The interpreter of the environment where faster-whisper is installed.
  ///   - modelDirectory: A CTranslate2 Whisper model (model.bin, config.json, tokenizer.json,
  ///     vocabulary.txt).
  ///   - threads: CPU threads for the model.
  public init(
    python: URL, modelDirectory: URL, threads: Int = 2, startTimeout: Duration = .seconds(120)
  ) {
    self.python = python
    self.modelDirectory = modelDirectory
    self.threads = max(1, threads)
    self.startTimeout = startTimeout
    process = Self.script.map {
      LoopbackSidecar(
        name: "speech recognizer", executable: python,
        arguments: [$0.path, "--model", modelDirectory.path, "--threads", String(max(1, threads))],
        environment: ["HF_HUB_OFFLINE": "1"], startTimeout: startTimeout)
    }
  }

  /// The sidecar of an environment made by `scripts/setup-asr.sh` (`bin/python` and
  /// `models/whisper-base`), or nil when that environment is not complete.
  public init?(environment: URL, threads: Int = 2) {
    let python = environment.appendingPathComponent("bin/python")
    let model = environment.appendingPathComponent("models/whisper-base")
    let files = FileManager.default
    guard files.isExecutableFile(atPath: python.path),
      files.fileExists(atPath: model.appendingPathComponent("model.bin").path)
    else { return nil }
    self.init(python: python, modelDirectory: model, threads: threads)
  }

  /// A recognizer that transcribes through this sidecar, starting it when needed.
  public nonisolated var recognizer: some SpeechRecognizer { SidecarRecognizer(sidecar: self) }

  /// Where the sidecar listens, starting it first if it is not running.
  public func baseURL() async throws(TranslationError) -> URL {
    guard let process else {
      throw .engineUnavailable("speech recognizer: the sidecar script is missing")
    }
    do {
      return try await process.baseURL()
    } catch {
      throw .engineUnavailable(error.description)
    }
  }

  /// Stops the sidecar and waits for it to exit; a later ``baseURL()`` starts it again.
  public func stop() async {
    await process?.stop()
  }

  /// The sidecar program, shipped as a resource of this module.
  static let script = Bundle.module.url(
    forResource: "whisper_server", withExtension: "py", subdirectory: "Sidecar")
}

/// Transcribes through a ``WhisperSidecar``. A sidecar that died between requests is started
/// again and the request retried once.
struct SidecarRecognizer: SpeechRecognizer {
  let sidecar: WhisperSidecar

  func transcribe(audioAt file: URL, language: String?) async throws(TranslationError)
    -> Transcript
  {
    do {
      return try await OpenAITranscriber(baseURL: try await sidecar.baseURL())
        .transcribe(audioAt: file, language: language)
    } catch .engineUnavailable {
      return try await OpenAITranscriber(baseURL: try await sidecar.baseURL())
        .transcribe(audioAt: file, language: language)
    }
  }
}
