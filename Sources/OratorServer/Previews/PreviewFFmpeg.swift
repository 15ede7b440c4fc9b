import Foundation

/// A failure making a preview file, with what the tool said.
struct PreviewError: Error, CustomStringConvertible {
  var description: String
}

/// Runs ffmpeg (Debian's `ffmpeg` package) to encode preview files: PNG to JPEG, WAV to MP3.
enum PreviewFFmpeg {
  static func run(_ arguments: [String]) async throws(PreviewError) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Void, any Error>) in
        process.terminationHandler = { _ in continuation.resume() }
        do {
          try process.run()
        } catch {
          process.terminationHandler = nil
          continuation.resume(throwing: error)
        }
      }
    } catch {
      throw PreviewError(description: "could not run ffmpeg: \(error)")
    }
    // With `-loglevel error` ffmpeg prints a few lines at most, so the pipe never fills.
    let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    guard process.terminationStatus == 0 else {
      let last = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? "failed"
      throw PreviewError(description: "ffmpeg: \(last)")
    }
  }
}
