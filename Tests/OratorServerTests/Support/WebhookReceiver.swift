import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real HTTP receiver on a loopback port: answers OPTIONS (Orator's probe) with 200, records
/// every POST with its headers and raw body, and answers with scripted statuses (then 200).
final class WebhookReceiver: Sendable {
  struct Delivery: Sendable {
    var path: String
    var signature: String?
    var body: Data
    /// What the receiver answered.
    var answered: Int
    var json: JSONValue { (try? JSONValue(data: body)) ?? .missing }
  }

  let port: Int
  /// Shared with the route handlers, hence a class around the lock.
  final class Recorder: Sendable {
    let state: Mutex<(deliveries: [Delivery], script: [Int], fallback: Int)>
    /// How long the receiver waits before answering (a slow or hung receiver).
    let delay = Mutex<Duration>(.zero)
    init(script: [Int], fallback: Int) { state = Mutex(([], script, fallback)) }
  }

  private let recorder: Recorder
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Starts a receiver; the next POSTs are answered with `script`, later ones with `fallback`.
  init(script: [Int] = [], fallback: Int = 200) async throws {
    let recorder = Recorder(script: script, fallback: fallback)
    self.recorder = recorder
    let router = Router()
    router.on("{path}", method: .options) { _, _ in Response(status: .ok) }
    router.post("{path}") { request, context -> Response in
      let bytes = try await request.body.collect(upTo: 1 << 20)
      let path = context.parameters.get("path") ?? ""
      let status = recorder.state.withLock { value -> Int in
        let answer = value.script.isEmpty ? value.fallback : value.script.removeFirst()
        value.deliveries.append(
          Delivery(
            path: path,
            signature: request.headers.first { $0.name.canonicalName == "signature" }?.value,
            body: Data(bytes.readableBytesView), answered: answer))
        return answer
      }
      let delay = recorder.delay.withLock { $0 }
      if delay > .zero { try? await Task.sleep(for: delay) }
      // A redirect answer points at `/landed`, which records like any other path.
      let headers: HTTPFields =
        (300..<400).contains(status) ? [.location: "/landed"] : [:]
      return Response(status: .init(code: status), headers: headers)
    }
    // `GET /redirect?to=URL` answers 302 to URL: a hop for download tests.
    router.get("redirect") { request, _ -> Response in
      let target = request.uri.queryParameters.get("to") ?? "/"
      return Response(status: .found, headers: [.location: target])
    }
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
    let logger = Logger(label: "webhook-receiver")
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger))
    self.group = group
    task = Task { try await group.run() }
    var iterator = stream.makeAsyncIterator()
    port = await iterator.next() ?? 0
  }

  func stop() async {
    await group.triggerGracefulShutdown()
    _ = await task.result
  }

  /// From now on, answer every POST with `status`.
  /// Makes later answers wait `delay` (recorded at arrival, answered after the wait).
  func delayAnswers(by delay: Duration) {
    recorder.delay.withLock { $0 = delay }
  }

  func answer(_ status: Int) {
    recorder.state.withLock {
      $0.script = []
      $0.fallback = status
    }
  }

  func deliveries(path: String? = nil) -> [Delivery] {
    recorder.state.withLock { $0.deliveries }.filter { path == nil || $0.path == path }
  }

  /// Waits until `count` deliveries to `path` have arrived and returns them.
  func wait(
    for count: Int, path: String, timeout: Duration = .seconds(60),
    where matches: @Sendable (Delivery) -> Bool = { _ in true }
  ) async throws -> [Delivery] {
    let deadline = ContinuousClock.now + timeout
    while true {
      let found = deliveries(path: path).filter(matches)
      if found.count >= count { return found }
      guard ContinuousClock.now < deadline else {
        throw TestServerError("\(found.count) of \(count) deliveries to /\(path) arrived")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }
}
