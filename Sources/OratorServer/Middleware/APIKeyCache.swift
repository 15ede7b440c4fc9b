import Foundation
import OratorCore
import Synchronization

/// Remembers which account a key hash belongs to for a moment, so that clients polling status
/// many times a second do not each cost a database read. A revoked key stops working within
/// `lifetime`; unknown keys are not remembered, so a new key works at once.
final class APIKeyCache: Sendable {
  private struct Entry {
    var account: Account
    var expires: ContinuousClock.Instant
  }

  private let entries = Mutex<[APIKeyHash: Entry]>([:])
  private let lifetime: Duration
  private let capacity: Int

  init(lifetime: Duration = .seconds(2), capacity: Int = 10_000) {
    self.lifetime = lifetime
    self.capacity = capacity
  }

  func account(for hash: APIKeyHash, lookUp: () async throws -> Account?) async throws -> Account? {
    let now = ContinuousClock.now
    if let entry = entries.withLock({ $0[hash] }), entry.expires > now { return entry.account }
    guard let account = try await lookUp() else {
      entries.withLock { _ = $0.removeValue(forKey: hash) }
      return nil
    }
    entries.withLock { cache in
      if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
      cache[hash] = Entry(account: account, expires: now + lifetime)
    }
    return account
  }
}
