import Foundation
import OratorRender
import OratorTranslate

/// Dubs a ~`seconds` English test video into Spanish with the built-in engines and prints
/// wall time ÷ video duration, with the time of each stage. The speech-recognition sidecar is
/// started (and its model loaded) before the clock starts, as in a running server.
func benchTranslate(seconds: Double) async throws {
  let environment = URL(
    fileURLWithPath: ProcessInfo.processInfo.environment["ORATOR_ASR_VENV"] ?? ".venv-asr")
  let cores = ProcessInfo.processInfo.activeProcessorCount
  guard let sidecar = WhisperSidecar(environment: environment, threads: cores) else {
    print("translate: no speech recognizer in \(environment.path); run scripts/setup-asr.sh")
    exit(1)
  }
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }

  // English speech with pauses between sentences, repeated to about `seconds`.
  let sentences = paragraph.split(separator: ".").map {
    $0.trimmingCharacters(in: .whitespaces) + "."
  }.filter { $0.count > 1 }
  let once = sentences.joined(separator: " <break time=\"0.7s\"/> ")
  let onceTrack = try await EspeakSynthesizer.shared.synthesize(once, voiceID: "en-us-male")
  let repeats = max(1, Int((seconds / onceTrack.duration).rounded()))
  let script = Array(repeating: once, count: repeats).joined(separator: " <break time=\"0.7s\"/> ")
  let speech = try await EspeakSynthesizer.shared.synthesize(script, voiceID: "en-us-male")
  let speechFile = scratch.appendingPathComponent("speech.wav")
  try WAVFile.write(speech, to: speechFile.path)
  let input = scratch.appendingPathComponent("input.mp4")
  let length = speech.duration + 0.5
  try await FFmpeg.run([
    "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25", "-i", speechFile.path,
    "-filter_complex", "[1:a]apad[a]", "-map", "0:v", "-map", "[a]",
    "-t", String(format: "%.2f", length), "-c:v", "libx264", "-preset", "veryfast",
    "-pix_fmt", "yuv420p", "-c:a", "aac", input.path,
  ])

  let clock = ContinuousClock()
  let loadTime = try await clock.measure { _ = try await sidecar.baseURL() }
  let dubber = ExternalVideoDubber(
    engines: TranslationEngines(
      translator: ApertiumTranslator(), recognizer: sidecar.recognizer,
      voices: EspeakSynthesizer.shared.voices),
    synthesizer: EspeakSynthesizer.shared)
  let spanish = TranslationLanguage(name: "Spanish", code: "es")
  let start = clock.now
  let dubbed = try await dubber.dub(
    input, to: spanish, options: DubOptions(), into: scratch.appendingPathComponent("out"))
  let elapsed = clock.now - start
  await sidecar.stop()

  let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let load = Double(loadTime.components.seconds) + Double(loadTime.components.attoseconds) / 1e18
  print(
    "translate: \(String(format: "%.1f", length)) s English video (1280×720 H.264) → Spanish, "
      + "Whisper base int8 + Apertium + espeak-ng, \(cores) cores")
  print(
    String(
      format: "  %.1f s of video dubbed in %.1f s → wall time ÷ duration = %.3f",
      dubbed.duration, wall, wall / length))
  let stages = dubbed.stages
  for (name, value) in [
    ("extract", stages.extract), ("ASR", stages.recognition), ("MT", stages.translation),
    ("TTS", stages.speech), ("fit", stages.fitting), ("mux", stages.muxing),
  ] {
    let label = name.padding(toLength: 8, withPad: " ", startingAt: 0)
    print("    " + label + String(format: "%6.2f s  (%.3f × duration)", value, value / length))
  }
  print(
    String(
      format: "  sidecar start (model load, not counted): %.1f s; %d sentences, output %.2f s",
      load, dubbed.translatedSegments.count, dubbed.duration))
  // Whisper's word count against the script's shows that nothing was skipped.
  let spoken = speech.words.count
  let heard = dubbed.transcript.segments.reduce(0) { $0 + $1.words.count }
  print("  recognised \(heard) words of \(spoken) spoken")
}
