import HeyGenAPI

/// HeyGen's webhook management API through v3 (`/v3/webhooks/endpoints[/<id>]`,
/// `/v3/webhooks/event-types`), and Orator's `/v1/webhook/delivery.list`, which shows every
/// attempt of a delivery and has no v3 counterpart. Answers come in the types this SDK has
/// always returned.
///
/// Check the events a receiver gets with ``WebhookVerifier``.
public struct Webhooks: Sendable {
  let transport: Transport

  private static let endpoints = "/v3/webhooks/endpoints"

  /// Registers a receiver for `events` (nil: every event). The receiver must answer an
  /// `OPTIONS` request with 2xx. Keep the returned `secret` to verify signatures: it is shown
  /// only here and by ``rotateSecret(id:)``.
  public func add(url: String, events: [String]? = nil) async throws(HeyGenError)
    -> WebhookEndpointData
  {
    let endpoint = try await transport.require(
      .POST, Self.endpoints,
      body: Transport.json(EndpointChange(url: url, events: events.map { .only($0) })),
      envelope: .v3, as: V3WebhookEndpoint.self)
    return WebhookEndpointData(v3: endpoint)
  }

  /// Every receiver of the account, following the pages. Their `secret` is empty: v3 shows a
  /// secret only when it is made (``add(url:events:)``, ``rotateSecret(id:)``).
  public func list() async throws(HeyGenError) -> [WebhookEndpointData] {
    try await transport.all(Self.endpoints, as: V3WebhookEndpoint.self)
      .map(WebhookEndpointData.init(v3:))
  }

  /// Which events a receiver gets.
  public enum EventSelection: Sendable, Equatable {
    /// Every event, including kinds added later.
    case every
    /// Only these (`avatar_video.success`, …).
    case only([String])
  }

  /// Changes what is given: the URL, the events, or the status (`enabled`, `disabled`).
  /// `events: nil` leaves the events as they are; to go back to every event, pass
  /// `events: .every` (the ``EventSelection`` form of this call). The answer's `secret` is
  /// empty, as in ``list()``.
  ///
  /// `status` is an Orator extension of v3's update (HeyGen's v3 cannot pause an endpoint).
  public func update(
    id: String, url: String? = nil, events: [String]? = nil, status: String? = nil
  ) async throws(HeyGenError) -> WebhookEndpointData {
    try await send(
      id, EndpointChange(url: url, events: events.map { .only($0) }, status: status))
  }

  /// Changes the events, and the URL or the status when given.
  public func update(
    id: String, url: String? = nil, events: EventSelection, status: String? = nil
  ) async throws(HeyGenError) -> WebhookEndpointData {
    try await send(id, EndpointChange(url: url, events: events, status: status))
  }

  private func send(_ id: String, _ change: EndpointChange) async throws(HeyGenError)
    -> WebhookEndpointData
  {
    let endpoint = try await transport.require(
      .PATCH, "\(Self.endpoints)/\(Path.segment(id))", body: Transport.json(change),
      envelope: .v3, as: V3WebhookEndpoint.self)
    return WebhookEndpointData(v3: endpoint)
  }

  public func delete(id: String) async throws(HeyGenError) {
    _ = try await transport.require(
      .DELETE, "\(Self.endpoints)/\(Path.segment(id))", envelope: .v3, as: V3EmptyObject.self)
  }

  /// The event types the server sends (`avatar_video.success`, …). A receiver may also ask
  /// for any other of HeyGen's event names; Orator accepts them and never sends them.
  public func eventTypes() async throws(HeyGenError) -> [String] {
    try await transport.all("/v3/webhooks/event-types", pageSize: nil, as: V3WebhookEventType.self)
      .map(\.eventType)
  }

  /// Replaces the receiver's signing secret and returns the new one (`POST
  /// /v3/webhooks/endpoints/<id>/rotate-secret`): every delivery from now on, retries of
  /// older events included, is signed with it.
  public func rotateSecret(id: String) async throws(HeyGenError) -> String {
    let rotated = try await transport.require(
      .POST, "/v3/webhooks/endpoints/\(Path.segment(id))/rotate-secret", envelope: .v3,
      as: V3WebhookSecret.self)
    return rotated.secret
  }

  /// Recent events and every attempt to deliver them, to debug a receiver (Orator only).
  public func deliveries(endpointID: String? = nil, limit: Int? = nil) async throws(HeyGenError)
    -> [WebhookDeliveryData]
  {
    try await transport.require(
      .GET, "/v1/webhook/delivery.list",
      query: [("endpoint_id", endpointID), ("limit", limit.map(String.init))], envelope: .v1)
  }
}

/// The body of v3's create and update: only the keys given are sent, since an explicit
/// `events: null` on update means "every event" while a missing key means "as is".
private struct EndpointChange: Encodable {
  var url: String?
  var events: Webhooks.EventSelection?
  var status: String?

  enum CodingKeys: String, CodingKey {
    case url, events, status
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(url, forKey: .url)
    switch events {
    case nil: break
    case .every: try c.encodeNil(forKey: .events)
    case .only(let names): try c.encode(names, forKey: .events)
    }
    try c.encodeIfPresent(status, forKey: .status)
  }
}

extension WebhookEndpointData {
  /// v3's endpoint in the type this SDK has always returned: `secret` is empty where v3
  /// shows none, and `created_at` is v3's ISO 8601 time.
  init(v3 endpoint: V3WebhookEndpoint) {
    self.init(
      endpointId: endpoint.endpointId, url: endpoint.url, secret: endpoint.secret ?? "",
      status: endpoint.status, events: endpoint.events, username: nil,
      createdAt: endpoint.createdAt)
  }
}
