import Dispatch
import Synchronization

/// Speech from espeak-ng, through its C library. The library has one global state, so there
/// is exactly one instance, `shared`; it speaks one request at a time on its own thread,
/// leaving Swift's concurrency threads free while it works.
public final class EspeakSynthesizer: SpeechSynthesizer {
  public static let shared = EspeakSynthesizer()

  /// espeak-ng's natural rate, used for `speed` 1.0.
  public static let wordsPerMinuteAtNormalSpeed = 175.0

  public let voices: [VoiceDescriptor]
  /// The sample rate of every track it produces (22050 Hz for espeak-ng).
  public let sampleRate: Int

  /// Nil when espeak-ng could not start; `startFailure` then says why.
  private let engine: Mutex<EspeakEngine?>
  private let startFailure: SpeechError?
  private let queue = DispatchQueue(label: "orator.speech.espeak")

  private init() {
    do {
      let engine = try EspeakEngine()
      sampleRate = engine.sampleRate
      voices = EspeakVoiceCatalog.voices(
        installed: engine.installedVoices(), variants: engine.installedVariants())
      self.engine = Mutex(engine)
      startFailure = nil
    } catch {
      sampleRate = 22050
      voices = []
      engine = Mutex(nil)
      startFailure = error
    }
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    let result = await withCheckedContinuation { continuation in
      queue.async {
        continuation.resume(
          returning: Result { () throws(SpeechError) -> SpeechTrack in
            try self.speakNow(text, voice: voice, speed: speed, pitch: pitch)
          })
      }
    }
    return try result.get()
  }

  /// Speaks on the calling thread, waiting for any other request first.
  private func speakNow(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    throws(SpeechError) -> SpeechTrack
  {
    guard voices.contains(where: { $0.id == voice.id && $0.engineVoice == voice.engineVoice })
    else { throw .unknownVoice(voice.id) }
    let script = SpeechScript(parsing: text)
    guard !script.isSilent else { throw .emptyText }

    let voiceName = voice.engineVoice + (voice.engineVariant.map { "+" + $0 } ?? "")
    let wordsPerMinute = Self.wordsPerMinute(speed: speed)
    let espeakPitch = Self.espeakPitch(pitch)
    let sampleRate = sampleRate
    let startFailure = startFailure

    return try engine.withLock { engine throws(SpeechError) -> SpeechTrack in
      guard let engine else { throw startFailure ?? .engineFailure("espeak-ng is not running") }
      var track = SpeechTrack(samples: [], sampleRate: sampleRate, words: [], phones: [])
      for (index, part) in script.parts.enumerated() {
        switch part {
        case .pause(let seconds):
          track = track.appending(.silence(duration: seconds, sampleRate: sampleRate))
        case .text(let text):
          let run = try engine.speak(
            text, voice: voiceName, wordsPerMinute: wordsPerMinute, pitch: espeakPitch)
          var spoken = Self.track(from: run, script: text, sampleRate: sampleRate)
          // A run always starts a sentence for espeak-ng; after a pause mid-sentence the
          // script's punctuation decides instead.
          if index > 0, !spoken.words.isEmpty {
            spoken.words[0].startsSentence = Self.endsSentence(script.parts[..<index])
          }
          track = track.appending(spoken)
        }
      }
      return track
    }
  }

  private static func track(from run: EspeakRun, script: String, sampleRate: Int) -> SpeechTrack {
    let duration = Double(run.samples.count) / Double(sampleRate)
    let phones = EspeakTiming.phones(from: run, duration: duration)
    let words = EspeakTiming.words(from: run, script: script, phones: phones, duration: duration)
    return SpeechTrack(samples: run.samples, sampleRate: sampleRate, words: words, phones: phones)
  }

  /// Whether the text before a pause ends a sentence (or there is no text before it).
  private static func endsSentence(_ parts: ArraySlice<SpeechScript.Part>) -> Bool {
    for part in parts.reversed() {
      guard case .text(let text) = part else { continue }
      guard let last = text.last(where: { !$0.isWhitespace && !"\"')”’»".contains($0) }) else {
        continue
      }
      return ".!?…。！？".contains(last)
    }
    return true
  }

  /// `speed` 1.0 is espeak-ng's natural 175 words per minute; the rate scales linearly and is
  /// kept within what espeak-ng accepts (80…450).
  static func wordsPerMinute(speed: Double) -> Int {
    let speed = speed.isFinite && speed > 0 ? speed : 1
    return Int((wordsPerMinuteAtNormalSpeed * speed).rounded()).clamped(to: 80...450)
  }

  /// The API's pitch −50…50 shifts espeak-ng's base pitch 0…100 around its default of 50.
  static func espeakPitch(_ pitch: Double) -> Int {
    let pitch = pitch.isFinite ? pitch : 0
    return Int((50 + pitch).rounded()).clamped(to: 0...100)
  }
}

extension Comparable {
  fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
    min(max(self, range.lowerBound), range.upperBound)
  }
}
