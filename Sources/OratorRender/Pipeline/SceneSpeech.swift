import Foundation

/// A scene's sound and what the mouth does with it, on the video's frame grid.
struct SceneSpeech {
  var track: SpeechTrack
  var mouthCues: [MouthCue]
  /// Words with times relative to the scene's start.
  var words: [TimedWord]
  /// Frames the scene lasts: enough to hold all of its sound.
  var frameCount: Int
  var fps: Double
  /// The scene's sound as a WAV file, for the encoder.
  var wavPath: String

  /// On-screen length in seconds (a whole number of frames).
  var duration: Double { Double(frameCount) / fps }

  /// `spoken` hears the share of the scene's script spoken so far, where the engine tells.
  static func make(
    for plan: ScenePlan, synthesizer: any SpeechSynthesizer, fps: Double, scratch: String,
    spoken: @escaping @Sendable (Double) -> Void = { _ in }
  ) async throws -> SceneSpeech {
    var track: SpeechTrack
    let cues: [MouthCue]
    switch plan.speech {
    case .text(let voice, let script, let speed, let pitch):
      do {
        track = try await synthesizer.synthesize(
          script, voice: voice, speed: speed, pitch: pitch, progress: spoken)
      } catch {
        throw RenderError.failed("video_inputs[\(plan.index)].voice: \(error)")
      }
      // Engines that report no phones (a speech server) get cues from the sound itself.
      cues =
        track.phones.isEmpty
        ? AudioMouthCues.mouthCues(samples: track.samples, sampleRate: track.sampleRate)
        : LipSync.mouthCues(for: track.phones, duration: track.duration)
    case .audio(let path):
      do {
        track = try await AudioDecoder.decode(fileAt: path)
      } catch {
        throw RenderError.invalidInput(
          .init(path: "video_inputs[\(plan.index)].voice.audio_url", message: "\(error)"))
      }
      cues = AudioMouthCues.mouthCues(samples: track.samples, sampleRate: track.sampleRate)
    case .silence(let seconds):
      track = SpeechTrack.silence(duration: seconds)
      cues = [MouthCue(start: 0, end: seconds, shape: .X)]
    }
    // Quieter speech still moves the mouth as before: the cues come from the full signal.
    if plan.volume < 1 { track.samples = track.samples.map { Int16(Double($0) * plan.volume) } }
    let frameCount = max(1, Int((track.duration * fps).rounded(.up)))
    let wavPath = (scratch as NSString).appendingPathComponent("scene-\(plan.index).wav")
    try WAVFile.write(track, to: wavPath)
    return SceneSpeech(
      track: track, mouthCues: cues, words: track.words, frameCount: frameCount, fps: fps,
      wavPath: wavPath)
  }

  /// All scenes' words on the video's timeline.
  static func timeline(_ scenes: [SceneSpeech]) -> [TimedWord] {
    var words: [TimedWord] = []
    var offset = 0.0
    for scene in scenes {
      for var word in scene.words {
        word.start += offset
        word.end += offset
        words.append(word)
      }
      offset += scene.duration
    }
    return words
  }

  func performance(seed: UInt64) -> Performance {
    Performance(
      mouthCues: mouthCues, words: words,
      energy: SpeechEnergy.perFrame(
        samples: track.samples, sampleRate: track.sampleRate, fps: fps, frameCount: frameCount),
      fps: fps, seed: seed)
  }
}
