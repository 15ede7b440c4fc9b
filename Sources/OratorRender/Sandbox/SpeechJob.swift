/// One piece of speech made in a render process: what dubbing asks of the speech engine for
/// each translated sentence, text that came from a user's video.
public struct SpeechJob: Codable, Sendable, Equatable {
  public var text: String
  public var voiceID: String
  public var speed: Double
  public var pitch: Double

  public init(text: String, voiceID: String, speed: Double, pitch: Double) {
    self.text = text
    self.voiceID = voiceID
    self.speed = speed
    self.pitch = pitch
  }
}

/// What a speech job reports back.
public enum SpeechJobOutcome: Codable, Sendable {
  case spoken(SpeechTrack)
  case refused(SpeechError)
}

/// A speech engine whose every espeak-ng synthesis runs in a render process of its own
/// (`RenderSandbox`), under the same limits as renders: a crash in the engine's C library fails
/// that sentence, never the server. Voices of engines that already run outside Orator's
/// process (Piper, a speech server) are spoken by `engines` directly.
public struct IsolatedSpeechSynthesizer: SpeechSynthesizer {
  public let voices: [VoiceDescriptor]
  let engines: any SpeechSynthesizer
  let sandbox: RenderSandbox
  /// Where each job's files are written (and removed after).
  let scratch: String

  public init(engines: any SpeechSynthesizer, sandbox: RenderSandbox, scratch: String) {
    self.voices = engines.voices
    self.engines = engines
    self.sandbox = sandbox
    self.scratch = scratch
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    guard voice.engine == .espeak else {
      return try await engines.synthesize(text, voice: voice, speed: speed, pitch: pitch)
    }
    let job = SpeechJob(text: text, voiceID: voice.id, speed: speed, pitch: pitch)
    do {
      return try await sandbox.speak(job, scratch: scratch)
    } catch .speech(let error) {
      throw error
    } catch {
      throw .engineFailure(error.description)
    }
  }
}
