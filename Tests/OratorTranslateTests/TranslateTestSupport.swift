import Foundation
import OratorRender
import Subprocess
import Testing

@testable import OratorTranslate

/// A scratch folder per test, removed afterwards.
struct ScratchFolder: ~Copyable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-translate-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// The speech-recognition environment made by `scripts/setup-asr.sh`: `ORATOR_ASR_VENV`, else
/// `.venv-asr` in the package root.
enum ASREnvironment {
  static let directory: URL = {
    if let path = ProcessInfo.processInfo.environment["ORATOR_ASR_VENV"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.appendingPathComponent(".venv-asr")
  }()

  /// One sidecar for all tests (loading the model takes seconds); it exits with the test
  /// process.
  static let sidecar: WhisperSidecar? = WhisperSidecar(environment: directory, threads: 2)

  static var isInstalled: Bool { sidecar != nil }

  /// Why tests that need speech recognition are skipped.
  static let missingMessage: Comment =
    "speech recognition is not set up: run scripts/setup-asr.sh (or set ORATOR_ASR_VENV)"
}

/// Test media made with the real engines: espeak-ng speech, ffmpeg test pictures.
enum TestMedia {
  /// English speech of `sentences` with `pause` seconds between them, as 22.05 kHz WAV.
  static func speech(_ sentences: [String], pause: Double = 0.8, to file: URL) async throws
    -> Double
  {
    let markup = sentences.joined(separator: " <break time=\"\(pause)s\"/> ")
    let track = try await EspeakSynthesizer.shared.synthesize(markup, voiceID: "en-us-male")
    try WAVFile.write(track, to: file.path)
    return track.duration
  }

  /// A video of ffmpeg's test pattern lasting `seconds`, with `audio` from its start (padded
  /// with silence), encoded with `videoCodec` ("libx264" or "mpeg4").
  static func video(
    seconds: Double, audio: URL, videoCodec: String = "libx264", to file: URL
  ) async throws {
    try await FFmpeg.run([
      "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-i", audio.path,
      "-filter_complex", "[1:a]apad[a]", "-map", "0:v", "-map", "[a]",
      "-t", String(format: "%.2f", seconds), "-c:v", videoCodec, "-pix_fmt", "yuv420p",
      "-c:a", "aac", "-ar", "44100", file.path,
    ])
  }

  /// A video of `seconds` without any audio stream.
  static func silentPicture(seconds: Double, to file: URL) async throws {
    try await FFmpeg.run([
      "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", String(seconds),
      "-c:v", "libx264", "-pix_fmt", "yuv420p", file.path,
    ])
  }
}

/// What ffprobe says about a file: what a user would check.
enum MediaProbe {
  struct Stream: Decodable {
    var codecName: String
    var codecType: String
    var sampleRate: String?
  }

  static func streams(_ file: URL) async throws -> [Stream] {
    struct Output: Decodable { var streams: [Stream] }
    let json = try await FFmpeg.probe([
      "-show_entries", "stream=codec_name,codec_type,sample_rate", "-of", "json", file.path,
    ])
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Output.self, from: Data(json.utf8)).streams
  }
}

/// Lower-cased words without punctuation, for comparing what was said.
func words(_ text: String) -> [String] {
  text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
}
