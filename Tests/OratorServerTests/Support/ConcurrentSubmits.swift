import AsyncHTTPClient
import Foundation
import NIOCore

/// Generate requests really in flight together: each on a client connection of its own
/// (not one `TestServer`'s serial client), spread over `urls` in turn. Returns the statuses.
enum ConcurrentSubmits {
  static func statuses(count: Int, of body: [String: Any], to urls: [String]) async throws
    -> [Int]
  {
    let data = try JSONSerialization.data(withJSONObject: body)
    return try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<count {
        let url = urls[index % urls.count]
        group.addTask {
          var request = HTTPClientRequest(url: url)
          request.method = .POST
          request.headers.add(name: "x-api-key", value: TestServer.apiKey)
          request.headers.add(name: "content-type", value: "application/json")
          request.body = .bytes(ByteBuffer(bytes: data))
          let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
          return Int(response.status.code)
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
  }
}
