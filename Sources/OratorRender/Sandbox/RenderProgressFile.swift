import Foundation
import Synchronization

/// How a render process tells the worker that started it how far it is: one number, 0…1,
/// in a small file in the render's scratch folder, replaced whole on each write so a reader
/// never sees half of one. A file rather than a pipe keeps the render process's only outputs
/// its files, and lets the worker read it whenever it reports, however often that is.
public enum RenderProgressFile {
  /// The file in a render's scratch folder.
  public static func path(inScratch scratch: String) -> String {
    (scratch as NSString).appendingPathComponent("progress")
  }

  /// The last fraction written, or nil when there is none (not started, or unreadable).
  public static func read(_ path: String) -> Double? {
    guard let data = FileManager.default.contents(atPath: path),
      let value = Double(String(decoding: data, as: UTF8.self)), value.isFinite
    else { return nil }
    return min(max(value, 0), 1)
  }

  /// A progress callback that writes the overall fraction to `path`, at most every
  /// `interval` and whenever a stage ends, so a render's thousands of frame reports cost a
  /// handful of writes. It never writes less than the file already held: the serving process
  /// reports the speech it makes, then the render process carries on from there.
  public static func writer(to path: String, interval: Duration = .milliseconds(500))
    -> @Sendable (RenderProgress) -> Void
  {
    let last = Mutex<(at: ContinuousClock.Instant?, value: Double)>((nil, read(path) ?? -1))
    return { progress in
      let value = progress.overall
      let now = ContinuousClock.now
      let due = last.withLock { state -> Bool in
        let stale = state.at.map { now - $0 >= interval } ?? true
        guard value > state.value && (stale || progress.fraction >= 1) else { return false }
        state = (now, value)
        return true
      }
      guard due else { return }
      try? Data(String(format: "%.4f", value).utf8).write(
        to: URL(fileURLWithPath: path), options: .atomic)
    }
  }
}

extension RenderProgress {
  /// The whole render's fraction: each stage's share weighted by what it usually costs
  /// (drawing and encoding the frames dominates).
  public var overall: Double {
    let (start, share): (Double, Double) =
      switch stage {
      case .preparing: (0, 0.05)
      case .speech: (0.05, 0.15)
      case .frames: (0.2, 0.7)
      case .previews: (0.9, 0.07)
      case .captions: (0.97, 0.03)
      }
    return start + share * min(max(fraction, 0), 1)
  }
}
