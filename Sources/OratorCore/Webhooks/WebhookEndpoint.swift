import Foundation

/// A receiver an account registered with `POST /v1/webhook/endpoint.add`. Every delivery to
/// it carries a `Signature` header made with `secret`, so the receiver can tell Orator's
/// requests from anyone else's.
public struct WebhookEndpoint: Sendable, Equatable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var url: String
  /// The events it wants; nil means every event.
  public var events: [WebhookEventType]?
  public var secret: String
  /// `enabled` or `disabled`; only enabled endpoints get new events.
  public var status: String
  public var createdAt: Int

  public init(
    id: ResourceID, accountId: ResourceID, url: String, events: [WebhookEventType]?,
    secret: String, status: String = "enabled", createdAt: Int
  ) {
    self.id = id
    self.accountId = accountId
    self.url = url
    self.events = events
    self.secret = secret
    self.status = status
    self.createdAt = createdAt
  }

  /// Whether an event of `type` is for this endpoint.
  public func wants(_ type: WebhookEventType) -> Bool {
    status == "enabled" && (events?.contains(type) ?? true)
  }
}

extension WebhookEndpoint {
  /// How stores keep `events`: a JSON array of event names, or nil (NULL) for every event.
  public var eventsColumn: String? {
    events.map { list in
      String(
        decoding: (try? JSONEncoder().encode(list.map(\.rawValue))) ?? Data("[]".utf8),
        as: UTF8.self)
    }
  }

  /// Reads the `events` column back; names this version does not know are dropped.
  public static func events(fromColumn text: String?) throws(StoreError) -> [WebhookEventType]? {
    guard let text else { return nil }
    guard let names = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
      throw .corruptRow("events is not a JSON array")
    }
    return names.compactMap(WebhookEventType.init(rawValue:))
  }
}
