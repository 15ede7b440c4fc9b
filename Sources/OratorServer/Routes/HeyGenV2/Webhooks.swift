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

  private func webhooks(_ context: AppRequestContext) throws -> WebhookService {
    WebhookService(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: EndpointBody = try await decode(request)
    let endpoint = try await webhooks(context).add(url: body.url, events: body.events)
    return try JSONResponse.v1(WebhookEndpointData(endpoint))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let endpoints = try await webhooks(context).list()
    return try JSONResponse.v1(endpoints.map(WebhookEndpointData.init))
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: EndpointBody = try await decode(request)
    let endpoint = try await webhooks(context).update(
      body.endpointId ?? request.uri.queryParameters.get("endpoint_id"),
      WebhookService.Change(
        url: body.url, events: body.eventsSent ? .some(body.events) : nil, status: body.status))
    return try JSONResponse.v1(WebhookEndpointData(endpoint))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    var id = request.uri.queryParameters.get("endpoint_id")
    if id == nil {
      let bytes = try await RequestBody.collect(
        request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
      if !bytes.isEmpty {
        let body: EndpointBody = try RequestBody.decode(bytes, envelope: .v1)
        id = body.endpointId
      }
    }
    try await webhooks(context).delete(id)
    return try JSONResponse.v1(Optional<Empty>.none)
  }

  @Sendable func eventNames(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    return try JSONResponse.v1(WebhookEventType.delivered.map(\.rawValue))
  }

  @Sendable func deliveries(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let webhooks = try webhooks(context)
    let query = request.uri.queryParameters
    var endpointID: ResourceID?
    // An empty `endpoint_id=` (as form-built query strings send it) means no filter.
    if let text = query.get("endpoint_id"), !text.isEmpty {
      endpointID = try await webhooks.endpoint(text).id
    }
    let limit = min(max(query.get("limit").flatMap(Int.init) ?? 50, 1), 100)
    let logs = try await webhooks.deliveries(endpoint: endpointID, limit: limit)
    let urls = Dictionary(
      try await webhooks.list().map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
    return try JSONResponse.v1(logs.map { WebhookDeliveryData($0, endpoints: urls) })
  }

  // MARK: Helpers

  private func decode(_ request: Request) async throws -> EndpointBody {
    let bytes = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v1)
    return try RequestBody.decode(bytes, envelope: .v1)
  }
}
