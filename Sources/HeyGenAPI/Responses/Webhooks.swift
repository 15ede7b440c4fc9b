// Wire types of the webhook management API: `/v1/webhook/endpoint.add|list|update|delete`
// and Orator's `/v1/webhook/delivery.list`. Every key is always present, null when empty, as
// in HeyGen's examples.

/// One registered receiver; `secret` keys the `Signature` header of its events.
public struct WebhookEndpointData: Codable, Sendable, Equatable {
  public var endpointId: String
  public var url: String
  public var secret: String
  /// `enabled` or `disabled`.
  public var status: String
  /// The event types sent to it; null means every event.
  public var events: [String]?
  public var username: String?
  public var entityId: String?
  /// An ISO time without a zone, as HeyGen sends it.
  public var createdAt: String

  public init(
    endpointId: String, url: String, secret: String, status: String, events: [String]?,
    username: String?, entityId: String? = nil, createdAt: String
  ) {
    self.endpointId = endpointId
    self.url = url
    self.secret = secret
    self.status = status
    self.events = events
    self.username = username
    self.entityId = entityId
    self.createdAt = createdAt
  }

  enum CodingKeys: String, CodingKey {
    case endpointId = "endpoint_id"
    case url, secret, status, events, username
    case entityId = "entity_id"
    case createdAt = "created_at"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(endpointId, forKey: .endpointId)
    try c.encode(url, forKey: .url)
    try c.encode(secret, forKey: .secret)
    try c.encode(status, forKey: .status)
    try c.encode(events, forKey: .events)
    try c.encode(username, forKey: .username)
    try c.encode(entityId, forKey: .entityId)
    try c.encode(createdAt, forKey: .createdAt)
  }
}

/// One event of `GET /v1/webhook/delivery.list`, with every attempt made to send it.
public struct WebhookDeliveryData: Codable, Sendable, Equatable {
  public struct Attempt: Codable, Sendable, Equatable {
    public var at: Int
    public var statusCode: Int?
    public var error: String?
    public var durationMs: Int

    public init(at: Int, statusCode: Int?, error: String?, durationMs: Int) {
      self.at = at
      self.statusCode = statusCode
      self.error = error
      self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
      case at
      case statusCode = "status_code"
      case error
      case durationMs = "duration_ms"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(at, forKey: .at)
      try c.encode(statusCode, forKey: .statusCode)
      try c.encode(error, forKey: .error)
      try c.encode(durationMs, forKey: .durationMs)
    }
  }

  public var eventId: String
  public var eventType: String
  public var endpointId: String?
  public var url: String?
  /// `delivered`, `retrying` (a next attempt is scheduled) or `failed` (given up).
  public var status: String
  public var createdAt: Int
  public var nextAttemptAt: Int?
  public var deliveredAt: Int?
  public var attempts: [Attempt]

  public init(
    eventId: String, eventType: String, endpointId: String?, url: String?, status: String,
    createdAt: Int, nextAttemptAt: Int?, deliveredAt: Int?, attempts: [Attempt]
  ) {
    self.eventId = eventId
    self.eventType = eventType
    self.endpointId = endpointId
    self.url = url
    self.status = status
    self.createdAt = createdAt
    self.nextAttemptAt = nextAttemptAt
    self.deliveredAt = deliveredAt
    self.attempts = attempts
  }

  enum CodingKeys: String, CodingKey {
    case eventId = "event_id"
    case eventType = "event_type"
    case endpointId = "endpoint_id"
    case url, status
    case createdAt = "created_at"
    case nextAttemptAt = "next_attempt_at"
    case deliveredAt = "delivered_at"
    case attempts
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(eventId, forKey: .eventId)
    try c.encode(eventType, forKey: .eventType)
    try c.encode(endpointId, forKey: .endpointId)
    try c.encode(url, forKey: .url)
    try c.encode(status, forKey: .status)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encode(nextAttemptAt, forKey: .nextAttemptAt)
    try c.encode(deliveredAt, forKey: .deliveredAt)
    try c.encode(attempts, forKey: .attempts)
  }
}
