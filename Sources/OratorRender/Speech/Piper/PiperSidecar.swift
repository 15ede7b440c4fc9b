import AsyncHTTPClient
import Foundation
import Subprocess

/// Piper in a long-lived Python process that Orator starts on first use and stops on
/// shutdown, answering on a free loopback port (the script ships as this module's
/// `Sidecar/piper_server.py`). Loading a voice costs a second or two, so the process and its
/// voices stay warm between videos.
///
/// The process exits when its standard input closes, which happens when ``stop()`` is called
/// or Orator dies in any way (even `kill -9`), so it never outlives the server. If it dies on
/// its own, the next ``baseURL()`` starts a new one.
public actor PiperSidecar {
  public nonisolated let python: URL
  /// Where models patched to report phoneme durations are kept.
  public nonisolated let cacheDirectory: URL
  /// Inference threads per request: one, so that a render keeps the other cores.
  public nonisolated let threads: Int
  /// Voices also offered through `/v1/audio/speech`, by name.
  public nonisolated let namedVoices: [String: String]
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

  public init(
    python: URL, cacheDirectory: URL, threads: Int = 1, namedVoices: [String: String] = [:],
    startTimeout: Duration = .seconds(60)
  ) {
    self.python = python
    self.cacheDirectory = cacheDirectory
    self.threads = max(1, threads)
    self.namedVoices = namedVoices
    self.startTimeout = startTimeout
  }

  /// The sidecar of an environment made by `scripts/setup-piper.sh` (`bin/python` with
  /// piper-tts), caching patched models in its `aligned` folder; nil when there is no such
  /// environment.
  public init?(environment: URL, threads: Int = 1) {
    let python = environment.appendingPathComponent("bin/python")
    guard FileManager.default.isExecutableFile(atPath: python.path),
      FileManager.default.fileExists(
        atPath: environment.appendingPathComponent(PiperInstallation.marker).path)
    else { return nil }
    self.init(
      python: python, cacheDirectory: environment.appendingPathComponent("aligned"),
      threads: threads)
  }

  /// Where the sidecar listens, starting it first if it is not running.
  public func baseURL() async throws(SpeechError) -> URL {
    if let running { return running.url }
    let startup = self.startup ?? Task { try await self.start() }
    self.startup = startup
    do {
      let started = try await startup.value
      self.startup = nil
      return started.url
    } catch {
      self.startup = nil
      throw error as? SpeechError ?? .engineFailure("Piper: \(error)")
    }
  }

  /// Stops the sidecar and waits for it to exit; a later ``baseURL()`` starts it again.
  public func stop() async {
    if let startup { _ = try? await startup.value }
    guard let running else { return }
    self.running = nil
    running.stop.yield()
    running.stop.finish()
    let process = running.process
    let watchdog = Task {
      try await Task.sleep(for: .seconds(10))
      process.cancel()
    }
    await process.value
    watchdog.cancel()
  }

  /// The sidecar program, shipped as a resource of this module.
  public static let script = Bundle.module.url(
    forResource: "piper_server", withExtension: "py", subdirectory: "Sidecar")

  private func start() async throws -> Running {
    guard let script = Self.script else {
      throw SpeechError.engineFailure("Piper: the sidecar script is missing")
    }
    generation += 1
    let generation = generation
    let (lines, lineSink) = AsyncStream.makeStream(of: String.self)
    let (stopSignal, stop) = AsyncStream.makeStream(of: Void.self)
    var arguments = [
      script.path, "--cache", cacheDirectory.path, "--threads", String(threads),
    ]
    for (name, model) in namedVoices.sorted(by: { $0.key < $1.key }) {
      arguments += ["--voice", "\(name)=\(model)"]
    }
    let python = python

    let process = Task.detached {
      do {
        _ = try await Subprocess.run(
          .path(.init(python.path)), arguments: Arguments(arguments),
          environment: .inherit.updating(["PYTHONUNBUFFERED": "1"]),
          // Tracebacks go to Orator's own log, so an operator can see why a voice failed.
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
      port = try await Self.port(from: lines, timeout: startTimeout, process: process)
    } catch {
      stop.finish()
      process.cancel()
      throw error
    }
    let url = URL(string: "http://127.0.0.1:\(port)")!
    let started = Running(url: url, generation: generation, stop: stop, process: process)
    running = started
    return started
  }

  /// Reads `listening <port>` from the script, or why it could not start.
  private static func port(
    from lines: AsyncStream<String>, timeout: Duration, process: Task<Void, Never>
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
        throw SpeechError.engineFailure(
          "Piper did not start: \(words.dropFirst().first ?? "it exited")")
      }
    }
    throw SpeechError.engineFailure("Piper did not start within \(timeout)")
  }

  private func processEnded(generation: Int) {
    if running?.generation == generation { running = nil }
  }
}
