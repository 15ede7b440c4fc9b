/// The body of `POST /v3/webhooks/endpoints` and `PATCH /v3/webhooks/endpoints/{id}`.
/// `events` null (or absent on create) means every event; on update an absent `events`
/// leaves the list as it is, and a given one replaces it whole.
public struct V3WebhookEndpointRequest: Decodable, Sendable, Equatable {
  public var url: String?
  public var events: [String]?
  /// Whether `events` was in the body at all, null included.
  public var eventsSent: Bool
  public var entityId: String?
  /// `enabled` or `disabled`: pauses or resumes deliveries. An Orator extension on update
  /// (HeyGen's v3 has no way to pause an endpoint); ignored on create.
  public var status: String?

  enum CodingKeys: String, CodingKey {
    case url, events, status
    case entityId = "entity_id"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    url = try c.decodeIfPresent(String.self, forKey: .url)
    events = try c.decodeIfPresent([String].self, forKey: .events)
    eventsSent = c.contains(.events)
    entityId = try c.decodeIfPresent(String.self, forKey: .entityId)
    status = try c.decodeIfPresent(String.self, forKey: .status)
  }
}

/// A registered endpoint. `secret` is shown only when it was just made (create, rotate).
public struct V3WebhookEndpoint: Codable, Sendable, Equatable {
  public var endpointId: String
  public var url: String
  /// `enabled` or `disabled`.
  public var status: String
  /// ISO 8601.
  public var createdAt: String
  /// Null means every event.
  public var events: [String]?
  public var secret: String?

  public init(
    endpointId: String, url: String, status: String, createdAt: String, events: [String]?,
    secret: String?
  ) {
    self.endpointId = endpointId
    self.url = url
    self.status = status
    self.createdAt = createdAt
    self.events = events
    self.secret = secret
  }

  enum CodingKeys: String, CodingKey {
    case url, status, events, secret
    case endpointId = "endpoint_id"
    case createdAt = "created_at"
  }

  /// `events` and `secret` are written as null rather than left out, as HeyGen does.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(endpointId, forKey: .endpointId)
    try c.encode(url, forKey: .url)
    try c.encode(status, forKey: .status)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encode(events, forKey: .events)
    try c.encode(secret, forKey: .secret)
  }
}

/// What `POST /v3/webhooks/endpoints/{id}/rotate-secret` answers.
public struct V3WebhookSecret: Codable, Sendable, Equatable {
  public var endpointId: String
  public var secret: String

  public init(endpointId: String, secret: String) {
    self.endpointId = endpointId
    self.secret = secret
  }

  enum CodingKeys: String, CodingKey {
    case secret
    case endpointId = "endpoint_id"
  }
}

/// One row of `GET /v3/webhooks/event-types`.
public struct V3WebhookEventType: Codable, Sendable, Equatable {
  public var eventType: String
  public var description: String

  public init(eventType: String, description: String) {
    self.eventType = eventType
    self.description = description
  }

  enum CodingKeys: String, CodingKey {
    case description
    case eventType = "event_type"
  }
}

/// One row of `GET /v3/webhooks/events`: an event as it was delivered (or is being).
public struct V3WebhookEvent<EventData: Codable & Sendable>: Codable, Sendable {
  public var eventId: String
  public var eventType: String
  /// ISO 8601.
  public var createdAt: String
  public var eventData: EventData

  public init(eventId: String, eventType: String, createdAt: String, eventData: EventData) {
    self.eventId = eventId
    self.eventType = eventType
    self.createdAt = createdAt
    self.eventData = eventData
  }

  enum CodingKeys: String, CodingKey {
    case eventId = "event_id"
    case eventType = "event_type"
    case createdAt = "created_at"
    case eventData = "event_data"
  }
}

/// `{}`: what `DELETE /v3/webhooks/endpoints/{id}` answers in `data`.
public struct V3EmptyObject: Codable, Sendable, Equatable {
  public init() {}
}
