// The lip-sync animation rules in this folder are a Swift port of the animation stage of
// Rhubarb Lip Sync (https://github.com/DanielSWolf/rhubarb-lip-sync), rhubarb/src/animation.
//
// Copyright (c) 2015 Daniel Wolf
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of this software
// and associated documentation files (the "Software"), to deal in the Software without
// restriction, including without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
// Software is furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all copies or
// substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
// BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
// NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

/// Turns timed phones into a mouth-shape timeline with Rhubarb Lip Sync's animation rules.
///
/// The stages run in Rhubarb's order: phones become shape rules (allowed shapes per phone), a
/// rough pass picks concrete shapes and anticipates vowels, timing optimisation removes flicker,
/// pauses are filled, in-between shapes are added, and long static stretches are broken up.
/// A last guard (not part of Rhubarb) stretches any shape shorter than one 25 fps frame.
public enum LipSync {
  /// Mouth cues for a phone timeline.
  ///
  /// - Parameters:
  ///   - phones: sorted, non-overlapping phones with times in seconds; gaps are silence.
  ///   - duration: length of the speech in seconds; the cues cover exactly `[0, duration]`.
  /// - Returns: contiguous cues in time order, starting and ending at rest (X) where silent.
  public static func mouthCues(for phones: [TimedPhone], duration: Double) -> [MouthCue] {
    guard duration > 0 else { return [] }
    let totalRange = TimeRange(0, max(1, centiseconds(duration)))
    let rules = shapeRules(for: phoneSegments(phones, within: totalRange), within: totalRange)
    let animation = enforceMinimumDuration(animateAvoidingStaticSegments(rules))
    return mouthCues(from: animation, duration: duration)
  }

  /// The main animation steps, run on the whole rule timeline or on a trial excerpt of it.
  static func animate(_ rules: Timeline<ShapeRule>) -> Timeline<MouthShape> {
    var animation = roughAnimation(rules)
    animation = optimizeTiming(animation)
    animation = animatePauses(animation)
    animation = insertTweens(animation)
    return animation
  }

  static func centiseconds(_ seconds: Double) -> Int {
    Int((seconds * 100).rounded())
  }

  /// Phones on the centisecond grid, with explicit silence (`nil`) filling every gap, so that a
  /// phone after a pause sees the pause as its predecessor (plosive occlusion length uses it).
  static func phoneSegments(_ phones: [TimedPhone], within range: TimeRange) -> [Timed<Phone?>] {
    var segments: [Timed<Phone?>] = []
    var position = range.start
    for phone in phones {
      let start = max(position, min(range.end, centiseconds(phone.start)))
      let end = min(range.end, centiseconds(phone.end))
      // Phones that vanish on the centisecond grid cannot carry a shape.
      guard end > start else { continue }
      if start > position {
        segments.append(Timed(range: TimeRange(position, start), value: nil))
      }
      segments.append(Timed(range: TimeRange(start, end), value: phone.phone))
      position = end
    }
    if position < range.end {
      segments.append(Timed(range: TimeRange(position, range.end), value: nil))
    }
    return segments
  }

  /// Converts the centisecond animation to cues in seconds; the last cue ends at `duration`
  /// exactly, even when it is not a whole number of centiseconds.
  static func mouthCues(from animation: Timeline<MouthShape>, duration: Double) -> [MouthCue] {
    var cues = animation.elements.map {
      MouthCue(start: Double($0.start) / 100, end: Double($0.end) / 100, shape: $0.value)
    }
    if !cues.isEmpty {
      cues[0].start = 0
      cues[cues.count - 1].end = duration
    }
    return cues
  }
}
