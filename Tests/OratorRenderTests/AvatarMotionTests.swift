import Foundation
import Testing

@testable import OratorRender

@Suite("Avatar motion")
struct AvatarMotionTests {
  static let fps = 25.0

  /// Twelve seconds of speech: words every 0.4 s with sentence starts every 3 s, energy that
  /// pulses with the words, and mouth cues that cycle through the shapes.
  static func speakingPerformance(seed: UInt64 = 7) -> Performance {
    let duration = 12.0
    var words: [TimedWord] = []
    var cues: [MouthCue] = []
    var time = 0.3
    var index = 0
    while time < duration - 0.5 {
      words.append(
        TimedWord(
          text: index % 5 == 3 ? "presentation" : "word", start: time, end: time + 0.32,
          startsSentence: index % 8 == 0))
      let shape = MouthShape.allCases[index % MouthShape.allCases.count]
      cues.append(MouthCue(start: time, end: time + 0.32, shape: shape))
      time += 0.4
      index += 1
    }
    let frames = Int(duration * fps)
    let energy = (0..<frames).map { frame in 0.5 + 0.4 * sin(Double(frame) * 0.7) }
    return Performance(mouthCues: cues, words: words, energy: energy, fps: fps, seed: seed)
  }

  static func silentPerformance(seconds: Double = 10) -> Performance {
    Performance(
      mouthCues: [], words: [], energy: Array(repeating: 0, count: Int(seconds * fps)), fps: fps,
      seed: 3)
  }

  static let avatar = AvatarCatalogue.builtIn[0]

  @Test("same input, same poses; another seed, other blinks")
  func deterministic() {
    let a = AvatarMotion(avatar: Self.avatar, performance: Self.speakingPerformance())
    let b = AvatarMotion(avatar: Self.avatar, performance: Self.speakingPerformance())
    let c = AvatarMotion(avatar: Self.avatar, performance: Self.speakingPerformance(seed: 99))
    let frames = 0..<300
    #expect(frames.map { a.pose(atFrame: $0) } == frames.map { b.pose(atFrame: $0) })
    #expect(
      frames.map { a.pose(atFrame: $0).eyelids } != frames.map { c.pose(atFrame: $0).eyelids })
  }

  @Test(
    "the eyes close fully at least once in every 7 s window", arguments: [1, 2, 3, 42] as [UInt64])
  func blinksOften(seed: UInt64) {
    for performance in [Self.speakingPerformance(seed: seed), Self.silentPerformance(seconds: 12)] {
      let motion = AvatarMotion(avatar: Self.avatar, performance: performance)
      let lids = (0..<performance.frameCount).map { motion.pose(atFrame: $0).eyelids }
      let window = Int(7 * Self.fps)
      for start in stride(from: 0, through: lids.count - window, by: 5) {
        #expect(
          lids[start..<start + window].contains { $0 > 0.95 },
          "no blink in window at frame \(start)")
      }
    }
  }

  @Test("blinks are short and never start on a word onset")
  func blinksAreShortAndOffTheBeat() {
    let performance = Self.speakingPerformance()
    let motion = AvatarMotion(avatar: Self.avatar, performance: performance)
    var closedRun = 0.0
    let lids = (0..<performance.frameCount).map { motion.pose(atFrame: $0).eyelids }
    for (frame, value) in lids.enumerated() where value > 0 {
      closedRun += 1 / Self.fps
      if frame + 1 < lids.count, lids[frame + 1] == 0 {
        #expect(closedRun <= 0.45)
        closedRun = 0
      }
    }
    for (frame, value) in lids.enumerated() where value > 0 && (frame == 0 || lids[frame - 1] == 0)
    {
      let start = Double(frame) / Self.fps
      #expect(
        !performance.words.contains { abs($0.start - start) < 0.04 },
        "blink on an onset at \(start)")
    }
  }

  @Test("the head is still in silence and moves while speaking")
  func headStillInSilence() {
    let silent = AvatarMotion(avatar: Self.avatar, performance: Self.silentPerformance())
    let poses = (0..<250).map { silent.pose(atFrame: $0) }
    #expect(Set(poses.map(\.headTilt)).count == 1)
    #expect(Set(poses.map(\.headShiftX)).count == 1)
    #expect(Set(poses.map(\.headShiftY)).count == 1)
    #expect(Set(poses.map(\.breath)).count > 10)

    let speaking = AvatarMotion(avatar: Self.avatar, performance: Self.speakingPerformance())
    let tilts = (0..<300).map { speaking.pose(atFrame: $0).headTilt }
    #expect(Set(tilts).count > 50)
    #expect(tilts.allSatisfy { abs($0) <= 2.01 * .pi / 180 })
  }

  @Test("the mouth follows the cue under each frame and rests between cues")
  func mouthFollowsCues() {
    let cues = [
      MouthCue(start: 0.2, end: 0.4, shape: .D), MouthCue(start: 0.4, end: 0.6, shape: .F),
    ]
    let performance = Performance(
      mouthCues: cues, words: [], energy: Array(repeating: 0.5, count: 25), fps: 25, seed: 1)
    let motion = AvatarMotion(avatar: Self.avatar, performance: performance)
    #expect(motion.pose(atFrame: 0).mouth == .X)
    #expect(motion.pose(atFrame: 6).mouth == .D)
    #expect(motion.pose(atFrame: 12).mouth == .F)
    #expect(motion.pose(atFrame: 20).mouth == .X)
  }

  @Test("brows lift at the start of a sentence and settle afterwards")
  func browsLiftAtSentenceStarts() {
    let words = [
      TimedWord(text: "Hello", start: 1.0, end: 1.3, startsSentence: true),
      TimedWord(text: "all", start: 1.4, end: 1.6),
    ]
    let performance = Performance(
      mouthCues: [], words: words, energy: Array(repeating: 0.5, count: 100), fps: 25, seed: 1)
    let motion = AvatarMotion(avatar: Self.avatar, performance: performance)
    #expect(motion.pose(atFrame: 27).browRaise > 0.5)
    #expect(motion.pose(atFrame: 10).browRaise == 0)
    #expect(motion.pose(atFrame: 80).browRaise == 0)
  }
}
