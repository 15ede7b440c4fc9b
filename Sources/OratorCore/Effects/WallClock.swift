import Foundation
import Synchronization

/// The current time, injected so that expiry, leases and timestamps can be tested without
/// waiting. Services take a `WallClock`; the `Store` takes explicit `now` values instead.
public struct WallClock: Sendable {
  public var now: @Sendable () -> Date

  public init(now: @escaping @Sendable () -> Date) {
    self.now = now
  }

  public static let system = WallClock { Date() }

  /// A clock stopped at one instant.
  public static func fixed(_ date: Date) -> WallClock {
    WallClock { date }
  }
}

/// A clock a test moves by hand.
public final class ManualClock: Sendable {
  private let current: Mutex<Date>

  public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
    current = Mutex(start)
  }

  public var now: Date { current.withLock { $0 } }

  public func advance(by duration: Duration) {
    current.withLock { $0 += duration.timeInterval }
  }

  public var wallClock: WallClock {
    WallClock { [self] in now }
  }
}
