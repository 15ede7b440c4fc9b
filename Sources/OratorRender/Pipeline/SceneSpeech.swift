import Foundation

/// A scene's sound and what the mouth does with it, on the video's frame grid.
struct SceneSpeech: Sendable {
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
}

/// A scene's speech as it comes, piece after piece: joined into the scene's track, each piece
/// lip-synced on its own and moved to where it starts, and the loudness of each frame measured
/// once its samples are in; what motion needs of each piece is handed on as it comes.
struct SceneSpeechBuilder {
  /// Where the mouth cues come from.
  enum Cues {
    /// The phones the engine reports, or the sound where it reports none (a speech server).
    case phones
    /// The sound: recorded audio.
    case sound
    /// None: the mouth rests.
    case silence
  }

  let index: Int
  let fps: Double
  let volume: Double
  let cues: Cues
  private var track: SpeechTrack?
  private var mouthCues: [MouthCue] = []
  private var energy: SpeechEnergy.Running?

  init(index: Int, fps: Double, volume: Double, cues: Cues) {
    self.index = index
    self.fps = fps
    self.volume = volume
    self.cues = cues
  }

  /// Seconds of speech so far.
  var duration: Double { track?.duration ?? 0 }

  /// Takes the next piece; returns what motion needs of it.
  mutating func append(_ piece: SpeechTrack) -> PerformancePiece {
    let offset = duration
    let cues = Self.mouthCues(piece, cues).map {
      MouthCue(start: $0.start + offset, end: $0.end + offset, shape: $0.shape)
    }
    mouthCues += cues
    // Quieter speech still moves the mouth as before: the cues come from the full signal.
    var quieter = piece
    if volume < 1 { quieter.samples = piece.samples.map { Int16(Double($0) * volume) } }
    if track == nil {
      track = quieter
    } else {
      track?.append(quieter)
    }
    let joined = track ?? quieter
    var running = energy ?? SpeechEnergy.Running(sampleRate: joined.sampleRate, fps: fps)
    let values = running.next(joined.samples, frameCount: nil)
    energy = running
    return PerformancePiece(
      mouthCues: cues,
      words: Array(joined.words.suffix(piece.words.count)),
      energy: values, speechEnd: joined.duration, frameCount: nil)
  }

  /// The scene complete: what motion has still to hear (its frame count and the last frames'
  /// loudness), and the scene's speech with its sound written to a WAV file in `scratch`.
  mutating func finish(scratch: String) throws -> (PerformancePiece, SceneSpeech) {
    let track = track ?? SpeechTrack.silence(duration: 0)
    let frameCount = max(1, Int((track.duration * fps).rounded(.up)))
    var running = energy ?? SpeechEnergy.Running(sampleRate: track.sampleRate, fps: fps)
    let values = running.next(track.samples, frameCount: frameCount)
    energy = running
    let wavPath = (scratch as NSString).appendingPathComponent("scene-\(index).wav")
    try WAVFile.write(track, to: wavPath)
    return (
      PerformancePiece(
        mouthCues: [], words: [], energy: values, speechEnd: track.duration,
        frameCount: frameCount),
      SceneSpeech(
        track: track, mouthCues: mouthCues, words: track.words, frameCount: frameCount, fps: fps,
        wavPath: wavPath)
    )
  }

  private static func mouthCues(_ piece: SpeechTrack, _ source: Cues) -> [MouthCue] {
    switch source {
    case .phones where !piece.phones.isEmpty:
      LipSync.mouthCues(for: piece.phones, duration: piece.duration)
    case .phones, .sound:
      AudioMouthCues.mouthCues(samples: piece.samples, sampleRate: piece.sampleRate)
    case .silence:
      [MouthCue(start: 0, end: piece.duration, shape: .X)]
    }
  }
}
