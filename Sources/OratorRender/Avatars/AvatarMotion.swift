import Foundation

/// Turns a scene's speech into one pose per video frame: lip shapes from the mouth cues,
/// blinks, brow lifts, a head that sways with the voice and is still in silence, and
/// breathing. The same avatar and performance always give the same poses.
///
/// The speech may come in pieces (`append(_:)`), the frames of one drawn while the next is
/// still spoken: everything that carries from frame to frame (the sway's filters and phase, the
/// blink schedule, the brow lifts) carries across pieces, and blinks and brows draw from
/// random streams of their own, so a scene told in pieces moves as it would told whole.
public struct AvatarMotion: Sendable {
  /// How far behind the known speech poses are final: a blink may move up to 0.6 s from its
  /// planned time to keep off a word onset 0.1 s away (so 1.3 s of onsets ahead), and a brow
  /// starts rising 0.15 s before its word.
  static let lookahead = 1.3

  private let fps: Double
  private let parameters: AvatarMotionParameters
  private let phases: (tilt: Double, tilt2: Double, bob: Double, drift: Double, breath: Double)
  private var cues: [MouthCue] = []
  private var blinks: BlinkSchedule
  private var brows: BrowSchedule
  private var sway = SwayFilter()
  /// Smoothed speech energy per frame, 0 … 1.
  private var liveliness: [Double] = []
  /// Sway phase per frame; it only advances while speaking, so silence freezes the head.
  private var swayPhase: [Double] = []
  /// Seconds of speech told so far.
  private var known = 0.0
  /// The scene's frames, once its last piece is told.
  public private(set) var frameCount: Int?
  /// Frames whose poses nothing still to come can change.
  public private(set) var readyFrames = 0

  public init(avatar: AvatarDefinition, performance: Performance) {
    self.init(parameters: avatar.motion, identity: avatar.id, performance: performance)
  }

  /// Motion for any presenter: `identity` (an avatar's or a photo's id) seeds its blinks and
  /// sway, so each presenter moves in its own way.
  public init(parameters: AvatarMotionParameters, identity: String, performance: Performance) {
    self.init(
      parameters: parameters, identity: identity, seed: performance.seed, fps: performance.fps)
    append(
      PerformancePiece(
        mouthCues: performance.mouthCues, words: performance.words, energy: performance.energy,
        speechEnd: Double(performance.frameCount) / fps, frameCount: performance.frameCount))
  }

  /// Motion with nothing told yet: pieces follow with `append(_:)`.
  public init(parameters: AvatarMotionParameters, identity: String, seed: UInt64, fps: Double) {
    self.fps = fps > 0 ? fps : 25
    self.parameters = parameters
    let base = seed ^ SeededRandom.stableHash(identity)
    var random = SeededRandom(seed: base)
    phases = (
      random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi),
      random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi)
    )
    blinks = BlinkSchedule(
      parameters: parameters,
      random: SeededRandom(seed: base ^ SeededRandom.stableHash("blinks")))
    brows = BrowSchedule(random: SeededRandom(seed: base ^ SeededRandom.stableHash("brows")))
  }

  /// Tells the next piece of the scene's speech.
  public mutating func append(_ piece: PerformancePiece) {
    guard frameCount == nil else { return }
    cues += piece.mouthCues
    cues.sort { $0.start < $1.start }
    known = max(known, piece.speechEnd)
    blinks.addOnsets(piece.words.map(\.start))
    brows.add(piece.words)
    for value in piece.energy {
      sway.step(value, fps: fps)
      liveliness.append(sway.smooth)
      swayPhase.append(sway.phase)
    }
    if let count = piece.frameCount {
      frameCount = count
      // Blinks past the end too, for anything that shows the presenter a little longer.
      blinks.plan(until: Double(count) / fps + 10)
      readyFrames = count
      return
    }
    blinks.plan(until: known - BlinkSchedule.reach)
    let settled = min(known - Self.lookahead, blinks.settled)
    readyFrames = min(liveliness.count, max(0, Int((settled * fps).rounded(.up))))
  }

  public func pose(atFrame frame: Int) -> AvatarPose {
    let time = Double(frame) / fps
    let index = min(max(frame, 0), max(liveliness.count - 1, 0))
    let live = frame >= 0 && frame < liveliness.count ? liveliness[index] : 0
    let phase = swayPhase.isEmpty ? 0 : swayPhase[index]
    let tiltRange = parameters.swayDegrees * .pi / 180
    let wave: Double = 0.7 * sin(phase + phases.tilt) + 0.3 * sin(1.9 * phase + phases.tilt2)
    let tilt: Double = live * tiltRange * wave
    let bob = parameters.bobUnits * live
    return AvatarPose(
      mouth: mouth(at: time),
      eyelids: blinks.closure(at: time),
      browRaise: brows.raise(at: time),
      headTilt: tilt,
      headShiftX: bob * 0.6 * sin(0.7 * phase + phases.drift),
      headShiftY: -bob * (0.5 + 0.5 * sin(2.3 * phase + phases.bob)),
      breath: 0.5 + 0.5 * sin(2 * .pi * parameters.breathRate * time + phases.breath))
  }

  /// The shape of the cue under `time`, or rest between cues.
  private func mouth(at time: Double) -> MouthShape {
    var low = 0
    var high = cues.count
    while low < high {
      let mid = (low + high) / 2
      if cues[mid].start <= time { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return .X }
    let cue = cues[low - 1]
    return time < cue.end ? cue.shape : .X
  }
}

/// A piece of a scene's speech as motion needs it, on the scene's timeline.
public struct PerformancePiece: Sendable {
  public var mouthCues: [MouthCue]
  public var words: [TimedWord]
  /// Loudness of the frames that follow those told before, 0 … 1.
  public var energy: [Double]
  /// Where the speech told so far ends, in seconds from the scene's start.
  public var speechEnd: Double
  /// The scene's frames, on its last piece; nil while more is to come.
  public var frameCount: Int?

  public init(
    mouthCues: [MouthCue], words: [TimedWord], energy: [Double], speechEnd: Double,
    frameCount: Int?
  ) {
    self.mouthCues = mouthCues
    self.words = words
    self.energy = energy
    self.speechEnd = speechEnd
    self.frameCount = frameCount
  }
}

/// Energy smoothed with a fast rise and a slow fall, and the sway phase it drives; its state
/// carries from frame to frame, and so from piece to piece.
struct SwayFilter: Sendable {
  var level = 0.0
  var smooth = 0.0
  var phase = 0.0

  mutating func step(_ value: Double, fps: Double) {
    let rise = 1 - exp(-1 / (0.25 * fps))
    let fall = 1 - exp(-1 / (0.6 * fps))
    let target = min(max(value, 0), 1)
    level += (target - level) * (target > level ? rise : fall)
    // A second pass takes the corners off so the head never jerks.
    smooth += (level - smooth) * rise
    phase += 2 * .pi * 0.35 / fps * smooth
  }
}

/// Blinks planned as far as the word onsets are known, from a random stream of their own.
struct BlinkSchedule: Sendable {
  /// How far from its planned time a blink may land, plus the onset margin it keeps.
  static let reach = 0.7

  private let parameters: AvatarMotionParameters
  private var random: SeededRandom
  private var onsets: [Double] = []
  private var blinks: [Blink] = []
  /// The next blink's planned time, before it is moved off any onset.
  private var next: Double?

  init(parameters: AvatarMotionParameters, random: SeededRandom) {
    self.parameters = parameters
    self.random = random
  }

  /// Before this time every blink is planned.
  var settled: Double { (next ?? 0) - 0.6 }

  mutating func addOnsets(_ times: [Double]) {
    onsets += times
  }

  /// Blinks every 2–6 s (from the avatar's range), sometimes twice in a row, never starting
  /// on a word onset (where the stress of a word usually falls); planned while their time is
  /// before `end`.
  mutating func plan(until end: Double) {
    let shortest = min(max(parameters.blinkIntervalMin, 1), 6)
    let longest = min(max(parameters.blinkIntervalMax, shortest), 6)
    var time = next ?? random.uniform(0.5, min(2.5, longest))
    while time < end {
      let start = Blink.awayFromOnsets(time, onsets: onsets)
      blinks.append(Blink(start: start))
      if random.unit() < 0.18 {
        blinks.append(Blink(start: start + Blink.duration + 0.12))
      }
      time = start + random.uniform(shortest, longest)
    }
    next = time
  }

  func closure(at time: Double) -> Double {
    blinks.reduce(0) { max($0, $1.closure(at: time)) }
  }
}

/// Brow lifts over the words as they are told, from a random stream of their own.
struct BrowSchedule: Sendable {
  private var random: SeededRandom
  private var lifts: [BrowLift] = []
  private var lastEnd = -10.0

  init(random: SeededRandom) {
    self.random = random
  }

  mutating func add(_ words: [TimedWord]) {
    lifts += BrowLift.schedule(words: words, lastEnd: &lastEnd, random: &random)
  }

  func raise(at time: Double) -> Double {
    lifts.reduce(0) { max($0, $1.raise(at: time)) }
  }
}

/// One blink: the lid drops fast, rests a moment, and lifts more slowly.
struct Blink: Sendable {
  static let closing = 0.05
  static let held = 0.04
  static let opening = 0.09
  static var duration: Double { closing + held + opening }

  var start: Double

  func closure(at time: Double) -> Double {
    let t = time - start
    if t < 0 || t > Self.duration { return 0 }
    if t < Self.closing {
      let x = t / Self.closing
      return x * x * (3 - 2 * x)
    }
    if t < Self.closing + Self.held { return 1 }
    let x = (t - Self.closing - Self.held) / Self.opening
    return 1 - x * x * (3 - 2 * x)
  }

  /// Moves a blink off any word onset (±0.1 s), looking up to 0.6 s later first and then
  /// earlier, so the gap between blinks never grows past the range by much.
  static func awayFromOnsets(_ time: Double, onsets: [Double]) -> Double {
    func clear(_ t: Double) -> Bool { !onsets.contains { abs($0 - t) < 0.1 } }
    for step in 0...30 where clear(time + Double(step) * 0.02) {
      return time + Double(step) * 0.02
    }
    for step in 1...30 where clear(time - Double(step) * 0.02) {
      return time - Double(step) * 0.02
    }
    return time
  }
}

/// A brow lift over one word: at the start of a sentence, and now and then on a long word.
struct BrowLift: Sendable {
  var start: Double
  var end: Double
  var height: Double

  func raise(at time: Double) -> Double {
    let attack = 0.15
    let release = 0.4
    if time < start - attack || time > end + release { return 0 }
    if time < start { return height * smoothstep((time - start + attack) / attack) }
    if time <= end { return height }
    return height * (1 - smoothstep((time - end) / release))
  }

  private func smoothstep(_ x: Double) -> Double {
    let t = min(max(x, 0), 1)
    return t * t * (3 - 2 * t)
  }

  /// The lifts over `words`, which follow those before (whose last lift ended at `lastEnd`).
  static func schedule(words: [TimedWord], lastEnd: inout Double, random: inout SeededRandom)
    -> [BrowLift]
  {
    var lifts: [BrowLift] = []
    for word in words.sorted(by: { $0.start < $1.start }) {
      let letters = word.text.filter(\.isLetter).count
      let height: Double
      if word.startsSentence {
        height = 0.8
      } else if letters >= 7, word.start - lastEnd > 1.2, random.unit() < 0.5 {
        height = 0.5
      } else {
        continue
      }
      let end = min(word.end, word.start + 0.6)
      lifts.append(BrowLift(start: word.start, end: end, height: height))
      lastEnd = end
    }
    return lifts
  }
}
