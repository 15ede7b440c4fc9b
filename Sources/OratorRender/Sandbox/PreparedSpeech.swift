import Foundation

/// Speech made before a render process starts: the scenes spoken by a speech server are
/// synthesised by the serving process and handed to the render as WAV files with their
/// timings. espeak-ng, a C library, speaks in the render process itself, and so does Piper
/// when the render process is given the serving process's sidecar (`RenderJob.piper`), so
/// that its frames are drawn while it speaks.
public struct PreparedSpeech: Codable, Sendable, Equatable {
  /// What was asked for…
  public var text: String
  public var voice: VoiceDescriptor
  public var speed: Double
  public var pitch: Double
  /// …and what came of it: the samples in a WAV file, and the timings.
  public var audioPath: String
  public var words: [TimedWord]
  public var phones: [TimedPhone]

  public init(
    text: String, voice: VoiceDescriptor, speed: Double, pitch: Double, audioPath: String,
    words: [TimedWord], phones: [TimedPhone]
  ) {
    self.text = text
    self.voice = voice
    self.speed = speed
    self.pitch = pitch
    self.audioPath = audioPath
    self.words = words
    self.phones = phones
  }

  func answers(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double) -> Bool {
    self.text == text && self.voice.id == voice.id && self.speed == speed && self.pitch == pitch
  }
}

/// The render process's speech: prepared speech where the serving process made it, `engine`
/// for everything else.
struct PreparedSpeechSynthesizer: SpeechSynthesizer {
  let prepared: [PreparedSpeech]
  let engine: any SpeechSynthesizer
  let voices: [VoiceDescriptor]

  init(prepared: [PreparedSpeech], engine: any SpeechSynthesizer) {
    self.prepared = prepared
    self.engine = engine
    var voices = engine.voices
    for entry in prepared where !voices.contains(where: { $0.id == entry.voice.id }) {
      voices.append(entry.voice)
    }
    self.voices = voices
  }

  func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    guard
      let entry = prepared.first(where: {
        $0.answers(text, voice: voice, speed: speed, pitch: pitch)
      })
    else {
      return try await engine.synthesize(text, voice: voice, speed: speed, pitch: pitch)
    }
    var track = try WAVFile.read(entry.audioPath)
    track.words = entry.words
    track.phones = entry.phones
    return track
  }

  /// Only the engine's speech: what was prepared is read whole. (A voice is either prepared
  /// or, Piper's with the serving process's sidecar, left to the engine.)
  func speaksPieceByPiece(_ voice: VoiceDescriptor) -> Bool {
    engine.speaksPieceByPiece(voice)
  }

  /// Prepared speech in one piece; the engine's in its own pieces.
  func synthesizeInPieces(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error> {
    if prepared.contains(where: { $0.answers(text, voice: voice, speed: speed, pitch: pitch) }) {
      return SpeechPieces.stream { piece throws(SpeechError) in
        piece(try await synthesize(text, voice: voice, speed: speed, pitch: pitch))
        progress(1)
      }
    }
    return engine.synthesizeInPieces(
      text, voice: voice, speed: speed, pitch: pitch, progress: progress)
  }
}

extension VideoRenderer {
  /// Speaks, with this renderer's engines, every scene of `request` whose voice is not
  /// espeak-ng's, writing the audio into `folder`. `progress` hears the speech stage's share
  /// done as it goes: these engines take seconds per scene, before any render process starts.
  func prepareSpeech(
    for plans: [ScenePlan], in folder: String, leaving spokenLater: Set<SpeechEngineName> = [],
    progress: @escaping @Sendable (RenderProgress) -> Void
  ) async throws(RenderError) -> [PreparedSpeech] {
    // The scenes to speak, each (voice, script, speed, pitch) once; each counts by its
    // script's length.
    var scenes:
      [(index: Int, voice: VoiceDescriptor, script: String, speed: Double, pitch: Double)] =
        []
    for plan in plans {
      guard case .text(let voice, let script, let speed, let pitch) = plan.speech,
        voice.engine != .espeak, !spokenLater.contains(voice.engine),
        !scenes.contains(where: {
          $0.script == script && $0.voice.id == voice.id && $0.speed == speed && $0.pitch == pitch
        })
      else { continue }
      scenes.append((plan.index, voice, script, speed, pitch))
    }
    let total = Double(max(1, scenes.reduce(0) { $0 + $1.script.count }))
    var spokenBefore = 0
    var prepared: [PreparedSpeech] = []
    for (index, voice, script, speed, pitch) in scenes {
      let (before, length) = (Double(spokenBefore), Double(script.count))
      spokenBefore += script.count
      let track: SpeechTrack
      do {
        track = try await speech.synthesize(script, voice: voice, speed: speed, pitch: pitch) {
          share in
          progress(RenderProgress(stage: .speech, fraction: (before + share * length) / total))
        }
      } catch {
        throw .failed("video_inputs[\(index)].voice: \(error)")
      }
      let path = (folder as NSString).appendingPathComponent(
        "speech-\(index)-\(UUID().uuidString).wav")
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try WAVFile.write(track, to: path)
      } catch {
        throw .failed("cannot write the speech of video_inputs[\(index)]: \(error)")
      }
      prepared.append(
        PreparedSpeech(
          text: script, voice: voice, speed: speed, pitch: pitch, audioPath: path,
          words: track.words, phones: track.phones))
    }
    return prepared
  }
}
