import Foundation
import Hummingbird
import NIOCore
import OratorCore
import OratorKit
import Synchronization
import Testing

/// The SDK names itself and its release on every request it sends, API calls and media
/// downloads alike, as a loopback server receives them.
@Suite struct UserAgentTests {
  /// The `User-Agent` of each request a loopback server answered, by path.
  private final class Seen: Sendable {
    let agents = Mutex<[(path: String, agent: String?)]>([])
    func record(_ request: Request) {
      agents.withLock { $0.append((request.uri.path, request.headers[.userAgent])) }
    }
    var all: [(path: String, agent: String?)] { agents.withLock { $0 } }
  }

  /// A server answering `GET /v3/users/me` and `GET /media/clip.mp4`, recording who asked.
  private static func server(_ seen: Seen) async -> LoopbackHTTPServer {
    let router = Router()
    router.get("v3/users/me") { request, _ -> Response in
      seen.record(request)
      let body =
        #"{"data":{"username":"ua","wallet":{"currency":"credits","remaining_balance":42}}}"#
      return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    router.get("media/clip.mp4") { request, _ -> Response in
      seen.record(request)
      return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: [1, 2, 3, 4])))
    }
    return await LoopbackHTTPServer(router, label: "user-agent")
  }

  @Test func everyRequestCarriesTheSDKAndItsRelease() async throws {
    let seen = Seen()
    let server = await Self.server(seen)
    defer { Task { await server.stop() } }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-ua-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    let client = HeyGenClient(baseURL: URL(string: server.baseURL)!, apiKey: "k")
    #expect(try await client.account.remainingQuota().remainingQuota == 42)
    try await client.download(
      URL(string: server.baseURL + "/media/clip.mp4")!,
      to: folder.appendingPathComponent("clip.mp4"))

    let requests = seen.all
    #expect(requests.map(\.path) == ["/v3/users/me", "/media/clip.mp4"])
    let agent = try #require(requests.first?.agent)
    #expect(agent == HeyGenClient.defaultUserAgent)
    #expect(agent.hasPrefix("OratorKit/\(OratorVersion.current) ("), "\(agent)")
    #expect(agent.hasSuffix(")") && !agent.contains("unknown"), "\(agent)")
    #expect(requests.allSatisfy { $0.agent == agent }, "\(requests)")
  }

  @Test func anAppPutsItsOwnProductFirst() async throws {
    let seen = Seen()
    let server = await Self.server(seen)
    defer { Task { await server.stop() } }
    let agent = "ExampleApp/2.1 " + HeyGenClient.defaultUserAgent
    let client = HeyGenClient(
      baseURL: URL(string: server.baseURL)!, apiKey: "k", userAgent: agent)
    _ = try await client.account.remainingQuota()
    #expect(seen.all.map(\.agent) == [agent])
  }
}
