import Foundation
import Hummingbird
import NIOCore
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

  /// Shared with the route handlers, hence a class around the lock.
  final class Recorder: Sendable {
    let state: Mutex<(deliveries: [Delivery], script: [Int], fallback: Int)>
    /// How long the receiver waits before answering (a slow or hung receiver).
    let delay = Mutex<Duration>(.zero)
    init(script: [Int], fallback: Int) { state = Mutex(([], script, fallback)) }
  }

  private let recorder: Recorder
  private let server: LoopbackHTTPServer

  var port: Int { server.port }
  var baseURL: String { server.baseURL }

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
    server = await LoopbackHTTPServer(router, label: "webhook-receiver")
  }

  func stop() async { await server.stop() }

  /// Makes later answers wait `delay` (recorded at arrival, answered after the wait).
  func delayAnswers(by delay: Duration) {
    recorder.delay.withLock { $0 = delay }
  }

  /// From now on, answer every POST with `status`.
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
