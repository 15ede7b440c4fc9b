import Foundation
import HeyGenAPI

#if canImport(Glibc)
  import Glibc
#endif

/// Fills a canvas with successive frames of a background video, decoded by an ffmpeg child
/// process in the scene's timing (`play_style`) and fitted to the output size. When the clip
/// runs out (`once`, `freeze`) the canvas keeps its last frame.
///
/// Frames are read with blocking reads from the decoder's pipe: the render loop needs one frame
/// at a time, in order, and ffmpeg stays at most a pipe buffer ahead.
final class BackgroundVideo {
  private let process: Process
  private let output: FileHandle
  private let errors: Pipe
  private let canvas: FrameCanvas
  private let path: String
  private var buffer: [UInt8]
  private var finished = false

  private init(process: Process, output: Pipe, errors: Pipe, canvas: FrameCanvas, path: String) {
    self.process = process
    self.output = output.fileHandleForReading
    self.errors = errors
    self.canvas = canvas
    self.path = path
    buffer = [UInt8](repeating: 0, count: canvas.width * canvas.height * 4)
  }

  /// Starts decoding and reads the first frame into `canvas`.
  static func open(
    path: String, style: PlayStyle, fit: BackgroundFit, sceneDuration: Double, fps: Double,
    frameCount: Int, into canvas: FrameCanvas
  ) async throws -> BackgroundVideo {
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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["ffmpeg"] + FFmpeg.quietFlags + inputArguments + FFmpeg.userMediaInput + [
        "-i", path, "-an", "-vf", filter, "-frames:v", String(frames), "-f", "rawvideo", "pipe:1",
      ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let video = BackgroundVideo(
      process: process, output: output, errors: errors, canvas: canvas, path: path)
    guard try video.advance() else {
      video.close()
      throw FFmpegError(
        tool: "ffmpeg", message: "\(path) has no video frames: \(video.errorText())")
    }
    return video
  }

  /// Reads the next frame into the canvas; false once the clip has ended (the canvas keeps
  /// the last frame).
  @discardableResult
  func advance() throws -> Bool {
    guard !finished else { return false }
    let fd = output.fileDescriptor
    var filled = 0
    let count = buffer.count
    let complete = buffer.withUnsafeMutableBytes { raw -> Bool in
      while filled < count {
        let n = read(fd, raw.baseAddress! + filled, count - filled)
        if n > 0 {
          filled += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          return false
        }
      }
      return true
    }
    guard complete else {
      finished = true
      return false
    }
    BackgroundImage.flattenOntoBlack(buffer, into: canvas)
    return true
  }

  /// Waits for the decoder and reports its failure, if any.
  func finish() throws {
    close()
    guard process.terminationStatus == 0 || process.terminationReason == .uncaughtSignal else {
      throw FFmpegError(tool: "ffmpeg", message: "decoding \(path): \(errorText())")
    }
  }

  /// Stops the decoder (a scene may end before its clip does).
  func close() {
    if process.isRunning { process.terminate() }
    try? output.close()
    process.waitUntilExit()
  }

  private func errorText() -> String {
    FFmpeg.lastLine(String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))
  }
}
