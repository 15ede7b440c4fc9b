import Foundation
import Testing

/// The Piper and speech-recognition environments of this checkout (`scripts/setup-piper.sh`,
/// `scripts/setup-asr.sh`).
private enum Sidecars {
  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let piper = checkout.appendingPathComponent(".venv-piper")
  static let joe = piper.appendingPathComponent("voices/en_US-joe-medium.onnx")
  static let asr = checkout.appendingPathComponent(".venv-asr")
  static var installed: Bool {
    FileManager.default.fileExists(atPath: joe.path + ".json")
      && FileManager.default.fileExists(
        atPath: asr.appendingPathComponent("models/whisper-base/model.bin").path)
  }
  static let skipReason: Comment =
    "Piper or the speech recognizer is not installed: run scripts/setup-piper.sh and scripts/setup-asr.sh"
}

/// A real OpenAI-compatible speech server on loopback: Orator's Piper sidecar script, which
/// also answers `/v1/audio/speech`, started here as a process of its own.
private final class SpeechServer {
  let process = Process()
  let input = Pipe()
  let port: Int

  init(voice name: String, model: URL, cache: URL) throws {
    let output = Pipe()
    process.executableURL = Sidecars.piper.appendingPathComponent("bin/python")
    process.arguments = [
      Sidecars.checkout.appendingPathComponent(
        "Sources/OratorRender/Speech/Piper/Sidecar/piper_server.py"
      ).path, "--cache", cache.path, "--voice", "\(name)=\(model.path)",
    ]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // The first line is `listening <port>`.
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty,
      byte != Data("\n".utf8)
    {
      line.append(byte)
    }
    let words = String(decoding: line, as: UTF8.self).split(separator: " ")
    guard words.first == "listening", let port = words.last.flatMap({ Int($0) }) else {
      process.terminate()
      throw SpeechServerError(description: "the speech server did not start: \(words)")
    }
    self.port = port
  }

  /// Closing its standard input is what stops it.
  func stop() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}

private struct SpeechServerError: Error, CustomStringConvertible {
  var description: String
}

extension RenderCommandTests {
  /// Numbers take far longer to say than to write, so captions timed in proportion to the
  /// letters put the second sentence seconds early; aligned to what was heard, they do not.
  /// (The second sentence runs on: a recognizer times the very last words of a recording
  /// loosely.)
  static let numbersScript =
    "Sales were 1,250,000 in 1999, 3,750,000 in 2013 and 7,125,000 in 2024. "
    + "Thanks for watching, and see you all again next month."

  @Test(
    "A speech server's captions are aligned by the speech recognizer, as the server aligns them",
    .enabled(if: Sidecars.installed, Sidecars.skipReason))
  func speechServerCaptionsAligned() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The speech server speaks with Piper's Joe, so Orator's own Piper engine, which knows
    // exactly when each word is said, gives the times to match.
    let server = try SpeechServer(
      voice: "bob", model: Sidecars.joe, cache: directory.appendingPathComponent("cache"))
    defer { server.stop() }
    for voice in ["en-us-joe", "en-us-bob"] {
      try write(
        """
        {"video_inputs":[{"character":{"type":"avatar","avatar_id":"daniel_charcoal_suit"},
          "voice":{"type":"text","input_text":"\(Self.numbersScript)","voice_id":"\(voice)"},
          "background":{"type":"color","value":"#FAFAFA"}}],
         "dimension":{"width":320,"height":180}}
        """, to: directory.appendingPathComponent("\(voice).json"))
    }
    let speechOptions = [
      "--speech-url", "http://127.0.0.1:\(server.port)", "--speech-voices", "bob:en-US:male",
      "--speech-model", "piper",
    ]
    func thanksStart(_ voice: String, output: String, asr: URL) throws -> Double {
      let run = try orator(
        ["render", "\(voice).json", "-o", "\(output).mp4"] + speechOptions, in: directory,
        environment: ["ORATOR_ASR_VENV": asr.path])
      #expect(run.status == 0, "\(run.stderr)")
      let srt = try String(
        contentsOf: directory.appendingPathComponent("\(output).srt"), encoding: .utf8)
      return try #require(Self.cueStart(beginning: "Thanks", in: srt), "\(srt)")
    }
    let spoken = try thanksStart("en-us-joe", output: "piper", asr: Sidecars.asr)
    let aligned = try thanksStart("en-us-bob", output: "aligned", asr: Sidecars.asr)
    // Without a recognizer (no environment there) the captions fall back to proportion.
    let proportional = try thanksStart(
      "en-us-bob", output: "proportional", asr: directory.appendingPathComponent("no-asr"))
    // Within about a word: Piper's own times start a sentence with the silence before it,
    // and the recognizer's start at the sound, a few tenths of a second apart.
    #expect(abs(aligned - spoken) < 0.75, "aligned \(aligned) s, spoken at \(spoken) s")
    // The check above can tell: proportion is seconds off on this script.
    #expect(abs(proportional - spoken) > 2, "proportional \(proportional) s, spoken \(spoken) s")
  }

  /// The start, in seconds, of the first SubRip cue whose text begins with `word`.
  static func cueStart(beginning word: String, in srt: String) -> Double? {
    let blocks = srt.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
    for block in blocks {
      let lines = block.split(separator: "\n").map(String.init)
      guard lines.count >= 3, lines[2].hasPrefix(word),
        let start = lines[1].components(separatedBy: " --> ").first
      else { continue }
      let parts = start.replacingOccurrences(of: ",", with: ".").split(separator: ":")
      guard parts.count == 3, let h = Double(parts[0]), let m = Double(parts[1]),
        let s = Double(parts[2])
      else { return nil }
      return h * 3600 + m * 60 + s
    }
    return nil
  }
}
