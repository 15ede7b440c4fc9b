/// How often a wait asks for a status: soon at first (short test videos finish in seconds),
/// then less and less often, so a long render does not cost thousands of calls.
public struct PollingSchedule: Sendable, Equatable {
  public var initialInterval: Duration
  /// Each interval is the last one times this.
  public var growth: Double
  public var maxInterval: Duration

  public init(
    initialInterval: Duration = .seconds(1), growth: Double = 1.5,
    maxInterval: Duration = .seconds(15)
  ) {
    self.initialInterval = initialInterval
    self.growth = max(1, growth)
    self.maxInterval = maxInterval
  }

  /// One second, then ×1.5 up to 15 s.
  public static let `default` = PollingSchedule()

  /// The wait after `interval`.
  func next(after interval: Duration) -> Duration {
    min(interval * growth, maxInterval)
  }
}
