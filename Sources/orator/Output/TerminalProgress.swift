import Foundation
import OratorKit
import OratorRender

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on standard error, shown only when it is a terminal, so scripts
/// and pipes get plain output.
final class TerminalProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let enabled = isatty(STDERR_FILENO) != 0
  private var lastLine = ""
  private let started = ContinuousClock.now

  /// A render stage and how far it is.
  func show(_ progress: RenderProgress) {
    show(label: progress.stage.rawValue, fraction: progress.fraction)
  }

  /// A video being rendered on a server: its state and the time waited so far (the API
  /// reports no percentage, so the bar sweeps instead of filling).
  func show(waitingFor state: String) {
    let elapsed = Int((ContinuousClock.now - started).components.seconds)
    show(
      label: state, fraction: nil, detail: "\(elapsed / 60):\(String(format: "%02d", elapsed % 60))"
    )
  }

  /// Bytes of a download.
  func show(_ download: DownloadProgress) {
    let megabytes = String(format: "%.1f MB", Double(download.bytesWritten) / 1_048_576)
    show(label: "download", fraction: download.fraction, detail: megabytes)
  }

  func show(label: String, fraction: Double?, detail: String? = nil) {
    guard enabled else { return }
    let width = 30
    let bar: String
    let suffix: String
    if let fraction {
      let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
      bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      suffix = "\(Int(fraction * 100))%" + (detail.map { "  \($0)" } ?? "")
    } else {
      let elapsed = (ContinuousClock.now - started).components.seconds
      let position = Int(elapsed) % (width - 4)
      bar =
        String(repeating: "░", count: position) + "████"
        + String(repeating: "░", count: width - 4 - position)
      suffix = detail ?? ""
    }
    let line = "\r\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(bar) \(suffix)"
    lock.withLock {
      guard line != lastLine else { return }
      lastLine = line
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  func finish() {
    guard enabled else { return }
    lock.withLock {
      if !lastLine.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
      lastLine = ""
    }
  }
}
