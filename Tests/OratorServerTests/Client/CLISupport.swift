import Foundation
import Testing

/// The built `orator` run as a user runs it: its own environment (no HEYGEN_* or ORATOR_*
/// variables unless given), a working folder, stdout and stderr kept apart.
struct CLI {
  struct Run: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
  }

  var directory: URL
  var environment: [String: String]

  /// A CLI pointed at `server` through the environment, as the README's walkthrough sets it up.
  init(server: TestServer, directory: URL, key: String = TestServer.apiKey) {
    self.directory = directory
    environment = ["HEYGEN_BASE_URL": server.baseURL, "HEYGEN_TOKEN": key]
  }

  init(directory: URL, environment: [String: String]) {
    self.directory = directory
    self.environment = environment
  }

  /// Runs `orator <arguments>`.
  func callAsFunction(_ arguments: String...) async throws -> Run {
    try await callAsFunction(arguments)
  }

  func callAsFunction(_ arguments: [String]) async throws -> Run {
    try await run([try TestServer.executable().path] + arguments)
  }

  /// Runs a shell command line with `orator` first on PATH.
  func shell(_ line: String) async throws -> Run {
    try await run(["/bin/bash", "-c", line])
  }

  private func run(_ command: [String]) async throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = directory
    var inherited = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("ORATOR_") && !$0.key.hasPrefix("HEYGEN_")
    }
    let bin = try TestServer.executable().deletingLastPathComponent().path
    inherited["PATH"] = bin + ":" + (inherited["PATH"] ?? "/usr/bin:/bin")
    process.environment = inherited.merging(environment) { $1 }
    let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try outHandle.close()
    try errHandle.close()
    while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    return Run(
      status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
      stderr: try String(contentsOf: err, encoding: .utf8))
  }
}
