import Foundation
import OratorCore

/// Endpoints and delivery logs as clients see them. Every key is always present, null when
/// empty, as in HeyGen's examples; `created_at` is an ISO time without a zone, as HeyGen sends.
struct WebhookEndpointData: Codable, Sendable {
  var endpointId: String
  var url: String
  var secret: String
  var status: String
  var events: [String]?
  var username: String?
  var entityId: String?
  var createdAt: String

  init(_ endpoint: WebhookEndpoint) {
    endpointId = endpoint.id.rawValue
    url = endpoint.url
    secret = endpoint.secret
    status = endpoint.status
    events = endpoint.events?.map(\.rawValue)
    username = endpoint.accountId.rawValue
    entityId = nil
    createdAt = WebhookTime.iso(endpoint.createdAt)
  }

  enum CodingKeys: String, CodingKey {
    case endpointId = "endpoint_id"
    case url, secret, status, events, username
    case entityId = "entity_id"
    case createdAt = "created_at"
  }

  func encode(to encoder: any Encoder) throws {
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
struct WebhookDeliveryData: Codable, Sendable {
  struct Attempt: Codable, Sendable {
    var at: Int
    var statusCode: Int?
    var error: String?
    var durationMs: Int

    enum CodingKeys: String, CodingKey {
      case at
      case statusCode = "status_code"
      case error
      case durationMs = "duration_ms"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(at, forKey: .at)
      try c.encode(statusCode, forKey: .statusCode)
      try c.encode(error, forKey: .error)
      try c.encode(durationMs, forKey: .durationMs)
    }
  }

  var eventId: String
  var eventType: String
  var endpointId: String?
  var url: String?
  /// `delivered`, `retrying` (a next attempt is scheduled) or `failed` (given up).
  var status: String
  var createdAt: Int
  var nextAttemptAt: Int?
  var deliveredAt: Int?
  var attempts: [Attempt]

  init(_ log: WebhookEventLog, endpoints: [ResourceID: String]) {
    let event = log.event
    eventId = event.id.rawValue
    eventType = event.type.rawValue
    endpointId = event.endpointId?.rawValue
    url = event.endpointId.flatMap { endpoints[$0] } ?? event.callbackURL
    status =
      event.deliveredAt != nil ? "delivered" : event.gaveUpAt != nil ? "failed" : "retrying"
    createdAt = event.createdAt
    nextAttemptAt = status == "retrying" ? event.nextAttemptAt : nil
    deliveredAt = event.deliveredAt
    attempts = log.attempts.map {
      Attempt(
        at: $0.at, statusCode: $0.statusCode, error: $0.error, durationMs: $0.durationMilliseconds)
    }
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

  func encode(to encoder: any Encoder) throws {
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

enum WebhookTime {
  static func iso(_ unixSeconds: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
    return formatter.string(from: Date(unixSeconds: unixSeconds))
  }
}
