// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/tweening.cpp.

extension LipSync {
  /// In-betweens shorter than this would be a flicker; longer ones would read as a shape.
  static let tweenDurations = 4...8

  /// Inserts an in-between shape into transitions that would otherwise jump too far
  /// (for example D→A gets a short C before the lips close).
  static func insertTweens(_ animation: Timeline<MouthShape>) -> Timeline<MouthShape> {
    var result = animation
    for (first, second) in zip(animation.elements, animation.elements.dropFirst()) {
      guard let tween = tween(from: first.value, to: second.value) else { continue }

      let duration: Int
      let start: Int
      switch tween.timing {
      case .early:
        duration = min(first.duration / 3, tweenDurations.upperBound)
        start = first.end - duration
      case .centered:
        duration = min(first.duration / 4, second.duration / 4, tweenDurations.upperBound)
        start = first.end - duration / 2
      case .late:
        duration = min(second.duration / 3, tweenDurations.upperBound)
        start = second.start
      }
      guard duration >= tweenDurations.lowerBound else { continue }
      result.set(TimeRange(start, start + duration), tween.shape)
    }
    return result
  }
}
