/// One event in the outbox: written in the same transaction as the status change it reports,
/// then delivered (and retried) by the dispatcher until it succeeds or the retry window ends.
/// It goes either to a registered endpoint or to a video's own `callback_url`.
public struct WebhookEvent: Sendable, Equatable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var type: WebhookEventType
  /// A `VideoEventPayload` as JSON; URLs are signed only when it is sent, so links are fresh.
  public var payload: [UInt8]
  public var endpointId: ResourceID?
  public var callbackURL: String?
  public var attempts: Int
  public var createdAt: Int
  public var nextAttemptAt: Int
  public var deliveredAt: Int?
  public var gaveUpAt: Int?

  public init(
    id: ResourceID, accountId: ResourceID, type: WebhookEventType, payload: [UInt8],
    endpointId: ResourceID?, callbackURL: String?, attempts: Int = 0, createdAt: Int,
    nextAttemptAt: Int, deliveredAt: Int? = nil, gaveUpAt: Int? = nil
  ) {
    self.id = id
    self.accountId = accountId
    self.type = type
    self.payload = payload
    self.endpointId = endpointId
    self.callbackURL = callbackURL
    self.attempts = attempts
    self.createdAt = createdAt
    self.nextAttemptAt = nextAttemptAt
    self.deliveredAt = deliveredAt
    self.gaveUpAt = gaveUpAt
  }
}

/// An event claimed for sending, with where it goes now: the endpoint's current URL and
/// secret (an endpoint may have been updated since the event was written), or the video's
/// callback URL, which is sent unsigned since it has no secret of its own.
public struct WebhookDelivery: Sendable, Equatable {
  public var event: WebhookEvent
  public var url: String
  public var secret: String?

  public init(event: WebhookEvent, url: String, secret: String?) {
    self.event = event
    self.url = url
    self.secret = secret
  }
}

/// An event with the attempts made so far, for `GET /v1/webhook/delivery.list`.
public struct WebhookEventLog: Sendable, Equatable {
  public var event: WebhookEvent
  public var attempts: [DeliveryAttempt]

  public init(event: WebhookEvent, attempts: [DeliveryAttempt]) {
    self.event = event
    self.attempts = attempts
  }
}
