import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import OratorCore
import ServiceLifecycle
import Synchronization

/// Sends the outbox: claims due events, POSTs each with a timeout, records the attempt, and
/// either marks it delivered or schedules the next try. Events are claimed under a hold in the
/// store, so several dispatchers (in one or several processes) share the work without sending
/// an event twice; one whose dispatcher died is picked up when the hold ends.
struct WebhookDispatcher: Service {
  let environment: ServerEnvironment
  let logger: Logger

  func run() async throws {
    await cancelWhenGracefulShutdown { await loop() }
  }

  /// Deliveries in flight at once. Each finished one frees its slot for the next due event,
  /// so a receiver that takes its whole timeout never holds back the others.
  static let concurrentDeliveries = 16

  private func loop() async {
    // The hold outlasts the timeout, so a slow receiver is never sent the event twice at once.
    let hold = environment.configuration.webhookTimeout + .seconds(5)
    let inFlight = DeliverySlots()
    await withDiscardingTaskGroup { group in
      while !Task.isCancelled {
        let free = Self.concurrentDeliveries - inFlight.count
        if free <= 0 {
          try? await Task.sleep(for: .milliseconds(50))
          continue
        }
        let claimed: [WebhookDelivery]
        do {
          claimed = try await environment.store.claimWebhookEvents(
            limit: free, leaseFor: hold, now: environment.clock.now())
        } catch {
          logger.error("webhook claim failed", metadata: ["error": "\(error)"])
          try? await Task.sleep(for: .seconds(1))
          continue
        }
        if claimed.isEmpty {
          try? await Task.sleep(for: .milliseconds(250))
          continue
        }
        for delivery in claimed {
          inFlight.take()
          group.addTask {
            await deliver(delivery)
            inFlight.release()
          }
        }
      }
    }
  }

  private func deliver(_ delivery: WebhookDelivery) async {
    let event = delivery.event
    let started = ContinuousClock.now
    let at = environment.clock.now().unixSeconds
    var statusCode: Int?
    var failure: String?
    do {
      let body = try WebhookEventBody(environment: environment).render(event, sentAt: at)
      var request = HTTPClientRequest(url: delivery.url)
      request.method = .POST
      request.headers.add(name: "Content-Type", value: "application/json")
      request.headers.add(name: "User-Agent", value: "Orator-Webhooks")
      if let secret = delivery.secret {
        request.headers.add(
          name: "Signature", value: WebhookSignature.sign(body: body, secret: secret))
      }
      request.body = .bytes(ByteBuffer(bytes: body))
      // The address check is part of the timeout, so a slow resolver cannot outlast the hold.
      // Not following redirects: a public receiver must not bounce the signed event to an
      // address the rule refuses.
      let timeout = environment.configuration.webhookTimeout
      let response = try await environment.fetcher.send(
        request, field: "url",
        deadline: .now() + .milliseconds(Int64(timeout.timeInterval * 1000)))
      statusCode = Int(response.status.code)
      // Read (and drop) a little of the answer so the connection can be reused.
      _ = try? await response.body.collect(upTo: 64 << 10)
    } catch let error as InvalidField {
      failure = error.message
    } catch {
      failure = "\(error)"
    }
    let elapsed = ContinuousClock.now - started
    let attempt = DeliveryAttempt(
      at: at, statusCode: statusCode,
      error: failure ?? statusCode.flatMap { (200..<300).contains($0) ? nil : "HTTP \($0)" },
      durationMilliseconds: Int(elapsed.timeInterval * 1000))
    let outcome: DeliveryOutcome =
      attempt.succeeded
      ? .delivered
      : environment.configuration.webhookRetry.outcome(
        afterFailedAttempt: event.attempts + 1, createdAt: event.createdAt,
        now: environment.clock.now().unixSeconds)
    ServiceMetrics.webhookDelivery(delivered: attempt.succeeded)
    if outcome == .gaveUp { ServiceMetrics.webhookGaveUp() }
    logger.info(
      "webhook attempt",
      metadata: [
        "event": "\(event.type.rawValue)", "id": "\(event.id)", "url": "\(delivery.url)",
        "status": "\(statusCode.map(String.init) ?? failure ?? "-")", "outcome": "\(outcome)",
      ])
    do {
      try await environment.store.recordDeliveryAttempt(
        eventId: event.id, attempt: attempt, outcome: outcome)
    } catch {
      // The hold ends and the event is sent again: at least once, never silently dropped.
      logger.error("webhook attempt not recorded", metadata: ["error": "\(error)"])
    }
  }
}

/// How many deliveries are running, shared between the claiming loop and the deliveries.
private final class DeliverySlots: Sendable {
  private let taken = Mutex(0)

  var count: Int { taken.withLock { $0 } }
  func take() { taken.withLock { $0 += 1 } }
  func release() { taken.withLock { $0 -= 1 } }
}
