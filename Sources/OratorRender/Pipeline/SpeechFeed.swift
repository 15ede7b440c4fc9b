import Foundation
import Synchronization

/// Speaks every scene in order and hands the compositor each piece of speech as it comes, so
/// that the frames of one piece are drawn while the engine speaks the next: with a neural voice
/// the speech then takes one core while drawing and encoding take the other, instead of all of
/// it before the first frame.
struct SpeechFeed: Sendable {
  enum Event: Sendable {
    /// First, once: how long the video is as far as it is known (`seconds`, `frames`), and
    /// whether that is all of it. It comes once at least `previewSeconds` are known or all
    /// speech is made, so the frames the previews keep never depend on how fast the speech was.
    case length(seconds: Double, frames: Int, isFinal: Bool)
    /// The next piece of the current scene's speech.
    case piece(PerformancePiece)
    /// The current scene is complete; the next event belongs to the next scene.
    case scene(SceneSpeech)
  }

  struct Scene: Sendable {
    var index: Int
    var speech: ScenePlan.Speech
    var volume: Double
  }

  var scenes: [Scene]
  var synthesizer: any SpeechSynthesizer
  var fps: Double
  var scratch: String
  var budget: RenderBudget?
  /// How much of the video must be known before the first frame is drawn.
  var previewSeconds: Double
  var meter: RenderProgressMeter
  var encoder: EncoderSettings

  init(
    plans: [ScenePlan], synthesizer: any SpeechSynthesizer, fps: Double, scratch: String,
    budget: RenderBudget?, previewSeconds: Double, meter: RenderProgressMeter,
    encoder: EncoderSettings
  ) {
    self.encoder = encoder
    scenes = plans.map { Scene(index: $0.index, speech: $0.speech, volume: $0.volume) }
    self.synthesizer = synthesizer
    self.fps = fps
    self.scratch = scratch
    self.budget = budget
    self.previewSeconds = previewSeconds
    self.meter = meter
  }

  /// Speaks the scenes into `events`, which it finishes (a failure finishes it with the error,
  /// and throws it). When the first frames were let go before all speech was made, it then
  /// encodes the scenes' sound into `sound` while the rest of the frames are drawn; otherwise
  /// the sound goes into the one encoder pass with the frames (`SceneCompositor`).
  func run(into events: AsyncThrowingStream<Event, any Error>.Continuation, sound: String)
    async throws
  {
    let scenes: [SceneSpeech]
    let drawnWhileSpeaking: Bool
    do {
      (scenes, drawnWhileSpeaking) = try await speak(into: events)
      events.finish()
    } catch {
      events.finish(throwing: error)
      throw error
    }
    guard drawnWhileSpeaking else { return }
    try await VideoEncoder.encodeSound(
      scenes.map { SceneAudio(path: $0.wavPath, duration: $0.duration) }, settings: encoder,
      to: sound)
  }

  /// The scenes' speech, and whether the length went out before all of it was made.
  private func speak(into events: AsyncThrowingStream<Event, any Error>.Continuation)
    async throws -> (scenes: [SceneSpeech], drawnWhileSpeaking: Bool)
  {
    var spoken: [SceneSpeech] = []
    // Frames are drawn beside the speech only when an engine hands it out while speaking;
    // speech made in one go is all known at once, and goes into one encoder pass with them.
    let drawsAlongside = scenes.contains {
      if case .text(let voice, _, _, _) = $0.speech {
        synthesizer.speaksPieceByPiece(voice)
      } else {
        false
      }
    }
    var gate = LengthGate(
      previewSeconds: drawsAlongside ? previewSeconds : .infinity, fps: fps, events: events)
    var before = 0.0
    var beforeFrames = 0
    for (number, scene) in scenes.enumerated() {
      let count = Double(scenes.count)
      let sceneNumber = Double(number)
      let meter = meter
      var builder = SceneSpeechBuilder(
        index: scene.index, fps: fps, volume: scene.volume, cues: Self.cues(scene.speech))
      // Returns its error rather than throwing: it is called in an async loop (see
      // `FrameStream.drawWhole`).
      func take(_ piece: SpeechTrack) -> RenderError? {
        let told = builder.append(piece)
        // A long audio track or script is refused as soon as it is known, not after hours.
        do {
          try budget?.check(duration: before + builder.duration)
        } catch {
          return error
        }
        gate.send(.piece(told), known: before + builder.duration)
        return nil
      }
      switch scene.speech {
      case .text(let voice, let script, let speed, let pitch):
        let pieces = synthesizer.synthesizeInPieces(
          script, voice: voice, speed: speed, pitch: pitch
        ) { share in
          meter.speech((sceneNumber + share) / count)
        }
        do {
          for try await piece in pieces {
            if let error = take(piece) { throw error }
          }
        } catch let error as SpeechError {
          throw RenderError.failed("video_inputs[\(scene.index)].voice: \(error)")
        }
      case .audio(let path):
        let track: SpeechTrack
        do {
          track = try await AudioDecoder.decode(fileAt: path)
        } catch {
          throw RenderError.invalidInput(
            .init(path: "video_inputs[\(scene.index)].voice.audio_url", message: "\(error)"))
        }
        if let error = take(track) { throw error }
      case .silence(let seconds):
        if let error = take(.silence(duration: seconds)) { throw error }
      case .clipSound(let path, let seconds):
        let track: SpeechTrack
        do {
          // Music and effects, not speech: kept at the encoder's own rate.
          track = try await AudioDecoder.decode(fileAt: path, sampleRate: 48000)
        } catch {
          throw RenderError.invalidInput(
            .init(path: "video_inputs[\(scene.index)].background", message: "\(error)"))
        }
        if let error = take(track.fitted(to: seconds)) { throw error }
      }
      let (last, speech) = try builder.finish(scratch: scratch)
      before += speech.duration
      beforeFrames += speech.frameCount
      try budget?.check(duration: before)
      meter.speech(Double(number + 1) / count)
      gate.send(.piece(last), known: before)
      gate.send(.scene(speech), known: before)
      spoken.append(speech)
    }
    meter.spoken(totalFrames: beforeFrames)
    let drawnWhileSpeaking = gate.isOpen
    gate.finish(seconds: before, frames: beforeFrames)
    return (spoken, drawnWhileSpeaking)
  }

  private static func cues(_ speech: ScenePlan.Speech) -> SceneSpeechBuilder.Cues {
    switch speech {
    case .text: .phones
    case .audio: .sound
    // The mouth of any presenter over a clip rests: the clip's sound is not its voice.
    case .silence, .clipSound: .silence
    }
  }

  /// Holds the events back until enough of the video is known to fix the previews' frames,
  /// then sends its length and everything held.
  private struct LengthGate {
    let previewSeconds: Double
    let fps: Double
    let events: AsyncThrowingStream<Event, any Error>.Continuation
    private var held: [Event]? = []
    /// Whether the length and the events held went out.
    var isOpen: Bool { held == nil }

    init(
      previewSeconds: Double, fps: Double,
      events: AsyncThrowingStream<Event, any Error>.Continuation
    ) {
      self.previewSeconds = previewSeconds
      self.fps = fps
      self.events = events
    }

    mutating func send(_ event: Event, known seconds: Double) {
      guard var waiting = held else {
        events.yield(event)
        return
      }
      waiting.append(event)
      held = waiting
      if seconds >= previewSeconds {
        open(.length(seconds: seconds, frames: Int(seconds * fps), isFinal: false))
      }
    }

    mutating func finish(seconds: Double, frames: Int) {
      open(.length(seconds: seconds, frames: frames, isFinal: true))
    }

    private mutating func open(_ length: Event) {
      guard let waiting = held else { return }
      held = nil
      events.yield(length)
      for event in waiting { events.yield(event) }
    }
  }
}

/// The progress of a render whose speech and frames overlap: the speech stage while speech is
/// still being made, then the frames stage, which counts the frames drawn meanwhile at once.
/// Reports only rise, and are made one at a time.
final class RenderProgressMeter: Sendable {
  private struct State {
    var spoken = 0.0
    var drawn = 0
    var totalFrames: Int?
  }
  private let state = Mutex(State())
  private let report: @Sendable (RenderProgress) -> Void

  init(report: @escaping @Sendable (RenderProgress) -> Void) {
    self.report = report
  }

  /// The share of all scenes' speech made.
  func speech(_ share: Double) {
    state.withLock { state in
      guard state.totalFrames == nil, share > state.spoken else { return }
      state.spoken = share
      report(RenderProgress(stage: .speech, fraction: share))
    }
  }

  /// All speech is made: the video has `totalFrames` frames.
  func spoken(totalFrames: Int) {
    state.withLock { state in
      state.totalFrames = max(totalFrames, 1)
      report(RenderProgress(stage: .speech, fraction: 1))
      report(
        RenderProgress(stage: .frames, fraction: Double(state.drawn) / Double(max(totalFrames, 1))))
    }
  }

  /// One more frame drawn and encoded.
  func frameDrawn() {
    state.withLock { state in
      state.drawn += 1
      guard let total = state.totalFrames, state.drawn % 25 == 0 else { return }
      report(RenderProgress(stage: .frames, fraction: Double(state.drawn) / Double(total)))
    }
  }
}
