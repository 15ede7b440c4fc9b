import Synchronization

/// How many in-process render workers are running, for `/readyz` and `/metrics`: a worker
/// counts from its start until it stops (or dies).
public final class WorkerCount: Sendable {
  private let count = Atomic<Int>(0)

  public init() {}

  var running: Int { count.load(ordering: .relaxed) }

  /// Counts the caller as a running worker for as long as `body` runs.
  func whileRunning(_ body: () async -> Void) async {
    count.add(1, ordering: .relaxed)
    defer { count.subtract(1, ordering: .relaxed) }
    await body()
  }
}
