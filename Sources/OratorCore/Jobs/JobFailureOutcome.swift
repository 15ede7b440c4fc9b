/// What `Store.failJob` did with a failed attempt.
public enum JobFailureOutcome: Sendable, Equatable {
  /// Queued again; it runs from `runAfter` (Unix seconds).
  case retryScheduled(runAfter: Int)
  /// No attempts left (or not retryable): the video is failed and its credit released.
  case videoFailed
  /// The lease no longer holds (taken over, or the video deleted): nothing was changed.
  case leaseLost
}
