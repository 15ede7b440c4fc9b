/// Wall-clock seconds each stage of a dub took, for logs and the benchmark.
public struct DubStageTimes: Sendable, Equatable {
  /// Probing the input and extracting its audio.
  public var extract = 0.0
  /// Speech recognition.
  public var recognition = 0.0
  /// Machine translation.
  public var translation = 0.0
  /// Speech synthesis (every attempt at a rate).
  public var speech = 0.0
  /// Tempo changes and assembling the dubbed track.
  public var fitting = 0.0
  /// Writing the video, captions and burned-in copy.
  public var muxing = 0.0

  public init() {}

  public var total: Double { extract + recognition + translation + speech + fitting + muxing }
}

/// Measures stages with a monotonic clock.
struct StageClock {
  private let clock = ContinuousClock()
  private var mark: ContinuousClock.Instant

  init() { mark = clock.now }

  /// Seconds since the previous lap (or the start).
  mutating func lap() -> Double {
    let now = clock.now
    let elapsed = now - mark
    mark = now
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
