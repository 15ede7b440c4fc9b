/// Where a render job is in the queue.
public enum JobState: String, Sendable, Codable, CaseIterable {
  /// Waiting for a worker (from `runAfter` on).
  case queued
  /// A worker holds a lease on it.
  case leased
  case completed
  /// Out of attempts, or failed in a way retrying cannot fix.
  case failed
  /// Its video was deleted.
  case cancelled
}
