import Foundation
import OratorCore
import OratorRender

/// How long a worker waits before its next claim after renders failed for want of a resource
/// (a full disk, memory exhausted, the database unreachable): 15 s, doubling up to 10 minutes,
/// back to nothing after a render that did not fail that way.
struct ResourcePause {
  var first: Duration = .seconds(15)
  var longest: Duration = .seconds(600)
  private var next: Duration?

  /// The wait before the next claim, or nil to go on at once.
  mutating func after(resourceTrouble: Bool) -> Duration? {
    guard resourceTrouble else {
      next = nil
      return nil
    }
    let wait = next ?? first
    next = min(wait * 2, longest)
    return wait
  }

  /// How long a job that failed for want of a resource waits before its next attempt: a
  /// minute, then five, then twenty-five (an hour at most), time for an operator or a cleanup
  /// to free the disk, instead of spending every attempt within seconds.
  static func jobDelay(afterAttempt attempt: Int) -> Duration {
    var delay = Duration.seconds(60)
    for _ in 1..<max(1, attempt) { delay = min(delay * 5, .seconds(3600)) }
    return delay
  }

  /// Whether `error` says the machine, not the video, is at fault.
  static func isResourceTrouble(_ error: any Error) -> Bool {
    if case .unavailable = error as? StoreError { return true }
    let text = "\(error)".lowercased()
    return ["no space left on device", "disk quota exceeded", "cannot allocate memory"]
      .contains { text.contains($0) }
  }
}
