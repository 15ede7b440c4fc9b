import Foundation
import HTTPTypes
import Hummingbird
import OratorCore

/// `Idempotency-Key` on creating endpoints: a repeat within 24 hours replays the first
/// answer, a repeat while the first is still running is refused with 409
/// `request_in_progress`. Answers live in the store, so they hold across a restart and
/// across API nodes. A request that fails is forgotten, so its repeat runs again.
struct IdempotentRequests: Sendable {
  let store: any Store
  let clock: WallClock
  /// How long an answer is replayed.
  var keepFor: Duration = .seconds(24 * 3600)
  /// A start older than this belongs to a request whose server died: it is run again.
  var staleAfter: Duration = .seconds(10 * 60)

  static let header = HTTPField.Name("Idempotency-Key")!

  func answer(
    _ request: Request, account: ResourceID, endpoint: String,
    _ work: () async throws -> JSONReply
  ) async throws -> Response {
    guard let given = request.headers[Self.header] else { return try await work().response }
    guard IdempotencyKey.isValid(given) else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "Idempotency-Key",
          message: "must be 1 to 255 characters of letters, digits, '_', ':', '.' and '-'"))
    }
    let key = IdempotencyKey(account: account, endpoint: endpoint, key: given)
    switch try await store.beginIdempotentRequest(
      key, now: clock.now(), staleAfter: staleAfter, keepFor: keepFor)
    {
    case .inProgress:
      throw ApplicationError.requestInProgress
    case .completed(let status, let body):
      var replay = JSONReply(status: .init(code: status), body: body).response
      replay.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
      return replay
    case .started:
      break
    }
    let reply: JSONReply
    do {
      reply = try await work()
    } catch {
      try? await store.abandonIdempotentRequest(key)
      throw error
    }
    try await store.finishIdempotentRequest(key, status: reply.status.code, body: reply.body)
    return reply.response
  }
}
