import Foundation
import OratorRender

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress bar on standard error, shown only when it is a terminal.
final class TerminalProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let enabled = isatty(STDERR_FILENO) != 0
  private var lastLine = ""

  func show(_ progress: RenderProgress) {
    guard enabled else { return }
    let width = 30
    let filled = Int((progress.fraction * Double(width)).rounded())
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line =
      "\r\(progress.stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(bar) \(Int(progress.fraction * 100))%"
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
