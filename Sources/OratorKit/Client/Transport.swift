import AsyncHTTPClient
import Foundation
import HeyGenAPI
import NIOCore
import NIOHTTP1

/// Sends one API call: builds the request, retries what may be retried, and turns the answer
/// into the payload of its envelope or a ``HeyGenError``. The one place that knows HTTP.
struct Transport: Sendable {
  /// Which of HeyGen's envelopes the endpoint answers in.
  enum Envelope { case v1, v2, v3 }

  let baseURL: String
  let apiKey: String
  let userAgent: String
  let http: HTTPClient
  let retry: RetryPolicy
  let timeout: Duration

  /// Sends the call and decodes `data` of the answer; nil when `data` is null.
  func call<Payload: Codable & Sendable>(
    _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], body: Data? = nil,
    contentType: String = "application/json", envelope: Envelope,
    as type: Payload.Type = Payload.self
  ) async throws(HeyGenError) -> Payload? {
    let answer = try await send(
      method, path, query: query, body: body, contentType: contentType)
    return try decode(answer.body, envelope: envelope)
  }

  /// Like ``call(_:_:query:body:contentType:envelope:as:)`` for endpoints whose `data` is
  /// never null.
  func require<Payload: Codable & Sendable>(
    _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], body: Data? = nil,
    contentType: String = "application/json", envelope: Envelope,
    as type: Payload.Type = Payload.self
  ) async throws(HeyGenError) -> Payload {
    guard
      let payload = try await call(
        method, path, query: query, body: body, contentType: contentType, envelope: envelope,
        as: type)
    else {
      throw HeyGenError(
        kind: .invalidResponse, message: "\(method.rawValue) \(path) answered with null data")
    }
    return payload
  }

  /// One page of a v3 list: `data` is the items, the cursor sits beside it.
  func list<Item: Codable & Sendable>(
    _ path: String, query: [(String, String?)] = [], as type: Item.Type = Item.self
  ) async throws(HeyGenError) -> (items: [Item], nextToken: String?) {
    let answer = try await send(
      .GET, path, query: query, body: nil, contentType: "application/json")
    do {
      let page = try JSONDecoder().decode(V3ListEnvelope<Item>.self, from: answer.body)
      return (page.data, page.hasMore ? page.nextToken : nil)
    } catch {
      let excerpt = String(decoding: answer.body.prefix(200), as: UTF8.self)
      throw HeyGenError(
        kind: .invalidResponse,
        message: "unexpected answer from \(baseURL) (\(error)): \(excerpt)")
    }
  }

  /// Every item of a v3 list, following `next_token` page after page.
  /// - Parameter pageSize: the `limit` asked for; nil leaves the server's default.
  func all<Item: Codable & Sendable>(
    _ path: String, query: [(String, String?)] = [], pageSize: Int? = 100,
    as type: Item.Type = Item.self
  ) async throws(HeyGenError) -> [Item] {
    var items: [Item] = []
    var token: String?
    repeat {
      let page = try await list(
        path, query: query + [("limit", pageSize.map(String.init)), ("token", token)], as: type)
      items += page.items
      token = page.nextToken
    } while token != nil
    return items
  }

  /// Encodes `value` as a JSON body.
  static func json(_ value: some Encodable) throws(HeyGenError) -> Data {
    do {
      return try JSONEncoder().encode(value)
    } catch {
      throw HeyGenError(kind: .invalidResponse, message: "cannot encode the request: \(error)")
    }
  }

  // MARK: Sending

  private struct Answer {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
  }

  private func send(
    _ method: HTTPMethod, _ path: String, query: [(String, String?)], body: Data?,
    contentType: String
  ) async throws(HeyGenError) -> Answer {
    let url = Self.url(baseURL + path, query: query)
    var attempt = 1
    while true {
      let failure: HeyGenError
      do {
        let answer = try await once(method, url: url, body: body, contentType: contentType)
        if (200..<300).contains(answer.status) { return answer }
        failure = Self.error(from: answer)
      } catch {
        failure = error
      }
      guard let delay = retry.delay(after: attempt, failure: failure, method: method) else {
        throw failure
      }
      do {
        try await Task.sleep(for: delay)
      } catch {
        throw HeyGenError(kind: .cancelled, message: "cancelled")
      }
      attempt += 1
    }
  }

  private func once(_ method: HTTPMethod, url: String, body: Data?, contentType: String)
    async throws(HeyGenError) -> Answer
  {
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "X-Api-Key", value: apiKey)
    request.headers.add(name: "User-Agent", value: userAgent)
    request.headers.add(name: "Accept", value: "application/json")
    if let body {
      request.headers.add(name: "Content-Type", value: contentType)
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    // AsyncHTTPClient's timeout ends once the headers arrive; racing a timer holds the whole
    // answer, body included, to the deadline, so a server that stalls mid-body cannot hang a
    // call.
    let deadline = ContinuousClock.now + timeout
    do {
      return try await withThrowingTaskGroup(of: Answer?.self) { group in
        group.addTask { [http, timeout, request] in
          let response = try await http.execute(request, timeout: .init(timeout))
          let bytes = try await response.body.collect(upTo: 64 << 20)
          return Answer(
            status: Int(response.status.code), headers: response.headers,
            body: Data(bytes.readableBytesView))
        }
        group.addTask {
          try await Task.sleep(until: deadline)
          return nil
        }
        defer { group.cancelAll() }
        guard let answer = try await group.next() ?? nil else {
          throw HeyGenError(
            kind: .unreachable, message: "\(baseURL) did not answer within \(timeout)")
        }
        return answer
      }
    } catch let error as HeyGenError {
      throw error
    } catch {
      throw HeyGenError(
        kind: .unreachable, message: "cannot reach \(baseURL): \(Self.describe(error))")
    }
  }

  // MARK: Answers

  private func decode<Payload: Codable & Sendable>(_ body: Data, envelope: Envelope)
    throws(HeyGenError) -> Payload?
  {
    do {
      switch envelope {
      case .v1: return try JSONDecoder().decode(V1Envelope<Payload>.self, from: body).data
      case .v2: return try JSONDecoder().decode(V2Envelope<Payload>.self, from: body).data
      case .v3: return try JSONDecoder().decode(V3Envelope<Payload>.self, from: body).data
      }
    } catch {
      let excerpt = String(decoding: body.prefix(200), as: UTF8.self)
      throw HeyGenError(
        kind: .invalidResponse,
        message: "unexpected answer from \(baseURL) (\(error)): \(excerpt)")
    }
  }

  /// Reads HeyGen's error from any envelope: `{"error":{"code","message"}}` (v2 and v3) or
  /// `{"code":<int>,"message"|"msg"}` (v1); a body that is neither is quoted.
  private static func error(from answer: Answer) -> HeyGenError {
    let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any] ?? [:]
    var code: String?
    var message: String?
    if let error = object["error"] as? [String: Any] {
      code = error["code"].map { "\($0)" }
      message = error["message"] as? String
    }
    if code == nil, let number = object["code"] as? Int { code = String(number) }
    if message == nil { message = object["message"] as? String ?? object["msg"] as? String }
    let text = String(decoding: answer.body.prefix(300), as: UTF8.self)
    let retryAfter = RetryPolicy.retryAfter(answer.headers.first(name: "Retry-After"))
    return HeyGenError(
      kind: .api, status: answer.status, code: code,
      message: message ?? (text.isEmpty ? "no message" : text), retryAfter: retryAfter)
  }

  static func url(_ base: String, query: [(String, String?)]) -> String {
    var components = URLComponents(string: base)
    let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) }
    }
    if !items.isEmpty { components?.queryItems = items }
    return components?.string ?? base
  }

  static func describe(_ error: any Error) -> String {
    if let client = error as? HTTPClientError { return "\(client)" }
    return String(describing: error)
  }
}

extension TimeAmount {
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
