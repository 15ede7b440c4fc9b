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

  /// Whether `error` says the machine, not the video, is at fault.
  static func isResourceTrouble(_ error: any Error) -> Bool {
    if case .unavailable = error as? StoreError { return true }
    let text = "\(error)".lowercased()
    return ["no space left on device", "disk quota exceeded", "cannot allocate memory"]
      .contains { text.contains($0) }
  }
}
