import Foundation
import HeyGenAPI
import OratorCore

/// Endpoints and delivery logs as clients see them (the wire types live in `HeyGenAPI`);
/// `created_at` of an endpoint is an ISO time without a zone, as HeyGen sends.
extension WebhookEndpointData {
  init(_ endpoint: WebhookEndpoint) {
    self.init(
      endpointId: endpoint.id.rawValue, url: endpoint.url, secret: endpoint.secret,
      status: endpoint.status, events: endpoint.events?.map(\.rawValue),
      username: endpoint.accountId.rawValue, entityId: nil,
      createdAt: WebhookTime.iso(endpoint.createdAt))
  }
}

extension WebhookDeliveryData {
  init(_ log: WebhookEventLog, endpoints: [ResourceID: String]) {
    let event = log.event
    let status =
      event.deliveredAt != nil ? "delivered" : event.gaveUpAt != nil ? "failed" : "retrying"
    self.init(
      eventId: event.id.rawValue, eventType: event.type.rawValue,
      endpointId: event.endpointId?.rawValue,
      url: event.endpointId.flatMap { endpoints[$0] } ?? event.callbackURL, status: status,
      createdAt: event.createdAt, nextAttemptAt: status == "retrying" ? event.nextAttemptAt : nil,
      deliveredAt: event.deliveredAt,
      attempts: log.attempts.map {
        Attempt(
          at: $0.at, statusCode: $0.statusCode, error: $0.error,
          durationMs: $0.durationMilliseconds)
      })
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
