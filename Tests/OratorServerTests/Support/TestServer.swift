import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real `orator serve` child process on a free loopback port with its own temporary data
/// folder, and an HTTP client to talk to it. Use `TestServer.with { server in … }`, which stops
/// the server and removes its folder however the test ends.
final class TestServer {
  /// The key every test server is started with (`--api-key`).
  static let apiKey = "orator-test-key-5f0c2a7e91b34d68"

  let dataDirectory: URL
  private(set) var port: Int
  var baseURL: String { "http://127.0.0.1:\(port)" }

  private var arguments: [String]
  private let logURL: URL
  private var process: Process?
  private var client = HTTPClient(eventLoopGroupProvider: .singleton)

  /// Starts a server: `workers` in-process render workers, private URLs allowed unless told
  /// otherwise, plus any further `orator serve` flags.
  init(workers: Int = 1, allowPrivateURLs: Bool = true, arguments extra: [String] = []) async throws
  {
    dataDirectory = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-test-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    logURL = dataDirectory.appendingPathComponent("server.log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    let directory = dataDirectory.path
    func serveArguments(port: Int) -> [String] {
      [
        "serve", "--data-dir", directory, "--host", "127.0.0.1", "--port", String(port),
        "--api-key", Self.apiKey, "--workers", String(workers),
        // Receivers in this busy test process may take longer than a production one should.
        "--webhook-probe-timeout-seconds", "15",
      ] + (allowPrivateURLs ? ["--allow-private-urls"] : []) + extra
    }
    port = try Self.freePort()
    arguments = serveArguments(port: port)
    // A free port can be taken by another suite between finding it and binding it: then the
    // server exits at once, and it starts again on another.
    var attempt = 1
    while true {
      do {
        try await launch()
        return
      } catch let error as TestServerError
        where attempt < 3 && error.description.contains("Address already in use")
      {
        attempt += 1
        port = try Self.freePort()
        arguments = serveArguments(port: port)
      } catch {
        await stop()
        throw error
      }
    }
  }

  /// Runs `body` against a fresh server, then stops it and deletes its data folder.
  static func with<T>(
    workers: Int = 1, allowPrivateURLs: Bool = true, arguments: [String] = [],
    _ body: (TestServer) async throws -> T
  ) async throws -> T {
    let server = try await TestServer(
      workers: workers, allowPrivateURLs: allowPrivateURLs, arguments: arguments)
    do {
      let result = try await body(server)
      await server.stop()
      return result
    } catch {
      await server.stop()
      throw error
    }
  }

  // MARK: Process control

  /// Sends `signal` to the server process and waits for it to exit.
  func kill(signal: Int32 = SIGKILL) async {
    guard let process, process.isRunning else { return }
    Self.send(signal, to: process)
    await waitForExit(process, timeout: .seconds(10))
  }

  /// Stops the server if it runs and starts it again on the same port and data folder.
  func restart() async throws {
    await kill(signal: SIGTERM)
    try await client.shutdown()
    client = HTTPClient(eventLoopGroupProvider: .singleton)
    try await launch()
  }

  /// Stops the server (SIGTERM, then SIGKILL if it lingers) and removes the data folder.
  func stop() async {
    if let process, process.isRunning {
      Self.send(SIGTERM, to: process)
      await waitForExit(process, timeout: .seconds(5))
      if process.isRunning { await kill(signal: SIGKILL) }
    }
    try? await client.shutdown()
    try? FileManager.default.removeItem(at: dataDirectory)
  }

  /// The server's process id, while it runs.
  var processID: Int32? { process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }

  /// The server's stdout and stderr so far (for failure messages).
  var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

  /// A key for a new account, from `orator keys create --json`.
  func createKey(_ extra: [String] = []) async throws -> (key: String, accountID: String) {
    let result = try await Tool.run(
      Self.executable().path,
      ["keys", "create", "--data-dir", dataDirectory.path, "--json"] + extra)
    let line = result.output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
    let json = (try? JSONValue(data: Data(line.utf8))) ?? .missing
    guard result.status == 0, let key = json["key"].string, let account = json["account_id"].string
    else {
      throw TestServerError("orator keys create failed: \(result.output)")
    }
    return (key, account)
  }

  private func launch() async throws {
    let log = try FileHandle(forWritingTo: logURL)
    let startOffset = try log.seekToEnd()
    let process = Process()
    process.executableURL = try Self.executable()
    process.arguments = arguments
    // Started away from the checkout, as an installed server is: nothing may depend on the
    // working folder (the speech-recognition environment is found beside the binary).
    process.currentDirectoryURL = dataDirectory
    process.environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("ORATOR_")
    }
    process.standardOutput = log
    process.standardError = log
    try process.run()
    try log.close()
    self.process = process

    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      let text = (try? Data(contentsOf: logURL)).map {
        String(decoding: $0.dropFirst(Int(startOffset)), as: UTF8.self)
      }
      if text?.contains("Orator listening") == true { return }
      if !process.isRunning {
        throw TestServerError(
          "orator serve exited with status \(process.terminationStatus):\n\(self.log.suffix(3000))")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TestServerError("orator serve did not start within 60 s:\n\(self.log.suffix(3000))")
  }

  private static func send(_ signal: Int32, to process: Process) {
    #if canImport(Glibc)
      _ = Glibc.kill(process.processIdentifier, signal)
    #else
      _ = Darwin.kill(process.processIdentifier, signal)
    #endif
  }

  private func waitForExit(_ process: Process, timeout: Duration) async {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  /// The `orator` executable: beside the test bundle (SwiftPM builds both into one folder),
  /// else in `.build/debug` above this file.
  static func executable(filePath: String = #filePath) throws -> URL {
    let manager = FileManager.default
    if let explicit = ProcessInfo.processInfo.environment["ORATOR_EXECUTABLE"] {
      return URL(fileURLWithPath: explicit)
    }
    var candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("orator")
    ]
    var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while directory.path != "/" {
      candidates.append(directory.appendingPathComponent(".build/debug/orator"))
      directory.deleteLastPathComponent()
    }
    guard let found = candidates.first(where: { manager.isExecutableFile(atPath: $0.path) }) else {
      throw TestServerError("no orator executable; tried \(candidates.map(\.path))")
    }
    return found
  }

  /// A loopback port that was free a moment ago: bind to port 0, read the port, close.
  static func freePort() throws -> Int {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw TestServerError("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
      }
    }
    guard bound else { throw TestServerError("could not bind a loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  // MARK: HTTP

  /// A response as a client sees it.
  struct Response {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
    var json: JSONValue { (try? JSONValue(data: body)) ?? .missing }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first(name: name) }
  }

  /// Sends a request. `path` is relative to the server (`/v1/…`) or an absolute URL; `key` nil
  /// sends no API key header.
  func request(
    _ method: HTTPMethod, _ path: String, body: Data? = nil, key: String? = TestServer.apiKey,
    headers: [(String, String)] = []
  ) async throws -> Response {
    var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
    request.method = method
    if let key { request.headers.add(name: "x-api-key", value: key) }
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
    // Generous: with every suite running at once, the first request that starts a Python
    // sidecar (the face finder, Piper for a preview) waits for its imports on a crowded CPU.
    let response = try await client.execute(request, timeout: .seconds(150))
    let bytes = try await response.body.collect(upTo: 256 << 20)
    return Response(
      status: Int(response.status.code), headers: response.headers,
      body: Data(bytes.readableBytesView))
  }

  func get(_ path: String, key: String? = TestServer.apiKey, headers: [(String, String)] = [])
    async throws -> Response
  {
    try await request(.GET, path, key: key, headers: headers)
  }

  /// POSTs `json` (a dictionary or array, serialised) as the body.
  func post(
    _ path: String, json: Any, key: String? = TestServer.apiKey, headers: [(String, String)] = []
  )
    async throws -> Response
  {
    try await request(
      .POST, path, body: JSONSerialization.data(withJSONObject: json), key: key, headers: headers)
  }

  func delete(
    _ path: String, json: Any? = nil, key: String? = TestServer.apiKey,
    headers: [(String, String)] = []
  ) async throws -> Response {
    let body = try json.map { try JSONSerialization.data(withJSONObject: $0) }
    return try await request(.DELETE, path, body: body, key: key, headers: headers)
  }
}

struct TestServerError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Runs a command-line tool and collects its output (stdout and stderr together).
enum Tool {
  static func run(_ executable: String, _ arguments: [String]) async throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
    process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-tool-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try handle.close()
    while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
  }
}
