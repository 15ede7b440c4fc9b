import Hummingbird
import Logging
import ServiceLifecycle

/// A Hummingbird router served on a free loopback port for the length of a test: the real
/// HTTP that receivers, redirect hops and misbehaving servers in these suites speak.
final class LoopbackHTTPServer: Sendable {
  let port: Int
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Starts serving `router`; returns once the port is bound.
  init(_ router: Router<BasicRequestContext>, label: String) async {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: [], cancellationSignals: [],
        logger: Logger(label: label)))
    self.group = group
    task = Task { try await group.run() }
    var iterator = stream.makeAsyncIterator()
    port = await iterator.next() ?? 0
  }

  func stop() async {
    await group.triggerGracefulShutdown()
    _ = await task.result
  }
}
