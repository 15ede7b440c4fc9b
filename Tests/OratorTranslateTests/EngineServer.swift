import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real HTTP server on a loopback port that speaks the engine protocols the HTTP clients
/// use — LibreTranslate (`GET /languages`, `POST /translate`), OpenAI chat completions and
/// OpenAI transcriptions — with a tiny English→Spanish word list, and records each request.
final class EngineServer: Sendable {
  struct Received: Sendable {
    var method: String
    var path: String
    var authorization: String?
    var contentType: String?
    var body: Data
    var json: [String: Any]? {
      (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
  }

  static let dictionary = [
    "hello": "hola", "world": "mundo", "thank you": "gracias", "good morning": "buenos días",
  ]

  /// Word-list translation; unknown text comes back marked, so a test sees it passed through.
  static func spanish(_ text: String) -> String {
    dictionary[text.lowercased()] ?? "[es] \(text)"
  }

  /// Shared with the route handlers, hence a class around the lock.
  final class Log: Sendable {
    let requests = Mutex<[Received]>([])
  }

  let port: Int
  private let log: Log
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
  var received: [Received] { log.requests.withLock { $0 } }

  /// - Parameter chatReplies: How the chat model answers: "array" (a fenced JSON array),
  ///   "prose" (not an array, forcing one request per text).
  init(chatReplies: String = "array", transcription: String = "{}") async throws {
    let log = Log()
    self.log = log
    let router = Router()
    @Sendable func record(_ request: Request) async throws -> Data {
      let bytes = try await request.body.collect(upTo: 16 << 20)
      let body = Data(bytes.readableBytesView)
      log.requests.withLock {
        $0.append(
          Received(
            method: request.method.rawValue, path: request.uri.path,
            authorization: request.headers[.authorization],
            contentType: request.headers[.contentType], body: body))
      }
      return body
    }
    @Sendable func json(_ value: Any, status: HTTPResponse.Status = .ok) -> Response {
      let data = (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
      return Response(
        status: status, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    router.get("/languages") { request, _ -> Response in
      _ = try await record(request)
      return json([
        ["code": "en", "name": "English", "targets": ["es", "zh-Hans"]],
        ["code": "es", "name": "Spanish", "targets": ["en"]],
        ["code": "zh-Hans", "name": "Chinese", "targets": ["en"]],
      ])
    }
    router.post("/translate") { request, _ -> Response in
      let body = try await record(request)
      guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
        let texts = object["q"] as? [String]
      else { return json(["error": "q must be a list"], status: .badRequest) }
      guard object["api_key"] as? String == "libre-key" else {
        return json(["error": "Invalid API key"], status: .forbidden)
      }
      return json(["translatedText": texts.map(Self.spanish)])
    }
    router.post("/v1/chat/completions") { request, _ -> Response in
      let body = try await record(request)
      let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
      let messages = object?["messages"] as? [[String: String]] ?? []
      let user = messages.last { $0["role"] == "user" }?["content"] ?? ""
      let reply: String
      if let array = try? JSONDecoder().decode([String].self, from: Data(user.utf8)) {
        if chatReplies == "array" {
          let translated = try JSONEncoder().encode(array.map(Self.spanish))
          reply = "```json\n" + String(decoding: translated, as: UTF8.self) + "\n```"
        } else {
          reply = "Here you go: " + array.map(Self.spanish).joined(separator: " / ")
        }
      } else {
        reply = Self.spanish(user)
      }
      return json(["choices": [["index": 0, "message": ["role": "assistant", "content": reply]]]])
    }
    router.post("/v1/audio/transcriptions") { request, _ -> Response in
      _ = try await record(request)
      return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(string: transcription)))
    }

    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: [], cancellationSignals: [],
        logger: Logger(label: "engine-server")))
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
