// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/static-segments.cpp.

extension LipSync {
  /// A shape held this long…
  static let minStaticDuration = 75
  /// …over this many syllables looks frozen. Fewer syllables in that time is slow speech and
  /// looks fine.
  static let minStaticSyllables = 3
  /// Each extra changed rule multiplies the number of trials, so the search stops here.
  static let maxRuleChanges = 3

  /// Animates the rules, then, where one shape stays on through several syllables (typically a
  /// run of B vowels such as "we see these"), switches up to three B vowels to C and keeps the
  /// variant whose shapes are shortest overall.
  static func animateAvoidingStaticSegments(_ rules: Timeline<ShapeRule>) -> Timeline<MouthShape> {
    let animation = animate(rules)
    let staticSegments = self.staticSegments(in: animation, rules: rules)
    guard !staticSegments.isEmpty else { return animation }

    var fixedRules = rules
    for segment in staticSegments {
      // Widen to rules with a fixed shape, so the trials see everything that shapes the segment.
      let excerptRange = extendToFixedRules(segment, in: rules)
      let excerpt = Timeline(
        bounds: excerptRange, filledWith: ShapeRule.silence, joinsEqualNeighbours: false,
        overlaying: fixedRules.elements)
      for rule in bestRuleChanges(for: excerpt).elements {
        fixedRules.set(rule)
      }
    }
    return animate(fixedRules)
  }

  private static func staticSegments(
    in animation: Timeline<MouthShape>, rules: Timeline<ShapeRule>
  ) -> [TimeRange] {
    animation.elements.map(\.range).filter {
      $0.duration >= minStaticDuration && syllableCount(in: $0, rules: rules) >= minStaticSyllables
    }
  }

  /// Vowel rules whose phone is centred within the range. A diphthong has two rules and so
  /// counts twice, as in the reference implementation.
  private static func syllableCount(in range: TimeRange, rules: Timeline<ShapeRule>) -> Int {
    guard !range.isEmpty, let first = rules.index(containing: range.start),
      let last = rules.index(endingWithin: range.end), first <= last
    else { return 0 }
    return rules.elements[first...last].filter { rule in
      guard let phone = rule.value.phone, isVowel(phone) else { return false }
      return range.contains(rule.value.phoneRange.middle)
    }.count
  }

  private static func extendToFixedRules(_ range: TimeRange, in rules: Timeline<ShapeRule>)
    -> TimeRange
  {
    let elements = rules.elements
    guard var first = rules.index(containing: range.start),
      var last = rules.index(endingWithin: range.end)
    else { return range }
    while first > 0, elements[first].value.shapeSet.count > 1 { first -= 1 }
    while last + 1 < elements.count, elements[last].value.shapeSet.count > 1 { last += 1 }
    return TimeRange(elements[first].start, elements[last].end)
  }

  /// One trial: a set of changed rules and the animation they give.
  private struct RuleChangeScenario {
    var rules: Timeline<ShapeRule>
    var staticSegmentCount: Int
    var sumOfSquaredShapeDurations: Int

    init(_ original: Timeline<ShapeRule>, changingRulesAt starts: [Int]) {
      var rules = original
      for start in starts {
        guard let index = original.index(containing: start) else { continue }
        var rule = original.elements[index]
        // Only B has been seen to freeze; other single-shape vowels stay as they are.
        if rule.value.shapeSet == [.B] { rule.value.shapeSet = [.C] }
        rules.set(rule)
      }
      let animation = LipSync.animate(rules)
      self.rules = rules
      staticSegmentCount = LipSync.staticSegments(in: animation, rules: rules).count
      sumOfSquaredShapeDurations = animation.elements.reduce(0) { $0 + $1.duration * $1.duration }
    }

    /// No static segment beats some; otherwise many short shapes beat few long ones.
    func isBetter(than other: RuleChangeScenario) -> Bool {
      if staticSegmentCount == 0 && other.staticSegmentCount > 0 { return true }
      return sumOfSquaredShapeDurations < other.sumOfSquaredShapeDurations
    }
  }

  /// Up to this many changeable vowels, every combination is tried (at most 220 trials);
  /// beyond it the number of combinations explodes, so changes are chosen one at a time.
  static let maxExhaustiveCandidates = 12

  /// Tries changing one, then two, then three vowel rules until a trial has no static segment.
  private static func bestRuleChanges(for rules: Timeline<ShapeRule>) -> Timeline<ShapeRule> {
    let changeable = rules.elements.filter { $0.value.isSingleShapeVowel }.map(\.start)
    var best = RuleChangeScenario(rules, changingRulesAt: [])
    var count = 1
    if changeable.count <= maxExhaustiveCandidates {
      while best.staticSegmentCount > 0, count <= min(changeable.count, maxRuleChanges) {
        for combination in combinations(of: changeable, choosing: count) {
          let trial = RuleChangeScenario(rules, changingRulesAt: combination)
          if trial.isBetter(than: best) { best = trial }
        }
        count += 1
      }
      return best.rules
    }

    // Long monotonous stretches: keep the best changes found so far and add one more each round.
    var chosen: [Int] = []
    while best.staticSegmentCount > 0, count <= maxRuleChanges {
      var roundBest: (trial: RuleChangeScenario, start: Int)? = nil
      for start in changeable where !chosen.contains(start) {
        let trial = RuleChangeScenario(rules, changingRulesAt: chosen + [start])
        if roundBest.map({ trial.isBetter(than: $0.trial) }) ?? true { roundBest = (trial, start) }
      }
      guard let roundBest, roundBest.trial.isBetter(than: best) else { break }
      best = roundBest.trial
      chosen.append(roundBest.start)
      count += 1
    }
    return best.rules
  }

  /// All `count`-element combinations of `items`, in lexicographic order of positions.
  private static func combinations(of items: [Int], choosing count: Int) -> [[Int]] {
    guard count > 0, count <= items.count else { return [] }
    var result: [[Int]] = []
    var positions = Array(0..<count)
    while true {
      result.append(positions.map { items[$0] })
      // Advance the right-most position that still has room, then reset those after it.
      var slot = count - 1
      while slot >= 0, positions[slot] == items.count - count + slot { slot -= 1 }
      guard slot >= 0 else { return result }
      positions[slot] += 1
      for next in (slot + 1)..<count { positions[next] = positions[next - 1] + 1 }
    }
  }
}
