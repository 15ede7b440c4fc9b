// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/rough-animation.cpp.

extension LipSync {
  /// How far back a vowel's shape may be formed before the vowel is heard.
  static let maxAnticipation = 20

  /// Picks one shape per rule.
  ///
  /// Speakers slur shapes into each other, so the forward pass picks, from each rule's set, the
  /// shape closest to the (relaxed) previous one. Speakers also form a vowel's shape before the
  /// vowel: on every single-shape vowel the pass walks back up to 20 cs, re-picking the
  /// preceding rules towards the vowel's shape for as long as they still resemble it.
  static func roughAnimation(_ rules: Timeline<ShapeRule>) -> Timeline<MouthShape> {
    var animation = Timeline(
      bounds: rules.bounds, filledWith: MouthShape.X, joinsEqualNeighbours: true)
    let ruleElements = rules.elements

    var reference = MouthShape.X
    var lastAnticipatedStart: Int? = nil
    for (index, rule) in ruleElements.enumerated() {
      let shape = closestShape(to: reference, in: rule.value.shapeSet)
      animation.set(rule.range, shape)

      let anticipates = rule.value.isSingleShapeVowel
      if anticipates {
        let anticipatedStart = rule.start
        reference = shape
        for earlier in ruleElements[..<index].reversed() {
          // Never re-animate what an earlier vowel already anticipated.
          if earlier.start == lastAnticipatedStart { break }
          if anticipatedStart - earlier.start > maxAnticipation { break }

          let anticipating = closestShape(to: reference, in: earlier.value.shapeSet)
          animation.set(earlier.range, anticipating)
          // Stop once the re-picked shape no longer looks like the vowel.
          if basicShape(anticipating) != basicShape(shape) { break }
          reference = anticipating
        }
        lastAnticipatedStart = anticipatedStart
      }
      reference = anticipates ? shape : relaxed(shape)
    }
    return animation
  }
}
