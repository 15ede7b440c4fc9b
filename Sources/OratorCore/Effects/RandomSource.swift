import Synchronization

/// Where identifiers and API keys get their randomness. Injected so that tests can replay the
/// same ids; production uses the system's cryptographic generator.
public protocol RandomSource: Sendable {
  /// `count` random bytes.
  func bytes(_ count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure generator.
public struct SystemRandomSource: RandomSource {
  public init() {}

  public func bytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }
}

/// A repeatable sequence (SplitMix64) for tests: the same seed gives the same ids and keys.
/// Not for production: its output is predictable.
public final class SeededRandomSource: RandomSource {
  private let state: Mutex<UInt64>

  public init(seed: UInt64) {
    state = Mutex(seed)
  }

  public func bytes(_ count: Int) -> [UInt8] {
    state.withLock { state in
      var result: [UInt8] = []
      result.reserveCapacity(count)
      while result.count < count {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        for shift in stride(from: 0, to: 64, by: 8) where result.count < count {
          result.append(UInt8(truncatingIfNeeded: z >> UInt64(shift)))
        }
      }
      return result
    }
  }
}
