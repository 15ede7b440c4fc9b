import AsyncHTTPClient
import Foundation
import Subprocess

/// A helper program (Orator's Python sidecars: Piper, Whisper) in a long-lived child process
/// that answers HTTP on a free loopback port. Started on first use, it prints
/// `listening <port>` once ready (or `failed <reason>`), and exits when its standard input
/// closes, which happens when ``stop()`` is called or Orator dies in any way (even `kill -9`),
/// so it never outlives Orator. If it dies on its own, the next ``baseURL()`` starts a new one.
public actor LoopbackSidecar {
  /// What it is, for messages ("Piper", "speech recognizer").
  public nonisolated let name: String
  public nonisolated let executable: URL
  public nonisolated let arguments: [String]
  public nonisolated let environment: [String: String]
  /// How long starting (loading models, binding the port) may take.
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
    name: String, executable: URL, arguments: [String], environment: [String: String] = [:],
    startTimeout: Duration
  ) {
    self.name = name
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.startTimeout = startTimeout
  }

  /// Where the sidecar listens, starting it first if it is not running.
  public func baseURL() async throws(SidecarError) -> URL {
    if let running { return running.url }
    let startup = self.startup ?? Task { try await self.start() }
    self.startup = startup
    do {
      let started = try await startup.value
      self.startup = nil
      return started.url
    } catch {
      self.startup = nil
      throw error as? SidecarError ?? SidecarError("\(name): \(error)")
    }
  }

  /// Stops the sidecar and waits for it to exit; a later ``baseURL()`` starts it again.
  public func stop() async {
    if let startup { _ = try? await startup.value }
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

  private func start() async throws -> Running {
    generation += 1
    let generation = generation
    let (lines, lineSink) = AsyncStream.makeStream(of: String.self)
    let (stopSignal, stop) = AsyncStream.makeStream(of: Void.self)
    let executable = executable
    let arguments = arguments
    let environment = environment.merging(["PYTHONUNBUFFERED": "1"]) { own, _ in own }

    let process = Task.detached {
      do {
        _ = try await Subprocess.run(
          .path(.init(executable.path)), arguments: Arguments(arguments),
          environment: .inherit.updating(
            Dictionary(
              uniqueKeysWithValues: environment.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, Optional(value)) }
              })),
          // Warnings and tracebacks go to Orator's own log, so an operator can see why.
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
      port = try await firstLine(of: lines, process: process)
    } catch {
      stop.finish()
      process.cancel()
      throw error
    }
    let url = URL(string: "http://127.0.0.1:\(port)")!
    do {
      try await waitUntilHealthy(url)
    } catch {
      stop.finish()
      process.cancel()
      throw error
    }
    let started = Running(url: url, generation: generation, stop: stop, process: process)
    running = started
    return started
  }

  /// Reads `listening <port>` from the script, or why it could not start.
  private func firstLine(of lines: AsyncStream<String>, process: Task<Void, Never>)
    async throws -> Int
  {
    let timeout = startTimeout
    let timer = Task {
      try await Task.sleep(for: timeout)
      process.cancel()
    }
    defer { timer.cancel() }
    for await line in lines {
      let words = line.split(separator: " ", maxSplits: 1).map(String.init)
      if words.first == "listening", let port = words.last.flatMap(Int.init) { return port }
      if words.first == "failed" || words.first == "exited" {
        throw SidecarError("\(name) did not start: \(words.dropFirst().first ?? "it exited")")
      }
    }
    throw SidecarError("\(name) did not start within \(timeout)")
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
    throw SidecarError("\(name) does not answer /health")
  }

  private func processEnded(generation: Int) {
    if running?.generation == generation { running = nil }
  }
}

/// Why a sidecar could not be reached; the description is meant for error messages.
public struct SidecarError: Error, Sendable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
