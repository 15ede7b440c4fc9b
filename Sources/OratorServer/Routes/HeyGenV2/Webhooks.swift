import AsyncHTTPClient
import Foundation
import HeyGenAPI
import Hummingbird
import NIOCore
import OratorCore

/// HeyGen's webhook management API (`/v1/webhook/endpoint.add|list|update|delete`,
/// `/v1/webhook/webhook.list`) and Orator's `/v1/webhook/delivery.list`, which shows every
/// attempt so a user can debug a receiver.
struct WebhookRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.post("/v1/webhook/endpoint.add", add)
    router.get("/v1/webhook/endpoint.list", list)
    router.patch("/v1/webhook/endpoint.update", update)
    router.delete("/v1/webhook/endpoint.delete", delete)
    router.get("/v1/webhook/webhook.list", eventNames)
    router.get("/v1/webhook/delivery.list", deliveries)
  }

  struct EndpointBody: Decodable {
    var endpointId: String?
    var url: String?
    var events: [String]?
    var status: String?
    /// Whether `events` was sent at all: an explicit null or [] on update means every event.
    var eventsSent = false

    enum CodingKeys: String, CodingKey {
      case endpointId = "endpoint_id"
      case url, events, status
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      endpointId = try c.decodeIfPresent(String.self, forKey: .endpointId)
      url = try c.decodeIfPresent(String.self, forKey: .url)
      events = try c.decodeIfPresent([String].self, forKey: .events)
      status = try c.decodeIfPresent(String.self, forKey: .status)
      eventsSent = c.contains(.events)
    }
  }

  @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let body: EndpointBody = try await decode(request)
    guard let url = body.url, !url.isEmpty else {
      throw APIError.invalid(
        InvalidField(path: "url", message: "is required", isMissing: true), .v1)
    }
    try await checkReachable(url)
    let endpoint = WebhookEndpoint(
      id: ResourceID(random: environment.random), accountId: account.id, url: url,
      events: try events(body.events),
      secret: WebhookSignature.newSecret(random: environment.random),
      createdAt: environment.clock.now().unixSeconds)
    try await environment.store.addWebhookEndpoint(endpoint)
    return try JSONResponse.v1(WebhookEndpointData(endpoint))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let endpoints = try await environment.store.webhookEndpoints(account: account.id)
    return try JSONResponse.v1(endpoints.map(WebhookEndpointData.init))
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    let body: EndpointBody = try await decode(request)
    var endpoint = try await find(
      body.endpointId ?? request.uri.queryParameters.get("endpoint_id"), account: account)
    if let url = body.url, url != endpoint.url {
      try await checkReachable(url)
      endpoint.url = url
    }
    if body.eventsSent { endpoint.events = try events(body.events) }
    if let status = body.status {
      guard status == "enabled" || status == "disabled" else {
        throw APIError.invalid(
          InvalidField(path: "status", message: "must be \"enabled\" or \"disabled\""), .v1)
      }
      endpoint.status = status
    }
    guard try await environment.store.updateWebhookEndpoint(endpoint) else {
      throw notFound(endpoint.id.rawValue)
    }
    return try JSONResponse.v1(WebhookEndpointData(endpoint))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    var id = request.uri.queryParameters.get("endpoint_id")
    if id == nil {
      let bytes = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
      if !bytes.isEmpty {
        let body: EndpointBody = try RequestBody.decode(bytes, envelope: .v1)
        id = body.endpointId
      }
    }
    let endpoint = try await find(id, account: account)
    guard
      try await environment.store.deleteWebhookEndpoint(
        id: endpoint.id, account: account.id, now: environment.clock.now())
    else { throw notFound(endpoint.id.rawValue) }
    return try JSONResponse.v1(Optional<Empty>.none)
  }

  @Sendable func eventNames(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    return try JSONResponse.v1(WebhookEventType.allCases.map(\.rawValue))
  }

  @Sendable func deliveries(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let account = try context.requireAccount()
    let query = request.uri.queryParameters
    var endpointID: ResourceID?
    // An empty `endpoint_id=` (as form-built query strings send it) means no filter.
    if let text = query.get("endpoint_id"), !text.isEmpty {
      endpointID = try await find(text, account: account).id
    }
    let limit = min(max(query.get("limit").flatMap(Int.init) ?? 50, 1), 100)
    let logs = try await environment.store.webhookEventLog(
      account: account.id, endpoint: endpointID, limit: limit)
    let urls = Dictionary(
      try await environment.store.webhookEndpoints(account: account.id).map { ($0.id, $0.url) },
      uniquingKeysWith: { first, _ in first })
    return try JSONResponse.v1(logs.map { WebhookDeliveryData($0, endpoints: urls) })
  }

  // MARK: Helpers

  private func decode(_ request: Request) async throws -> EndpointBody {
    let bytes = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
    return try RequestBody.decode(bytes, envelope: .v1)
  }

  private func find(_ id: String?, account: Account) async throws -> WebhookEndpoint {
    guard let id, !id.isEmpty else {
      throw APIError.invalid(
        InvalidField(path: "endpoint_id", message: "is required", isMissing: true), .v1)
    }
    guard let resourceID = ResourceID(id),
      let endpoint = try await environment.store.webhookEndpoints(account: account.id)
        .first(where: { $0.id == resourceID })
    else { throw notFound(id) }
    return endpoint
  }

  private func notFound(_ id: String) -> APIError {
    APIError.notFound("webhook endpoint \"\(id)\" not found", .v1, code: .webhookEndpointNotFound)
  }

  /// Empty or absent means every event; an unknown name is refused rather than never firing.
  private func events(_ names: [String]?) throws -> [WebhookEventType]? {
    guard let names, !names.isEmpty else { return nil }
    return try names.enumerated().map { index, name in
      guard let type = WebhookEventType(rawValue: name) else {
        throw APIError.invalid(
          InvalidField(
            path: "events[\(index)]",
            message:
              "unknown event \"\(name)\"; GET /v1/webhook/webhook.list lists the events"),
          .v1)
      }
      return type
    }
  }

  /// The URL must pass the outbound-address rule and answer an OPTIONS request with 2xx
  /// within the probe timeout, as HeyGen checks, so a typo is caught now rather than at
  /// delivery. Redirects are not followed: the address rule holds for the URL as given.
  private func checkReachable(_ url: String) async throws {
    do { try TextLength.check(url, limit: TextLength.url, at: "url") } catch {
      throw APIError.invalid(error, .v1)
    }
    var probe = HTTPClientRequest(url: url)
    probe.method = .OPTIONS
    let status: UInt
    let timeout = environment.configuration.webhookProbeTimeout
    do {
      let response = try await environment.fetcher.send(
        probe, field: "url", deadline: .now() + .milliseconds(Int64(timeout.timeInterval * 1000)))
      status = response.status.code
      _ = try? await response.body.collect(upTo: 64 << 10)
    } catch let refused as InvalidField {
      throw APIError.invalid(refused, .v1)
    } catch {
      throw APIError.invalid(
        InvalidField(
          path: "url",
          message:
            "did not answer an OPTIONS request within \(String(format: "%g", timeout.timeInterval)) s (\(error))"
        ),
        .v1)
    }
    guard (200..<300).contains(status) else {
      throw APIError.invalid(
        InvalidField(
          path: "url", message: "answered OPTIONS with HTTP \(status); it must answer 2xx"),
        .v1)
    }
  }
}
