import Foundation
import OratorCore

/// The webhook use-cases both API dialects share: register, list, change, delete an endpoint,
/// rotate its secret, and read the delivery history. One outbox and one dispatcher deliver
/// to every endpoint, however it was registered.
struct WebhookService {
  let environment: ServerEnvironment
  let account: ResourceID

  /// What a change asks for; nil leaves a field as it is.
  struct Change {
    var url: String?
    /// `.some(nil)` (or an empty list) means every event.
    var events: [String]??
    var status: String?
  }

  /// A new endpoint; its URL must be allowed and answer an OPTIONS request with 2xx.
  func add(url: String?, events: [String]?, secretPrefix: String = "") async throws
    -> WebhookEndpoint
  {
    guard let url, !url.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: "url", message: "is required", isMissing: true))
    }
    let wanted = try Self.eventTypes(events)
    try await checkReachable(url)
    let endpoint = WebhookEndpoint(
      id: ResourceID(random: environment.random), accountId: account, url: url,
      events: wanted, secret: secretPrefix + WebhookSignature.newSecret(random: environment.random),
      createdAt: environment.clock.now().unixSeconds)
    try await environment.store.addWebhookEndpoint(endpoint)
    return endpoint
  }

  /// The account's endpoints, oldest first.
  func list() async throws -> [WebhookEndpoint] {
    try await environment.store.webhookEndpoints(account: account)
  }

  /// The endpoint, or `.notFound` naming the id as the client gave it.
  func endpoint(_ id: String?) async throws -> WebhookEndpoint {
    guard let id, !id.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: "endpoint_id", message: "is required", isMissing: true))
    }
    guard let resourceID = ResourceID(id),
      let endpoint = try await list().first(where: { $0.id == resourceID })
    else { throw ApplicationError.notFound(.webhookEndpoint, id: id) }
    return endpoint
  }

  func update(_ id: String?, _ change: Change) async throws -> WebhookEndpoint {
    var endpoint = try await endpoint(id)
    if let events = change.events { endpoint.events = try Self.eventTypes(events) }
    if let status = change.status {
      guard status == "enabled" || status == "disabled" else {
        throw ApplicationError.invalid(
          InvalidField(path: "status", message: "must be \"enabled\" or \"disabled\""))
      }
      endpoint.status = status
    }
    if let url = change.url, url != endpoint.url {
      try await checkReachable(url)
      endpoint.url = url
    }
    return try await save(endpoint)
  }

  /// A new secret; deliveries from now on are signed with it.
  func rotateSecret(_ id: String?, secretPrefix: String = "") async throws -> WebhookEndpoint {
    var endpoint = try await endpoint(id)
    endpoint.secret = secretPrefix + WebhookSignature.newSecret(random: environment.random)
    return try await save(endpoint)
  }

  func delete(_ id: String?) async throws {
    let endpoint = try await endpoint(id)
    guard
      try await environment.store.deleteWebhookEndpoint(
        id: endpoint.id, account: account, now: environment.clock.now())
    else { throw ApplicationError.notFound(.webhookEndpoint, id: endpoint.id.rawValue) }
  }

  /// The account's events with their attempts, newest first; one endpoint's when given.
  func deliveries(endpoint: ResourceID?, limit: Int) async throws -> [WebhookEventLog] {
    try await environment.store.webhookEventLog(account: account, endpoint: endpoint, limit: limit)
  }

  private func save(_ endpoint: WebhookEndpoint) async throws -> WebhookEndpoint {
    guard try await environment.store.updateWebhookEndpoint(endpoint) else {
      throw ApplicationError.notFound(.webhookEndpoint, id: endpoint.id.rawValue)
    }
    return endpoint
  }

  /// Empty or absent means every event. Any of HeyGen's event names is taken, those Orator
  /// never sends included; an unknown name is refused rather than never firing.
  static func eventTypes(_ names: [String]?) throws -> [WebhookEventType]? {
    guard let names, !names.isEmpty else { return nil }
    return try names.enumerated().map { index, name in
      guard let type = WebhookEventType(rawValue: name) else {
        let known = WebhookEventType.delivered.map(\.rawValue).joined(separator: ", ")
        throw ApplicationError.invalid(
          InvalidField(
            path: "events[\(index)]",
            message:
              "unknown event \"\(name)\"; any of HeyGen's event names is taken (Orator sends \(known))"
          ))
      }
      return type
    }
  }

  /// The URL must pass the outbound-address rule and answer an OPTIONS request with 2xx
  /// within the probe timeout, as HeyGen checks, so a typo is caught now rather than at
  /// delivery. Redirects are not followed: the address rule holds for the URL as given.
  private func checkReachable(_ url: String) async throws {
    do { try TextLength.check(url, limit: TextLength.url, at: "url") } catch {
      throw ApplicationError.invalid(error)
    }
    let status: UInt
    let timeout = environment.configuration.webhookProbeTimeout
    do {
      status = try await environment.fetcher.optionsStatus(url, field: "url", timeout: timeout)
    } catch let refused as InvalidField {
      throw ApplicationError.invalid(refused)
    } catch {
      throw ApplicationError.invalid(
        InvalidField(
          path: "url",
          message:
            "did not answer an OPTIONS request within \(String(format: "%g", timeout.timeInterval)) s (\(error))"
        ))
    }
    guard (200..<300).contains(status) else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "url", message: "answered OPTIONS with HTTP \(status); it must answer 2xx"))
    }
  }
}
