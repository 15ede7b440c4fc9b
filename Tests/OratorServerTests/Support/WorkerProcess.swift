import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real `orator worker` child process rendering for a `TestServer`, its output in a log
/// file in the server's data folder. `stop()` (SIGTERM, then SIGKILL) or `kill()` ends it.
final class WorkerProcess {
  private let process = Process()
  private let logURL: URL

  init(server: TestServer, token: String, arguments extra: [String] = []) throws {
    let id = UUID().uuidString.prefix(8)
    logURL = server.dataDirectory.appendingPathComponent("worker-\(id).log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    let log = try FileHandle(forWritingTo: logURL)
    process.executableURL = try TestServer.executable()
    process.arguments =
      [
        "worker", "--server", server.baseURL, "--token", token, "--scratch-dir",
        server.dataDirectory.appendingPathComponent("worker-scratch-\(id)").path,
      ] + extra
    process.environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("ORATOR_")
    }
    process.standardOutput = log
    process.standardError = log
    try process.run()
    try log.close()
  }

  /// The worker's output so far.
  var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

  var isRunning: Bool { process.isRunning }

  /// Waits until the log contains `text`; false after `timeout`.
  func waitForLog(_ text: String, timeout: Duration = .seconds(60)) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if log.contains(text) { return true }
      try await Task.sleep(for: .milliseconds(20))
    }
    return false
  }

  /// Sends `signal` and waits (up to 10 s) for the process to exit.
  func kill(signal: Int32 = SIGKILL) async {
    guard process.isRunning else { return }
    #if canImport(Glibc)
      _ = Glibc.kill(process.processIdentifier, signal)
    #else
      _ = Darwin.kill(process.processIdentifier, signal)
    #endif
    let deadline = ContinuousClock.now + .seconds(10)
    while process.isRunning && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  func stop() async {
    await kill(signal: SIGTERM)
    await kill(signal: SIGKILL)
  }

  /// Runs `body` with a worker, stopping it however `body` ends.
  static func with<T>(
    server: TestServer, token: String, arguments: [String] = [],
    _ body: (WorkerProcess) async throws -> T
  ) async throws -> T {
    let worker = try WorkerProcess(server: server, token: token, arguments: arguments)
    do {
      let result = try await body(worker)
      await worker.stop()
      return result
    } catch {
      await worker.stop()
      throw error
    }
  }
}
