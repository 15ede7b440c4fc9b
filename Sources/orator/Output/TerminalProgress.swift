import Foundation
import OratorKit
import OratorRender

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on standard error, shown only when it is a terminal, so scripts
/// and pipes get plain output.
final class TerminalProgress: @unchecked Sendable {
  /// How often a wait is redrawn between status reads, so the clock and the sweep keep moving
  /// while a poll is minutes apart.
  static let tick = Duration.milliseconds(250)

  private let lock = NSLock()
  private let enabled = isatty(STDERR_FILENO) != 0
  private var lastLine = ""
  private let started = ContinuousClock.now
  /// The state last reported by the server while waiting; nil when not waiting.
  private var waitingState: String?
  /// How far the server said the render is, when it said.
  private var waitingFraction: Double?
  /// The state last written as a line when standard error is not a terminal.
  private var loggedState: String?
  private var ticker: Task<Void, Never>?

  /// A render stage and how far it is.
  func show(_ progress: RenderProgress) {
    show(label: progress.stage.rawValue, fraction: progress.fraction)
  }

  /// A video being rendered on a server: its state, how far it is when the server says
  /// (the bar fills; otherwise it sweeps), and the time waited so far. Until ``finish()`` the
  /// line is redrawn every ``tick`` with the latest state. When standard error is not a
  /// terminal, each change of state is one plain line instead, for logs.
  func show(waitingFor state: String, fraction: Double? = nil) {
    guard enabled else {
      lock.withLock {
        guard state != loggedState else { return }
        loggedState = state
        FileHandle.standardError.write(Data("\(state)\n".utf8))
      }
      return
    }
    lock.withLock {
      waitingState = state
      waitingFraction = state == "processing" ? fraction : nil
      if ticker == nil {
        ticker = Task { [weak self] in
          while !Task.isCancelled {
            try? await Task.sleep(for: Self.tick)
            self?.redrawWait()
          }
        }
      }
    }
    redrawWait()
  }

  private func redrawWait() {
    let elapsed = Int((ContinuousClock.now - started).components.seconds)
    let clock = "\(elapsed / 60):\(String(format: "%02d", elapsed % 60))"
    lock.withLock {
      // `finish()` may have run since the tick woke up: then the line stays cleared.
      guard let state = waitingState else { return }
      write(line(label: state, fraction: waitingFraction, detail: clock))
    }
  }

  /// Bytes of a download.
  func show(_ download: DownloadProgress) {
    let megabytes = String(format: "%.1f MB", Double(download.bytesWritten) / 1_048_576)
    show(label: "download", fraction: download.fraction, detail: megabytes)
  }

  func show(label: String, fraction: Double?, detail: String? = nil) {
    guard enabled else { return }
    let line = line(label: label, fraction: fraction, detail: detail)
    lock.withLock { write(line) }
  }

  private func line(label: String, fraction: Double?, detail: String?) -> String {
    let width = 30
    let bar: String
    let suffix: String
    if let fraction {
      let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
      bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      suffix = "\(Int(fraction * 100))%" + (detail.map { "  \($0)" } ?? "")
    } else {
      // The sweep moves one cell a tick.
      let position = Int((ContinuousClock.now - started) / Self.tick) % (width - 4)
      bar =
        String(repeating: "░", count: position) + "████"
        + String(repeating: "░", count: width - 4 - position)
      suffix = detail ?? ""
    }
    return "\r\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(bar) \(suffix)"
  }

  /// Call with `lock` held.
  private func write(_ line: String) {
    guard line != lastLine else { return }
    lastLine = line
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() {
    guard enabled else { return }
    lock.withLock {
      ticker?.cancel()
      ticker = nil
      waitingState = nil
      waitingFraction = nil
      if !lastLine.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
      lastLine = ""
    }
  }
}
