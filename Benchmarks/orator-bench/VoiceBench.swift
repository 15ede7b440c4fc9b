import Foundation
import HeyGenAPI
import OratorRender
import OratorTranslate

/// A hundred words of ordinary business English, with no numbers (a recognizer may write
/// them as digits, which would count as errors of the voice).
let voiceParagraph = """
  Good morning, and welcome to our team update. Over the last few months we have worked \
  closely with our partners to make the service simpler, faster and easier to trust. Many of \
  you asked for clearer reports, so every project now has a weekly summary that anyone can \
  read in a minute. We also moved our support desk to a new system, which answers most \
  questions within the hour. Next month we will visit several customers to learn what they \
  still find difficult. Please share your ideas with your manager, and thank you for all the \
  hard work this season.
  """

/// Piper against espeak-ng: intelligibility (word error rate of the Whisper sidecar's
/// transcript of each reading of the paragraph), Piper's speed (synthesis time ÷ audio
/// duration), and a ~`seconds` 1920×1080 video rendered with each voice, side by side.
func benchVoices(seconds: Double) async throws {
  let env = ProcessInfo.processInfo.environment
  var settings = SpeechSettings()
  settings.piperEnvironment = env["ORATOR_PIPER_VENV"] ?? ".venv-piper"
  guard let piper = settings.piper() else {
    print("voices: no Piper in \(settings.piperEnvironment); run scripts/setup-piper.sh")
    exit(1)
  }
  let clock = ContinuousClock()
  func wallSeconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
  let words = voiceParagraph.split(whereSeparator: \.isWhitespace).count
  // The sidecar starts and loads the voice once, as in a running server.
  let warm = try await clock.measure {
    _ = try await piper.synthesize("Warming up.", voiceID: "en-us-joe")
  }
  print(String(format: "voices: Piper sidecar start and voice load %.2f s", wallSeconds(warm)))

  // The paragraph sent a few sentences at a time, as the renderer does, one request at a
  // time (one core) and two at once (two cores).
  var joeTrack: SpeechTrack?
  let piperEngines = [1, 2].map {
    PiperSynthesizer(voices: piper.voices, sidecar: piper.sidecar, parallelRequests: $0)
  }
  for engine in piperEngines {
    let synthesis = try await clock.measure {
      joeTrack = try await engine.synthesize(voiceParagraph, voiceID: "en-us-joe")
    }
    let track = try require(joeTrack)
    print(
      String(
        format:
          "  Piper en-us-joe: %d words, %.1f s of speech in %.2f s → real-time factor %.3f (%d request(s) at once, %d thread each)",
        words, track.duration, wallSeconds(synthesis), wallSeconds(synthesis) / track.duration,
        engine.parallelRequests, settings.piperThreads))
  }
  let joe = try require(joeTrack)
  let espeak = try await EspeakSynthesizer.shared.synthesize(voiceParagraph, voiceID: "en-us-male")

  let asrEnvironment = URL(fileURLWithPath: env["ORATOR_ASR_VENV"] ?? ".venv-asr")
  if let whisper = WhisperSidecar(environment: asrEnvironment) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    for (name, track) in [("Piper en-us-joe", joe), ("espeak-ng en-us-male", espeak)] {
      let file = scratch.appendingPathComponent("\(UUID().uuidString).wav")
      try WAVFile.write(track, to: file.path)
      let transcript = try await whisper.recognizer.transcribe(audioAt: file, language: "en")
      let rate = wordErrorRate(reference: voiceParagraph, hypothesis: transcript.text)
      print(String(format: "  word error rate, %@: %.1f %%", name, rate * 100))
    }
    await whisper.stop()
  } else {
    print("  word error rate: skipped, no speech recognizer (run scripts/setup-asr.sh)")
  }

  // The same script, long enough for about `seconds` of espeak-ng speech, with each voice.
  let repeats = max(1, Int((seconds / espeak.duration).rounded()))
  let script = Array(repeating: voiceParagraph, count: repeats).joined(separator: " ")
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  // espeak-ng, and Piper speaking one request at a time and two at once.
  let contenders: [(name: String, voice: String, speech: any SpeechSynthesizer)] =
    [("espeak-ng", "en-us-male", EspeakSynthesizer.shared)]
    + piperEngines.map {
      ("Piper, \($0.parallelRequests) request(s) at once", "en-us-joe", $0)
    }
  var walls: [String: Double] = [:]
  var totals: [String: [Double]] = [:]
  // Alternating rounds: other work on the machine slows single runs, so each contender's
  // fastest run is compared, and the median shown beside it.
  let rounds = max(1, Int(env["ORATOR_BENCH_ROUNDS"] ?? "") ?? 2)
  for _ in 0..<rounds {
    for contender in contenders {
      let renderer = VideoRenderer(
        avatars: AvatarCatalogue.builtIn, speech: contender.speech,
        media: LocalMediaResolver(scratchDirectory: scratch.path))
      let request = VideoGenerateRequest(
        videoInputs: [
          VideoInput(
            character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
            voice: .text(TextVoice(voiceId: contender.voice, inputText: script)),
            background: .color("#F4F6FB"))
        ], dimension: Dimension(width: 1920, height: 1080))
      var rendered: RenderedVideo?
      let wall = try await clock.measure {
        rendered = try await renderer.render(
          request, to: scratch.appendingPathComponent("\(contender.voice).mp4").path)
      }
      let video = try require(rendered)
      walls[contender.name] = min(
        walls[contender.name] ?? .infinity, wallSeconds(wall) / video.duration)
      totals[contender.name, default: []].append(wallSeconds(wall))
      print(
        String(
          format: "  render 1920×1080 with %@: %.1f s of video in %.1f s (%.3f × real time)",
          contender.name, video.duration, wallSeconds(wall), wallSeconds(wall) / video.duration))
    }
  }
  func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
  // Each round's Piper render against that round's espeak-ng one, which ran beside it.
  if let espeakTotals = totals["espeak-ng"], let espeakRate = walls["espeak-ng"] {
    for contender in contenders.dropFirst() {
      guard let piperTotals = totals[contender.name], let piperRate = walls[contender.name]
      else { continue }
      let ratios = zip(piperTotals, espeakTotals).map { $0 / $1 }
      print(
        String(
          format:
            "  %@ ÷ espeak-ng, %d rounds: render time %.2f× min, %.2f× median, %.2f× max; fastest per second of video %.2f×%@",
          contender.name, rounds, ratios.min() ?? 0, median(ratios), ratios.max() ?? 0,
          piperRate / espeakRate,
          contender.name == contenders[1].name ? " (the default; target ≤ 1.3×)" : ""))
    }
  }
  await piper.sidecar.stop()
}

/// Word-level edit distance ÷ reference words, both lower-cased without punctuation.
func wordErrorRate(reference: String, hypothesis: String) -> Double {
  func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
      .map(String.init)
  }
  let r = words(reference)
  let h = words(hypothesis)
  guard !r.isEmpty else { return h.isEmpty ? 0 : 1 }
  var previous = Array(0...h.count)
  for i in 1...r.count {
    var current = [i] + [Int](repeating: 0, count: h.count)
    for j in stride(from: 1, through: h.count, by: 1) {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return Double(previous[h.count]) / Double(r.count)
}

/// A value that must be there.
func require<T>(_ value: T?, _ what: String = "a result") throws -> T {
  guard let value else { throw BenchError("\(what) is missing") }
  return value
}
