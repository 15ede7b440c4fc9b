import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Carries a value out of the task that made it. A `TestServer` is used by one task at a time;
/// this only moves it from the child task that started it to the test that drives it.
struct Handed<Value>: @unchecked Sendable {
  let value: Value
}

/// Several `orator serve` nodes on one PostgreSQL database, started at the same moment, each
/// with its own data folder (its own `url-signing.key`, were there one) but one media folder,
/// as nodes behind a load balancer share a network mount.
final class Cluster {
  let nodes: [TestServer]
  let root: URL

  private init(nodes: [TestServer], root: URL) {
    self.nodes = nodes
    self.root = root
  }

  /// The media folder every node serves.
  var media: URL { root.appendingPathComponent("media") }

  /// Starts one node per entry of `workers` (its in-process worker count) with `arguments`,
  /// all at once, and runs `body`; every node is stopped and the folders removed however it
  /// ends. A node that fails to start fails the whole start, after the others are stopped.
  static func with<T>(
    workers: [Int], arguments: [String], _ body: (Cluster) async throws -> T
  ) async throws -> T {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-cluster-\(UUID().uuidString.prefix(8))")
    let media = root.appendingPathComponent("media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    var directories: [String] = []
    for index in workers.indices {
      let directory = root.appendingPathComponent("node-\(index)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        at: directory.appendingPathComponent("media"), withDestinationURL: media)
      directories.append(directory.path)
    }
    let started = await withTaskGroup(
      of: (Int, Result<Handed<TestServer>, any Error>).self
    ) { group in
      for (index, count) in workers.enumerated() {
        let nodeArguments = arguments + ["--data-dir", directories[index]]
        group.addTask {
          do {
            let server = try await TestServer(workers: count, arguments: nodeArguments)
            return (index, .success(Handed(value: server)))
          } catch {
            return (index, .failure(error))
          }
        }
      }
      var results: [(Int, Result<Handed<TestServer>, any Error>)] = []
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
    var nodes: [TestServer] = []
    var failure: (any Error)?
    for result in started {
      switch result {
      case .success(let handed): nodes.append(handed.value)
      case .failure(let error): failure = failure ?? error
      }
    }
    let cluster = Cluster(nodes: nodes, root: root)
    do {
      if let failure { throw failure }
      let result = try await body(cluster)
      await cluster.stop()
      return result
    } catch {
      await cluster.stop()
      throw error
    }
  }

  private func stop() async {
    for node in nodes { await node.stop() }
  }
}

/// A TCP proxy in front of a server, in a `python3` process of its own: killing it cuts every
/// connection through it at once and refuses new ones, as a database that went away would;
/// starting it again on the same port brings the database back.
final class TCPProxy {
  let port: Int
  private let target: (host: String, port: Int)
  private let script: URL
  private var process: Process?

  init(to target: (host: String, port: Int)) throws {
    self.target = target
    port = try TestServer.freePort()
    script = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-proxy-\(UUID().uuidString.prefix(8)).py")
    try Data(Self.source.utf8).write(to: script)
  }

  /// Starts the proxy and waits until it accepts connections.
  func start() async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, String(port), target.host, String(target.port)]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    // The script prints one line once it listens.
    let handle = output.fileHandleForReading
    let ready = await Task.detached { handle.availableData.isEmpty == false }.value
    guard ready else { throw TestServerError("the TCP proxy did not start") }
  }

  /// Kills the proxy: every connection through it breaks, and nothing listens on its port.
  func cut() async {
    guard let process, process.isRunning else { return }
    #if canImport(Glibc)
      _ = Glibc.kill(process.processIdentifier, SIGKILL)
    #else
      _ = Darwin.kill(process.processIdentifier, SIGKILL)
    #endif
    while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
  }

  /// Freezes the proxy (SIGSTOP): connections stay open but nothing passes, as with a paused
  /// database server or a network that drops packets.
  func pause() {
    signal(SIGSTOP)
  }

  /// Lets a paused proxy run again.
  func resume() {
    signal(SIGCONT)
  }

  private func signal(_ number: Int32) {
    guard let process, process.isRunning else { return }
    #if canImport(Glibc)
      _ = Glibc.kill(process.processIdentifier, number)
    #else
      _ = Darwin.kill(process.processIdentifier, number)
    #endif
  }

  func stop() async {
    resume()
    await cut()
    try? FileManager.default.removeItem(at: script)
  }

  private static let source = """
    import asyncio, sys

    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])

    async def pipe(reader, writer):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except Exception:
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, port)
        except Exception:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", listen_port, reuse_address=True)
        print("listening", flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(main())
    """
}
