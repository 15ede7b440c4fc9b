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
    try await TestServer.with(workers: 0, arguments: Self.arguments) { server in
      let connection = try RawConnection(port: server.port)
      defer { connection.close() }
      try connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
      let started = ContinuousClock.now
      let (answer, closed) = try await connection.readUntilClosed(for: .seconds(15))
      let elapsed = ContinuousClock.now - started
      #expect(closed, "still open after 15 s")
      #expect(answer.isEmpty, "answered a half head: \(answer)")
      // The head timeout, not the (longer) idle one.
      #expect(elapsed >= .milliseconds(800) && elapsed < .seconds(3.5), "closed after \(elapsed)")
    }
  }

  @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
    try await TestServer.with(workers: 0, arguments: Self.arguments) { server in
      // One request answered, then nothing: kept for the idle time, then closed.
      let used = try RawConnection(port: server.port)
      defer { used.close() }
      try used.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      let answer = try await used.read(until: "\"ok\"}", for: .seconds(10))
      #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
      // Never a byte: no head has begun, so only the idle timeout applies.
      let silent = try RawConnection(port: server.port)
      defer { silent.close() }

      let started = ContinuousClock.now
      for connection in [used, silent] {
        let (_, closed) = try await connection.readUntilClosed(for: .seconds(15))
        #expect(closed, "still open after 15 s")
      }
      let elapsed = ContinuousClock.now - started
      #expect(elapsed >= .seconds(3) && elapsed < .seconds(10), "closed after \(elapsed)")
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
      let started = ContinuousClock.now
      let (answer, closed) = try await connection.readUntilClosed(for: .seconds(15))
      let elapsed = ContinuousClock.now - started
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

/// A plain blocking TCP socket to a loopback port, read on a detached task.
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
  /// and whether it was closed.
  func readUntilClosed(for limit: Duration) async throws -> (text: String, closed: Bool) {
    let descriptor = self.descriptor
    return await Task.detached {
      let deadline = ContinuousClock.now + limit
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while ContinuousClock.now < deadline {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
          received += buffer[0..<count]
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
          return (String(decoding: received, as: UTF8.self), true)
        }
      }
      return (String(decoding: received, as: UTF8.self), false)
    }.value
  }

  /// Reads until the text received contains `marker` (or `limit` passes).
  func read(until marker: String, for limit: Duration) async throws -> String {
    let descriptor = self.descriptor
    return await Task.detached {
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
    }.value
  }

  func close() {
    Glibc.close(descriptor)
  }
}
