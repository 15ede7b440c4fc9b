import AsyncHTTPClient
import Foundation
import Subprocess

/// Orator's built-in speech recognizer: faster-whisper in a Python process that Orator starts
/// on first use and stops on shutdown, speaking OpenAI's transcription protocol on a free
/// loopback port (the script ships as this module's `Sidecar/whisper_server.py`).
///
/// The process exits when its standard input closes, which happens when ``stop()`` is called
/// or Orator dies in any way (even `kill -9`), so it never outlives the server. If it dies on
/// its own, the next ``baseURL()`` starts a new one.
public actor WhisperSidecar {
  public nonisolated let python: URL
  public nonisolated let modelDirectory: URL
  public nonisolated let threads: Int
  /// How long loading the model and binding the port may take.
  public nonisolated let startTimeout: Duration

  private var running: Running?
  private var startup: Task<Running, any Error>?
  private var generation = 0

  private struct Running {
    var url: URL
    var generation: Int
    var stop: AsyncStream<Void>.Continuation
    var process: Task<Void, Never>
  }

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
    if let running { return running.url }
    let startup = self.startup ?? Task { try await self.start() }
    self.startup = startup
    do {
      let started = try await startup.value
      self.startup = nil
      return started.url
    } catch {
      self.startup = nil
      throw error as? TranslationError ?? .engineUnavailable("speech recognizer: \(error)")
    }
  }

  /// Stops the sidecar and waits for it to exit; a later ``baseURL()`` starts it again.
  public func stop() async {
    if let startup {
      _ = try? await startup.value
    }
    guard let running else { return }
    self.running = nil
    running.stop.yield()
    running.stop.finish()
    // The script exits on end of input at once; a hung one is killed after a grace period.
    let process = running.process
    let watchdog = Task {
      try await Task.sleep(for: .seconds(10))
      process.cancel()
    }
    await process.value
    watchdog.cancel()
  }

  /// The sidecar program, shipped as a resource of this module.
  static let script = Bundle.module.url(
    forResource: "whisper_server", withExtension: "py", subdirectory: "Sidecar")

  private func start() async throws -> Running {
    guard let script = Self.script else {
      throw TranslationError.engineUnavailable("the sidecar script is missing")
    }
    generation += 1
    let generation = generation
    let (lines, lineSink) = AsyncStream.makeStream(of: String.self)
    let (stopSignal, stop) = AsyncStream.makeStream(of: Void.self)
    let arguments = [script.path, "--model", modelDirectory.path, "--threads", String(threads)]
    let python = python

    let process = Task.detached {
      do {
        _ = try await Subprocess.run(
          .path(.init(python.path)), arguments: Arguments(arguments),
          environment: .inherit.updating(["HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"]),
          // The sidecar's warnings and tracebacks go to Orator's own log (its request log is
          // silenced), so an operator can see why recognition failed.
          input: .inputWriter, output: .sequence, error: .currentStandardError
        ) { execution in
          let writer = execution.standardInputWriter
          // Closing standard input is the stop signal the script waits for.
          let closer = Task {
            for await _ in stopSignal { break }
            try? await writer.finish()
          }
          defer { closer.cancel() }
          for try await line in execution.standardOutput.strings() { lineSink.yield(line) }
        }
        lineSink.yield("exited")
      } catch {
        lineSink.yield("failed \(error)")
      }
      lineSink.finish()
      await self.processEnded(generation: generation)
    }

    let port: Int
    do {
      port = try await firstLine(of: lines, timeout: startTimeout, process: process)
    } catch {
      stop.finish()
      process.cancel()
      throw error
    }
    let url = URL(string: "http://127.0.0.1:\(port)")!
    try await waitUntilHealthy(url)
    let started = Running(url: url, generation: generation, stop: stop, process: process)
    running = started
    return started
  }

  /// Reads `listening <port>` from the script, or why it could not start.
  private func firstLine(
    of lines: AsyncStream<String>, timeout: Duration, process: Task<Void, Never>
  ) async throws -> Int {
    let timer = Task {
      try await Task.sleep(for: timeout)
      process.cancel()
    }
    defer { timer.cancel() }
    for await line in lines {
      let words = line.split(separator: " ", maxSplits: 1).map(String.init)
      if words.first == "listening", let port = words.last.flatMap(Int.init) { return port }
      if words.first == "failed" || words.first == "exited" {
        throw TranslationError.engineUnavailable(
          "speech recognizer did not start: \(words.dropFirst().first ?? "it exited")")
      }
    }
    throw TranslationError.engineUnavailable(
      "speech recognizer did not start within \(timeout)")
  }

  private func waitUntilHealthy(_ url: URL) async throws {
    var request = HTTPClientRequest(url: url.absoluteString + "/health")
    request.method = .GET
    for _ in 0..<50 {
      if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
        response.status == .ok
      {
        return
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw TranslationError.engineUnavailable("speech recognizer does not answer /health")
  }

  private func processEnded(generation: Int) {
    if running?.generation == generation { running = nil }
  }
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
