/// At most `limit` pieces of work at once, the rest waiting in order, up to `queueLimit` of
/// them; past that `run` throws `Full` at once. A finishing piece hands its slot straight to
/// the first waiter. Used where a request would otherwise start work on the cores that render
/// customers' videos (previews, text to speech).
actor WorkSlots {
  /// Every slot is taken and the queue is full.
  struct Full: Error {}

  private let limit: Int
  private let queueLimit: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(limit: Int, queueLimit: Int = .max) {
    self.limit = max(1, limit)
    self.queueLimit = max(0, queueLimit)
  }

  func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
    if running < limit {
      running += 1
    } else {
      guard waiting.count < queueLimit else { throw Full() }
      // The releasing piece hands its slot over, so `running` stays counted.
      await withCheckedContinuation { waiting.append($0) }
    }
    defer { release() }
    return try await work()
  }

  private func release() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
