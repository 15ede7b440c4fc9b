import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A loopback HTTP server that answers the way a real server should not, for what Orator's own
/// server never does: a range that starts elsewhere than asked, a range ignored, a body that
/// stalls after the headers, a key refused with 403 (HeyGen's answer for a key without access,
/// where Orator says 401).
final class MisbehavingServer: Sendable {
  /// The file every media path serves.
  static let file = Data((0..<4000).map { UInt8($0 % 251) })

  /// Shared with the route handlers, hence a class around the lock.
  private final class Log: Sendable {
    let ranges = Mutex<[String?]>([])
  }

  private let log: Log
  private let server: LoopbackHTTPServer

  var baseURL: String { server.baseURL }
  /// The `Range` header of each media request, in order (nil: none sent).
  var rangesAsked: [String?] { log.ranges.withLock { $0 } }

  init() async throws {
    let log = Log()
    self.log = log
    let router = Router()
    let whole = ByteBuffer(bytes: Self.file)
    // Answers any range with the file from byte 0, labelled as such.
    router.get("wrong-range.mp4") { request, _ -> Response in
      let range = request.headers[.range]
      log.ranges.withLock { $0.append(range) }
      guard range != nil else { return Response(status: .ok, body: .init(byteBuffer: whole)) }
      return Response(
        status: .partialContent,
        headers: [.contentRange: "bytes 0-\(Self.file.count - 1)/\(Self.file.count)"],
        body: .init(byteBuffer: whole))
    }
    // Ignores `Range` and sends everything.
    router.get("no-ranges.mp4") { request, _ -> Response in
      log.ranges.withLock { $0.append(request.headers[.range]) }
      return Response(status: .ok, body: .init(byteBuffer: whole))
    }
    // Sends the headers and the start of an envelope, then nothing for ten seconds.
    router.get("v3/avatars/looks") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: "{\"data\":["))
          try await Task.sleep(for: .seconds(10))
          try await writer.finish(nil)
        })
    }
    router.get("v3/users/me") { _, _ -> Response in
      Response(
        status: .forbidden, headers: [.contentType: "application/json"],
        body: .init(
          byteBuffer: ByteBuffer(
            string: #"{"error":{"code":"forbidden","message":"this key may not read the account"}}"#
          )))
    }
    server = await LoopbackHTTPServer(router, label: "misbehaving-server")
  }

  func stop() async { await server.stop() }
}
