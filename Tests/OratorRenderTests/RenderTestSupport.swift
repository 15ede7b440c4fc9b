import Foundation
import HeyGenAPI
import Subprocess

@testable import OratorRender

/// A scratch folder per test, removed afterwards.
struct ScratchFolder: ~Copyable {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "orator-test-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

/// What ffprobe and ffmpeg say about a rendered file: what a user would check.
enum MediaProbe {
  struct Stream: Decodable {
    var codecName: String
    var codecType: String
    var width: Int?
    var height: Int?
    var duration: String?
    var sampleRate: String?
    var pixFmt: String?
  }

  static func streams(_ path: String) async throws -> [Stream] {
    struct Output: Decodable { var streams: [Stream] }
    let result = try await Subprocess.run(
      .name("ffprobe"),
      arguments: [
        "-v", "error", "-show_entries",
        "stream=codec_name,codec_type,width,height,duration,sample_rate,pix_fmt", "-of", "json",
        path,
      ],
      output: .bytes(limit: 1 << 20))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Output.self, from: Data(result.standardOutput)).streams
  }

  /// Every frame as 8-bit luma (or RGB with `pixelFormat: "rgb24"`), scaled to `scale` (an
  /// ffmpeg `scale` filter's size) when given.
  static func frames(
    _ path: String, width: Int, height: Int, pixelFormat: String = "gray", scale: String? = nil
  ) async throws -> [[UInt8]] {
    let filter = scale.map { ["-vf", "scale=\($0):flags=area"] } ?? []
    let result = try await Subprocess.run(
      .name("ffmpeg"),
      arguments: Arguments(
        ["-v", "error", "-i", path] + filter + ["-f", "rawvideo", "-pix_fmt", pixelFormat, "-"]),
      output: .bytes(limit: 1 << 30))
    let bytesPerPixel = pixelFormat == "gray" ? 1 : 3
    let size = width * height * bytesPerPixel
    let bytes = result.standardOutput
    return stride(from: 0, to: bytes.count - size + 1, by: size).map {
      Array(bytes[$0..<$0 + size])
    }
  }

  /// The audio track as 16 kHz mono samples.
  static func audio(_ path: String) async throws -> [Int16] {
    let result = try await Subprocess.run(
      .name("ffmpeg"),
      arguments: [
        "-v", "error", "-i", path, "-vn", "-ac", "1", "-ar", "16000", "-f", "s16le", "-",
      ],
      output: .bytes(limit: 1 << 28))
    return result.standardOutput.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
  }

  static func run(_ tool: String, _ arguments: [String]) async throws {
    let result = try await Subprocess.run(
      .name(tool), arguments: Arguments(arguments), output: .discarded,
      error: .string(limit: 1 << 16))
    guard result.terminationStatus.isSuccess else {
      throw FFmpegError(tool: tool, message: result.standardError)
    }
  }
}

func rms(_ samples: ArraySlice<Int16>) -> Double {
  guard !samples.isEmpty else { return 0 }
  let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
  return (sum / Double(samples.count)).squareRoot()
}

func renderer(_ scratch: borrowing ScratchFolder) -> VideoRenderer {
  VideoRenderer(media: LocalMediaResolver(scratchDirectory: scratch.path))
}
