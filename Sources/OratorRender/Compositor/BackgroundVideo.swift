import Foundation
import HeyGenAPI
import Subprocess

/// Fills a canvas with successive frames of a background video, decoded by ffmpeg in the
/// scene's timing (`play_style`) and fitted to the output size. When the clip runs out
/// (`once`, `freeze`) the canvas keeps its last frame.
struct BackgroundVideoFrames: ~Copyable {
  fileprivate var iterator: SubprocessOutputSequence.Iterator
  fileprivate var pending: [UInt8] = []
  fileprivate var finished = false
  let canvas: FrameCanvas

  /// Decodes the next frame into the canvas; returns false once the clip has ended.
  @discardableResult
  mutating func advance() async throws -> Bool {
    guard !finished else { return false }
    let frameBytes = canvas.width * canvas.height * 4
    while pending.count < frameBytes {
      guard let buffer = try await iterator.next() else {
        finished = true
        return false
      }
      buffer.withUnsafeBytes { pending.append(contentsOf: $0) }
    }
    BackgroundImage.flattenOntoBlack(Array(pending[0..<frameBytes]), into: canvas)
    pending.removeFirst(frameBytes)
    return true
  }
}

enum BackgroundVideo {
  static func play(
    path: String, style: PlayStyle, fit: BackgroundFit, sceneDuration: Double, fps: Double,
    frameCount: Int, into canvas: FrameCanvas,
    body: (inout BackgroundVideoFrames) async throws -> Void
  ) async throws {
    var inputArguments: [String] = []
    var timing = ""
    var frames = frameCount
    switch style {
    case .loop:
      inputArguments = ["-stream_loop", "-1"]
    case .freeze:
      frames = 1
    case .once, .fullVideo:
      break
    case .fitToScene:
      let clip = try await FFmpeg.duration(of: path)
      timing = "setpts=PTS*\(String(format: "%.6f", sceneDuration / clip)),"
    }
    let filter =
      timing + "fps=\(VideoEncoder.fpsString(fps)),"
      + BackgroundImage.fitFilter(fit, width: canvas.width, height: canvas.height) + ",format=bgra"
    let arguments =
      FFmpeg.quietFlags + inputArguments + [
        "-i", path, "-an", "-vf", filter, "-frames:v", String(frames), "-f", "rawvideo", "pipe:1",
      ]
    let result = try await Subprocess.run(
      .name("ffmpeg"), arguments: Arguments(arguments), input: .none, output: .sequence,
      error: .string(limit: 1 << 16)
    ) { execution in
      var reader = BackgroundVideoFrames(
        iterator: execution.standardOutput.makeAsyncIterator(), canvas: canvas)
      guard try await reader.advance() else {
        throw FFmpegError(tool: "ffmpeg", message: "\(path) has no video frames")
      }
      try await body(&reader)
      // Drain what is left so ffmpeg is not blocked writing when the scene ends early.
      while try await reader.iterator.next() != nil {}
    }
    guard result.terminationStatus.isSuccess else {
      throw FFmpegError(tool: "ffmpeg", message: FFmpeg.lastLine(result.standardError))
    }
  }
}
