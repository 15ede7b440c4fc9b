import Foundation

/// Turns a scene's speech into one pose per video frame: lip shapes from the mouth cues,
/// blinks, brow lifts, a head that sways with the voice and is still in silence, and
/// breathing. The same avatar and performance always give the same poses.
public struct AvatarMotion: Sendable {
  private let fps: Double
  private let cues: [MouthCue]
  private let blinks: [Blink]
  private let browLifts: [BrowLift]
  /// Smoothed speech energy per frame, 0 … 1.
  private let liveliness: [Double]
  /// Sway phase per frame; it only advances while speaking, so silence freezes the head.
  private let swayPhase: [Double]
  private let phases: (tilt: Double, tilt2: Double, bob: Double, drift: Double, breath: Double)
  private let parameters: AvatarMotionParameters

  public init(avatar: AvatarDefinition, performance: Performance) {
    self.init(parameters: avatar.motion, identity: avatar.id, performance: performance)
  }

  /// Motion for any presenter: `identity` (an avatar's or a photo's id) seeds its blinks and
  /// sway, so each presenter moves in its own way.
  public init(parameters: AvatarMotionParameters, identity: String, performance: Performance) {
    fps = performance.fps > 0 ? performance.fps : 25
    cues = performance.mouthCues.sorted { $0.start < $1.start }
    self.parameters = parameters
    var random = SeededRandom(seed: performance.seed ^ SeededRandom.stableHash(identity))
    phases = (
      random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi),
      random.uniform(0, 2 * .pi), random.uniform(0, 2 * .pi)
    )
    let duration = Double(performance.frameCount) / fps
    let onsets = performance.words.map(\.start).sorted()
    blinks = Blink.schedule(
      until: duration + 10, onsets: onsets, parameters: parameters, random: &random)
    browLifts = BrowLift.schedule(words: performance.words, random: &random)
    (liveliness, swayPhase) = Self.sway(energy: performance.energy, fps: fps)
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
      eyelids: blinks.reduce(0) { max($0, $1.closure(at: time)) },
      browRaise: browLifts.reduce(0) { max($0, $1.raise(at: time)) },
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

  /// Energy smoothed with a fast rise and a slow fall, and the sway phase it drives.
  private static func sway(energy: [Double], fps: Double) -> ([Double], [Double]) {
    let rise = 1 - exp(-1 / (0.25 * fps))
    let fall = 1 - exp(-1 / (0.6 * fps))
    var level = 0.0
    var smooth = 0.0
    var phase = 0.0
    var levels: [Double] = []
    var phases: [Double] = []
    levels.reserveCapacity(energy.count)
    phases.reserveCapacity(energy.count)
    for value in energy {
      let target = min(max(value, 0), 1)
      level += (target - level) * (target > level ? rise : fall)
      // A second pass takes the corners off so the head never jerks.
      smooth += (level - smooth) * rise
      phase += 2 * .pi * 0.35 / fps * smooth
      levels.append(smooth)
      phases.append(phase)
    }
    return (levels, phases)
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

  /// Blinks every 2–6 s (from the avatar's range), sometimes twice in a row, never starting
  /// on a word onset (where the stress of a word usually falls).
  static func schedule(
    until end: Double, onsets: [Double], parameters: AvatarMotionParameters,
    random: inout SeededRandom
  ) -> [Blink] {
    let shortest = min(max(parameters.blinkIntervalMin, 1), 6)
    let longest = min(max(parameters.blinkIntervalMax, shortest), 6)
    var blinks: [Blink] = []
    var time = random.uniform(0.5, min(2.5, longest))
    while time < end {
      let start = awayFromOnsets(time, onsets: onsets)
      blinks.append(Blink(start: start))
      if random.unit() < 0.18 {
        blinks.append(Blink(start: start + duration + 0.12))
      }
      time = start + random.uniform(shortest, longest)
    }
    return blinks
  }

  /// Moves a blink off any word onset (±0.1 s), looking up to 0.6 s later first and then
  /// earlier, so the gap between blinks never grows past the range by much.
  private static func awayFromOnsets(_ time: Double, onsets: [Double]) -> Double {
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

  static func schedule(words: [TimedWord], random: inout SeededRandom) -> [BrowLift] {
    var lifts: [BrowLift] = []
    var lastEnd = -10.0
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
