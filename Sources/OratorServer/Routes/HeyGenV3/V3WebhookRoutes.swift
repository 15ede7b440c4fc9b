import Foundation
import HeyGenAPI
import Hummingbird
import OratorCore

/// `/v3/webhooks/endpoints` (create, list, update, delete, rotate-secret),
/// `/v3/webhooks/event-types` and `/v3/webhooks/events`: v3's shapes over the same endpoints
/// and the same outbox as v1's `/v1/webhook/…`.
struct V3WebhookRoutes {
  let environment: ServerEnvironment

  /// v3 secrets carry the prefix HeyGen's documentation shows; the whole string is the key.
  static let secretPrefix = "whsec_"

  func register(on router: inout RouterRegistry) {
    router.post("/v3/webhooks/endpoints", create)
    router.get("/v3/webhooks/endpoints", list)
    router.patch("/v3/webhooks/endpoints/:endpoint_id", update)
    router.delete("/v3/webhooks/endpoints/:endpoint_id", delete)
    router.post("/v3/webhooks/endpoints/:endpoint_id/rotate-secret", rotateSecret)
    router.get("/v3/webhooks/event-types", eventTypes)
    router.get("/v3/webhooks/events", events)
  }

  private func webhooks(_ context: AppRequestContext) throws -> WebhookService {
    WebhookService(environment: environment, account: try context.requireAccount().id)
  }

  @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: V3WebhookEndpointRequest = try await decode(request)
    let endpoint = try await webhooks(context).add(
      url: body.url, events: body.events, secretPrefix: Self.secretPrefix)
    return try JSONResponse.v3(Self.presented(endpoint, showingSecret: true))
  }

  @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
    let pagination = try V3Pagination(request, defaultLimit: 10, maxLimit: 100)
    let page = try pagination.page(of: try await webhooks(context).list())
    return try JSONResponse.v3List(
      page.items.map { Self.presented($0, showingSecret: false) }, nextToken: page.nextToken)
  }

  @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: V3WebhookEndpointRequest = try await decode(request)
    let endpoint = try await webhooks(context).update(
      context.parameters.get("endpoint_id"),
      WebhookService.Change(
        url: body.url, events: body.eventsSent ? .some(body.events) : nil, status: body.status))
    return try JSONResponse.v3(Self.presented(endpoint, showingSecret: false))
  }

  @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
    try await webhooks(context).delete(context.parameters.get("endpoint_id"))
    return try JSONResponse.v3(V3EmptyObject())
  }

  @Sendable func rotateSecret(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let endpoint = try await webhooks(context).rotateSecret(
      context.parameters.get("endpoint_id"), secretPrefix: Self.secretPrefix)
    return try JSONResponse.v3(
      V3WebhookSecret(endpointId: endpoint.id.rawValue, secret: endpoint.secret))
  }

  @Sendable func eventTypes(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    _ = try context.requireAccount()
    return try JSONResponse.v3List(
      WebhookEventType.delivered.map {
        V3WebhookEventType(eventType: $0.rawValue, description: $0.summary)
      }, nextToken: nil)
  }

  /// The delivery history, newest first, narrowed by `event_type` and `entity_id` (the
  /// video or translation the event is about).
  @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
    let pagination = try V3Pagination(request, defaultLimit: 10, maxLimit: 100)
    var type: WebhookEventType?
    if let name = request.formValue("event_type") {
      guard let known = WebhookEventType(rawValue: name) else {
        throw ApplicationError.invalid(
          InvalidField(path: "event_type", message: "unknown event \"\(name)\""))
      }
      type = known
    }
    let entity = request.formValue("entity_id")
    let body = WebhookEventBody(environment: environment)
    let logs = try await webhooks(context).deliveries(
      endpoint: nil, limit: Self.historyLimit)
    let matching = logs.map(\.event).filter { event in
      (type == nil || event.type == type) && (entity == nil || Self.entity(of: event) == entity)
    }
    let page = try pagination.page(of: matching)
    let rows = try page.items.map { event in
      V3WebhookEvent(
        eventId: event.id.rawValue, eventType: event.type.rawValue,
        createdAt: Self.iso(event.createdAt), eventData: try Self.tree(body.data(event)))
    }
    return try JSONResponse.v3List(rows, nextToken: page.nextToken)
  }

  // MARK: Helpers

  /// The most events the history reads back; older ones are not listed.
  static let historyLimit = 1000

  private func decode(_ request: Request) async throws -> V3WebhookEndpointRequest {
    let bytes = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v3)
    return try RequestBody.decode(bytes, envelope: .v3)
  }

  static func presented(_ endpoint: WebhookEndpoint, showingSecret: Bool) -> V3WebhookEndpoint {
    V3WebhookEndpoint(
      endpointId: endpoint.id.rawValue, url: endpoint.url, status: endpoint.status,
      createdAt: iso(endpoint.createdAt), events: endpoint.events?.map(\.rawValue),
      secret: showingSecret ? endpoint.secret : nil)
  }

  static func iso(_ unixSeconds: Int) -> String {
    ISO8601DateFormatter().string(from: Date(unixSeconds: unixSeconds))
  }

  private static func entity(of event: WebhookEvent) -> String? {
    (try? JSONDecoder().decode(VideoEventPayload.self, from: Data(event.payload)))?.videoId
  }

  private static func tree(_ object: [String: Any]) throws -> JSONTree {
    try JSONDecoder().decode(JSONTree.self, from: JSONSerialization.data(withJSONObject: object))
  }
}
