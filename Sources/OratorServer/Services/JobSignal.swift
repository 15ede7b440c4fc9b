import Synchronization

/// A doorbell between the API and in-process workers: `ring` after queueing a job; `wait`
/// returns on the next ring or after the timeout (workers also poll, for jobs queued by other
/// processes and for retries whose backoff has passed).
public final class JobSignal: Sendable {
  private struct Waiters {
    var next = 0
    var continuations: [Int: CheckedContinuation<Void, Never>] = [:]
  }

  private let waiters = Mutex(Waiters())

  public init() {}

  public func ring() {
    let pending = waiters.withLock { state in
      defer { state.continuations.removeAll() }
      return Array(state.continuations.values)
    }
    for continuation in pending { continuation.resume() }
  }

  public func wait(timeout: Duration) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let id = waiters.withLock { state in
        state.next += 1
        state.continuations[state.next] = continuation
        return state.next
      }
      Task { [self] in
        try? await Task.sleep(for: timeout)
        let expired = waiters.withLock { $0.continuations.removeValue(forKey: id) }
        expired?.resume()
      }
    }
  }
}
