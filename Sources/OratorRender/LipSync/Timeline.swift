// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift.

extension LipSync {
  /// A half-open span `[start, end)` in whole centiseconds.
  ///
  /// The animation rules are tuned in centiseconds and rely on integer arithmetic (halving,
  /// thirds), so they run on integers and only the final cues go back to seconds.
  struct TimeRange: Equatable {
    var start: Int
    var end: Int

    init(_ start: Int, _ end: Int) {
      self.start = start
      // An inverted range would mean a bug upstream; collapsing it keeps the pipeline total.
      self.end = max(start, end)
    }

    var duration: Int { end - start }
    var middle: Int { (start + end) / 2 }
    var isEmpty: Bool { start == end }

    func contains(_ time: Int) -> Bool { start <= time && time < end }
  }

  /// A value held over a time range.
  struct Timed<Value> {
    var range: TimeRange
    var value: Value

    var start: Int { range.start }
    var end: Int { range.end }
    var duration: Int { range.duration }
  }

  /// A sorted sequence of non-overlapping timed values clipped to fixed bounds.
  ///
  /// Writing a value over a range replaces whatever was there, splitting partly covered
  /// elements. A joining timeline also merges the new value with equal neighbours it touches,
  /// so that consecutive equal shapes read as one shape.
  struct Timeline<Value: Equatable> {
    let bounds: TimeRange
    let joinsEqualNeighbours: Bool
    private(set) var elements: [Timed<Value>] = []

    /// An empty timeline (gaps allowed) within `bounds`.
    init(bounds: TimeRange, joinsEqualNeighbours: Bool) {
      self.bounds = bounds
      self.joinsEqualNeighbours = joinsEqualNeighbours
    }

    /// A continuous timeline: `bounds` filled with `filler`, then `elements` written on top.
    init(
      bounds: TimeRange, filledWith filler: Value, joinsEqualNeighbours: Bool,
      overlaying elements: [Timed<Value>] = []
    ) {
      self.init(bounds: bounds, joinsEqualNeighbours: joinsEqualNeighbours)
      set(bounds, filler)
      for element in elements { set(element) }
    }

    /// A timeline holding the parts of `elements` that fall within `bounds` (no filler).
    init(clipping elements: [Timed<Value>], to bounds: TimeRange, joinsEqualNeighbours: Bool) {
      self.init(bounds: bounds, joinsEqualNeighbours: joinsEqualNeighbours)
      for element in elements { set(element) }
    }

    var isEmpty: Bool { elements.isEmpty }
    var first: Timed<Value>? { elements.first }
    var last: Timed<Value>? { elements.last }

    /// The span actually covered, from the first element's start to the last element's end.
    var coveredRange: TimeRange {
      guard let first = elements.first, let last = elements.last else { return TimeRange(0, 0) }
      return TimeRange(first.start, last.end)
    }

    mutating func set(_ element: Timed<Value>) {
      set(element.range, element.value)
    }

    mutating func set(_ range: TimeRange, _ value: Value) {
      var start = max(range.start, bounds.start)
      var end = min(range.end, bounds.end)
      guard start < end else { return }

      if joinsEqualNeighbours {
        if let before = index(endingWithin: start), elements[before].value == value {
          start = elements[before].start
        }
        if let after = index(containing: end), elements[after].value == value {
          end = elements[after].end
        }
      }

      let firstOverlapping = firstIndex { $0.end > start }
      let firstAfter = firstIndex { $0.start >= end }
      var replacement: [Timed<Value>] = []
      if firstOverlapping < firstAfter, elements[firstOverlapping].start < start {
        let cut = elements[firstOverlapping]
        replacement.append(Timed(range: TimeRange(cut.start, start), value: cut.value))
      }
      replacement.append(Timed(range: TimeRange(start, end), value: value))
      if firstOverlapping < firstAfter, elements[firstAfter - 1].end > end {
        let cut = elements[firstAfter - 1]
        replacement.append(Timed(range: TimeRange(end, cut.end), value: cut.value))
      }
      elements.replaceSubrange(firstOverlapping..<firstAfter, with: replacement)
    }

    /// Index of the element with `start <= time < end`.
    func index(containing time: Int) -> Int? {
      let candidate = firstIndex { $0.start > time } - 1
      guard candidate >= 0, elements[candidate].end > time else { return nil }
      return candidate
    }

    /// Index of the element with `start < time <= end`, i.e. the one just left of `time`.
    func index(endingWithin time: Int) -> Int? {
      let candidate = firstIndex { $0.start >= time } - 1
      guard candidate >= 0, elements[candidate].end >= time else { return nil }
      return candidate
    }

    /// Binary search for the first element satisfying a predicate that is monotonic over the
    /// sorted elements (false … false, true … true); `elements.count` when none does.
    private func firstIndex(where predicate: (Timed<Value>) -> Bool) -> Int {
      var low = 0
      var high = elements.count
      while low < high {
        let middle = (low + high) / 2
        if predicate(elements[middle]) { high = middle } else { low = middle + 1 }
      }
      return low
    }
  }
}
