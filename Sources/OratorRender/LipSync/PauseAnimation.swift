// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/pause-animation.cpp.

extension LipSync {
  /// Pauses shorter than this hold the previous shape: closing the mouth would flicker.
  static let maxHeldPause = 12
  /// Pauses up to this long relax the mouth instead of closing it.
  static let maxRelaxedPause = 35

  /// Replaces each rest (X) between two spoken shapes with what a speaker's mouth does in a
  /// pause of that length. Rest before the first and after the last shape stays X.
  static func animatePauses(_ animation: Timeline<MouthShape>) -> Timeline<MouthShape> {
    var result = animation
    let shapes = animation.elements
    guard shapes.count >= 3 else { return result }
    for index in 1..<(shapes.count - 1) where shapes[index].value == .X {
      let pause = shapes[index]
      let shape = pauseShape(
        previous: shapes[index - 1].value, next: shapes[index + 1].value, duration: pause.duration)
      result.set(pause.range, shape)
    }
    return result
  }

  private static func pauseShape(previous: MouthShape, next: MouthShape, duration: Int)
    -> MouthShape
  {
    if duration < maxHeldPause { return previous }
    if duration <= maxRelaxedPause {
      // A pause shape equal to the next shape looks odd: relax further until they differ.
      var current = previous
      while true {
        let more = relaxed(current)
        if more != next { return more }
        if more == current { break }  // fully relaxed and still equal to the next shape
        current = more
      }
    }
    return .X
  }
}
