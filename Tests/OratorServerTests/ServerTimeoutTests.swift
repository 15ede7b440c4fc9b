import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Idle, header and body timeouts, tried with raw TCP connections that stall where a slow
/// client would, against a real server started with short limits.
@Suite(.serialized) struct ServerTimeoutTests {
  static let arguments = [
    "--header-timeout-seconds", "1", "--body-timeout-seconds", "1", "--idle-timeout-seconds", "4",
  ]

  @Test func halfAHeaderLineIsCutOffAfterTheHeaderTimeout() async throws {
    // An idle timeout far above the header one, so a busy machine's delay cannot blur which
    // of the two closed the connection.
    let arguments = ["--header-timeout-seconds", "1", "--idle-timeout-seconds", "30"]
    try await TestServer.with(workers: 0, arguments: arguments) { server in
      let connection = try RawConnection(port: server.port)
      defer { connection.close() }
      try connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
      let (answer, closed, elapsed) = try await connection.readUntilClosed(for: .seconds(40))
      #expect(closed, "still open after 40 s")
      #expect(answer.isEmpty, "answered a half head: \(answer)")
      // The head timeout, not the (much longer) idle one.
      #expect(elapsed >= .milliseconds(800) && elapsed < .seconds(15), "closed after \(elapsed)")
    }
  }

  @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
    try await TestServer.with(workers: 0, arguments: Self.arguments) { server in
      // One request answered, then nothing: kept for the idle time, then closed.
      let used = try RawConnection(port: server.port)
      defer { used.close() }
      try used.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      let answer = try await used.read(until: "\"ok\"}", for: .seconds(10))
      // Timed from the answer, which the server sent before it: a busy test process that
      // starts reading late cannot make the wait look shorter than it was.
      let answered = ContinuousClock.now
      #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
      // Never a byte: no head has begun, so only the idle timeout applies.
      let silent = try RawConnection(port: server.port)
      defer { silent.close() }

      for connection in [used, silent] {
        let (_, closed, _) = try await connection.readUntilClosed(for: .seconds(15))
        #expect(closed, "still open after 15 s")
      }
      let elapsed = ContinuousClock.now - answered
      #expect(elapsed >= .seconds(3) && elapsed < .seconds(15), "closed after \(elapsed)")
    }
  }

  @Test func aStalledBodyIsAnswered408AndTheConnectionClosed() async throws {
    // A body timeout of 3 s leaves the steady client below room for a busy machine (the suites
    // run side by side) between its two pieces.
    let arguments = ["--body-timeout-seconds", "3", "--idle-timeout-seconds", "10"]
    try await TestServer.with(workers: 0, arguments: arguments) { server in
      let connection = try RawConnection(port: server.port)
      defer { connection.close() }
      try connection.send(
        "POST /v2/video/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: \(TestServer.apiKey)\r\n"
          + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"video_inputs\"")
      let (answer, closed, elapsed) = try await connection.readUntilClosed(for: .seconds(15))
      #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
      #expect(answer.contains("did not arrive"), "\(answer)")
      #expect(answer.lowercased().contains("connection: close"), "\(answer)")
      #expect(closed, "still open after 15 s")
      #expect(elapsed >= .seconds(2) && elapsed < .seconds(9), "answered after \(elapsed)")

      // The server is unharmed, and a body that keeps coming is read to the end.
      let steady = try RawConnection(port: server.port)
      defer { steady.close() }
      let body = #"{"video_inputs": []}"#
      try steady.send(
        "POST /v2/video/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: \(TestServer.apiKey)\r\n"
          + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
          + body.prefix(8))
      try await Task.sleep(for: .milliseconds(500))
      try steady.send(String(body.dropFirst(8)))
      let reply = try await steady.read(until: "\r\n\r\n", for: .seconds(10))
      #expect(reply.hasPrefix("HTTP/1.1 400"), "\(reply)")
    }
  }
}

/// A plain blocking TCP socket to a loopback port, read on a thread of its own: a blocking read
/// on one of the few threads of the shared task pool would stall the other tests running beside
/// it, and be stalled by them.
final class RawConnection: Sendable {
  let descriptor: Int32

  init(port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestServerError("socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    guard connected else {
      Glibc.close(descriptor)
      throw TestServerError("connect() to port \(port) failed")
    }
    // Reads wake every 100 ms so a caller's deadline is kept.
    var wait = timeval(tv_sec: 0, tv_usec: 100_000)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
  }

  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    guard sent == bytes.count else { throw TestServerError("send() failed") }
  }

  /// Reads until the peer closes (or resets) the connection or `limit` passes: what arrived,
  /// whether it was closed, and how long the read waited (timed where it happens, so a busy
  /// test process's scheduling does not count).
  func readUntilClosed(for limit: Duration) async throws -> (
    text: String, closed: Bool, elapsed: Duration
  ) {
    let descriptor = self.descriptor
    return await Self.onOwnThread {
      let started = ContinuousClock.now
      let deadline = started + limit
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while ContinuousClock.now < deadline {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
          received += buffer[0..<count]
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
          return (String(decoding: received, as: UTF8.self), true, ContinuousClock.now - started)
        }
      }
      return (String(decoding: received, as: UTF8.self), false, ContinuousClock.now - started)
    }
  }

  /// Reads until the text received contains `marker` (or `limit` passes).
  func read(until marker: String, for limit: Duration) async throws -> String {
    let descriptor = self.descriptor
    return await Self.onOwnThread {
      let deadline = ContinuousClock.now + limit
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while ContinuousClock.now < deadline {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
          received += buffer[0..<count]
          if String(decoding: received, as: UTF8.self).contains(marker) { break }
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
          break
        }
      }
      return String(decoding: received, as: UTF8.self)
    }
  }

  private static func onOwnThread<Result: Sendable>(
    _ work: @escaping @Sendable () -> Result
  ) async -> Result {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: work()) }.start()
    }
  }

  func close() {
    Glibc.close(descriptor)
  }
}
