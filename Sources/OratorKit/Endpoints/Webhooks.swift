import HeyGenAPI

/// HeyGen's webhook management API (`/v1/webhook/endpoint.add|list|update|delete`,
/// `/v1/webhook/webhook.list`) and Orator's `/v1/webhook/delivery.list`.
///
/// Check the events a receiver gets with ``WebhookVerifier``.
public struct Webhooks: Sendable {
  let transport: Transport

  /// Registers a receiver for `events` (nil: every event). The receiver must answer an
  /// `OPTIONS` request with 2xx. Keep the returned `secret` to verify signatures.
  public func add(url: String, events: [String]? = nil) async throws(HeyGenError)
    -> WebhookEndpointData
  {
    try await transport.require(
      .POST, "/v1/webhook/endpoint.add",
      body: Transport.json(EndpointChange(url: url, events: events.map { .only($0) })),
      envelope: .v1)
  }

  public func list() async throws(HeyGenError) -> [WebhookEndpointData] {
    try await transport.require(.GET, "/v1/webhook/endpoint.list", envelope: .v1)
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
  /// `events: .every` (the ``EventSelection`` form of this call).
  public func update(
    id: String, url: String? = nil, events: [String]? = nil, status: String? = nil
  ) async throws(HeyGenError) -> WebhookEndpointData {
    try await send(
      EndpointChange(endpointId: id, url: url, events: events.map { .only($0) }, status: status))
  }

  /// Changes the events, and the URL or the status when given.
  public func update(
    id: String, url: String? = nil, events: EventSelection, status: String? = nil
  ) async throws(HeyGenError) -> WebhookEndpointData {
    try await send(EndpointChange(endpointId: id, url: url, events: events, status: status))
  }

  private func send(_ change: EndpointChange) async throws(HeyGenError) -> WebhookEndpointData {
    try await transport.require(
      .PATCH, "/v1/webhook/endpoint.update", body: Transport.json(change), envelope: .v1)
  }

  public func delete(id: String) async throws(HeyGenError) {
    _ = try await transport.call(
      .DELETE, "/v1/webhook/endpoint.delete", query: [("endpoint_id", id)], envelope: .v1,
      as: Empty.self)
  }

  /// The event types a receiver can ask for (`avatar_video.success`, …).
  public func eventTypes() async throws(HeyGenError) -> [String] {
    try await transport.require(.GET, "/v1/webhook/webhook.list", envelope: .v1)
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

/// The body of `endpoint.add` and `endpoint.update`: only the keys given are sent, since an
/// explicit `events: null` on update means "every event" while a missing key means "as is".
private struct EndpointChange: Encodable {
  var endpointId: String?
  var url: String?
  var events: Webhooks.EventSelection?
  var status: String?

  enum CodingKeys: String, CodingKey {
    case endpointId = "endpoint_id"
    case url, events, status
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(endpointId, forKey: .endpointId)
    try c.encodeIfPresent(url, forKey: .url)
    switch events {
    case nil: break
    case .every: try c.encodeNil(forKey: .events)
    case .only(let names): try c.encode(names, forKey: .events)
    }
    try c.encodeIfPresent(status, forKey: .status)
  }
}
