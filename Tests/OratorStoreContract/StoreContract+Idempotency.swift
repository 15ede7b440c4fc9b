import Foundation
import OratorCore
import Testing

extension StoreContract {
  /// One start wins among many callers on two stores; the answer is replayed (after a
  /// reopen too), a start that died is taken over, an old answer expires, an abandoned one
  /// runs again, and keys are scoped to account and endpoint.
  public func idempotencyKeysReplayAndExpire() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount()
    let other = try await fixture.makeAccount(name: "Grace")
    let stores = [fixture.store, try await fixture.reopened()]
    let key = IdempotencyKey(account: account.id, endpoint: "POST /v3/videos", key: "k-1")
    let day = Duration.seconds(86_400)
    let stale = Duration.seconds(600)

    let claims = try await withThrowingTaskGroup(of: IdempotencyClaim.self) { group in
      for caller in 0..<8 {
        let store = stores[caller % stores.count]
        group.addTask {
          try await store.beginIdempotentRequest(
            key, now: fixture.at(0), staleAfter: stale, keepFor: day)
        }
      }
      return try await group.reduce(into: [IdempotencyClaim]()) { $0.append($1) }
    }
    #expect(claims.filter { $0 == .started }.count == 1, "\(claims)")
    #expect(claims.filter { $0 == .inProgress }.count == 7, "\(claims)")

    let answer = Data(#"{"data":{"video_id":"v"}}"#.utf8)
    try await fixture.store.finishIdempotentRequest(key, status: 200, body: answer)
    let reopened = try await fixture.reopened()
    #expect(
      try await reopened.beginIdempotentRequest(
        key, now: fixture.at(3600), staleAfter: stale, keepFor: day)
        == .completed(status: 200, body: answer))
    // After a day the key is new again.
    #expect(
      try await reopened.beginIdempotentRequest(
        key, now: fixture.at(86_401), staleAfter: stale, keepFor: day) == .started)

    // Scoped: the same key on another endpoint or account is another request.
    let assetKey = IdempotencyKey(account: account.id, endpoint: "POST /v3/assets", key: "k-1")
    let theirKey = IdempotencyKey(account: other.id, endpoint: "POST /v3/videos", key: "k-1")
    for scoped in [assetKey, theirKey] {
      #expect(
        try await fixture.store.beginIdempotentRequest(
          scoped, now: fixture.at(0), staleAfter: stale, keepFor: day) == .started)
    }

    // A start whose caller died is taken over once it is stale; an abandoned one at once.
    #expect(
      try await fixture.store.beginIdempotentRequest(
        assetKey, now: fixture.at(60), staleAfter: stale, keepFor: day) == .inProgress)
    #expect(
      try await fixture.store.beginIdempotentRequest(
        assetKey, now: fixture.at(601), staleAfter: stale, keepFor: day) == .started)
    try await fixture.store.abandonIdempotentRequest(theirKey)
    #expect(
      try await fixture.store.beginIdempotentRequest(
        theirKey, now: fixture.at(1), staleAfter: stale, keepFor: day) == .started)
  }
}
