// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/timing-optimization.cpp.

extension LipSync {
  /// Shorter shapes flicker, longer ones lose too many shapes; 5–7 cs look good, 7 marginally
  /// better.
  static let minShapeDuration = 7
  /// An open or closed stretch shorter than this does not register visually.
  static let minSegmentDuration = 8
  /// The most a short stretch may be brought forward to reach `minSegmentDuration`.
  static let maxSegmentExtension = 6

  private enum MouthState: Equatable {
    case idle
    case closed
    case open
  }

  /// Re-times the animation so that every shape and every open or closed stretch lasts long
  /// enough to be seen.
  ///
  /// The animation is cut into idle (X), closed (A) and open stretches. Working from the end,
  /// each stretch is stretched left to at least 8 cs where the stretch before it can spare the
  /// time (at most 6 cs; runs of short stretches share the gain evenly), then its shapes are
  /// re-timed into the new span.
  static func optimizeTiming(_ animation: Timeline<MouthShape>) -> Timeline<MouthShape> {
    var segments = Timeline(
      bounds: animation.bounds, filledWith: MouthState.idle, joinsEqualNeighbours: true)
    for shape in animation.elements {
      let state: MouthState =
        switch shape.value {
        case .X: .idle
        case .A: .closed
        default: .open
        }
      segments.set(shape.range, state)
    }

    var result = Timeline(
      bounds: animation.bounds, filledWith: MouthShape.X, joinsEqualNeighbours: true)
    // Filled from right to left: the earliest time already written.
    var resultStart = result.bounds.end

    func write(_ source: TimeRange, into target: TimeRange) {
      for shape in retime(animation, from: source, into: target).elements {
        result.set(shape)
      }
    }

    let reversedSegments = Array(segments.elements.reversed())
    var index = 0
    while index < reversedSegments.count {
      let segment = reversedSegments[index]
      guard segment.value != .idle else {
        index += 1
        continue
      }

      resultStart = min(segment.end, resultStart)
      if resultStart - segment.start >= minSegmentDuration {
        let target = TimeRange(segment.start, resultStart)
        write(segment.range, into: target)
        resultStart = target.start
        index += 1
        continue
      }

      // Too short: gather the adjoining short stretches to the left and spread them evenly
      // over their span plus whatever the stretch before them can spare.
      var endIndex = index + 1
      while endIndex < reversedSegments.count, reversedSegments[endIndex].value != .idle,
        reversedSegments[endIndex].duration < minSegmentDuration
      {
        endIndex += 1
      }
      let shortCount = endIndex - index
      let earliestShort = reversedSegments[endIndex - 1]
      let desiredExtension = minSegmentDuration * shortCount - (segment.end - earliestShort.start)
      let availableExtension =
        endIndex < reversedSegments.count ? reversedSegments[endIndex].duration - 1 : 0
      let extensionDuration = min(desiredExtension, availableExtension, maxSegmentExtension)
      let targetStart = earliestShort.start - extensionDuration

      for shortIndex in index..<endIndex {
        let remainingCount = endIndex - shortIndex
        let share = max(0, (resultStart - targetStart) / remainingCount)
        let target = TimeRange(resultStart - share, resultStart)
        write(reversedSegments[shortIndex].range, into: target)
        resultStart = target.start
      }
      index = endIndex
    }
    return result
  }

  /// Redraws the shapes of `source` into `target` from right to left, one shape per window of
  /// about `minShapeDuration`, so that shapes shorter than that merge into their neighbours.
  private static func retime(
    _ animation: Timeline<MouthShape>, from source: TimeRange, into target: TimeRange
  ) -> Timeline<MouthShape> {
    let sourceShapes = Timeline(
      bounds: source, filledWith: MouthShape.X, joinsEqualNeighbours: true,
      overlaying: animation.elements)
    var result = Timeline(bounds: target, filledWith: MouthShape.X, joinsEqualNeighbours: true)
    guard !sourceShapes.isEmpty else { return result }

    var writePosition = target.end
    while writePosition > target.start {
      // Rhubarb also weighs a window widened to the whole left-most shape, but since the
      // candidates are already clipped to the window that alternative is the same window.
      let window = candidateWindow(sourceShapes, target: target, writePosition: writePosition)
      let candidates = Timeline(
        clipping: sourceShapes.elements, to: window, joinsEqualNeighbours: true)
      let shape = representativeShape(candidates)

      var shapeRange = candidates.coveredRange
      if shapeRange.start <= sourceShapes.bounds.start {
        // The left-most source shape is used up: fill the rest of the target.
        shapeRange = TimeRange(min(shapeRange.start, target.start), shapeRange.end)
      }
      shapeRange = TimeRange(shapeRange.start, min(shapeRange.end, writePosition))
      result.set(shapeRange, shape)

      // Guards against a window that fails to move left, which the rules never intend.
      writePosition = shapeRange.start < writePosition ? shapeRange.start : target.start
    }
    return result
  }

  /// The source span whose shapes compete for the next shape to draw, ending at
  /// `writePosition`. Never empty.
  private static func candidateWindow(
    _ sourceShapes: Timeline<MouthShape>, target: TimeRange, writePosition: Int
  ) -> TimeRange {
    // If the remaining time holds more than one shape but not two, split it evenly.
    let remaining = writePosition - target.start
    let fitsOneOrLess = remaining <= minShapeDuration
    let fitsTwo = remaining >= 2 * minShapeDuration
    let duration = fitsOneOrLess || fitsTwo ? minShapeDuration : remaining / 2

    var window = TimeRange(writePosition - duration, writePosition)
    let source = sourceShapes.bounds
    if writePosition == target.end {
      // First window: also consider every source shape right of the target.
      window = TimeRange(window.start, max(window.end, source.end))
    }
    if window.start >= source.end, let last = sourceShapes.last {
      // Not yet inside the source: reach back to its right-most shape.
      window = TimeRange(last.start, window.end)
    }
    if window.end <= source.start, let first = sourceShapes.first {
      // Already past the source: reach forward to its left-most shape.
      window = TimeRange(window.start, first.end)
    }
    return window
  }

  /// The shape with the largest total duration among the candidates; D wins over C when both
  /// appear, because D is the more expressive of the two similar shapes.
  private static func representativeShape(_ candidates: Timeline<MouthShape>) -> MouthShape {
    var weights: [MouthShape: Int] = [:]
    for shape in candidates.elements {
      weights[shape.value, default: 0] += shape.duration
    }
    var best: MouthShape? = nil
    for shape in MouthShape.allCases {
      guard let weight = weights[shape] else { continue }
      if let current = best, weights[current, default: 0] >= weight { continue }
      best = shape
    }
    guard let best else { return .X }
    return best == .C && weights[.D, default: 0] > 0 ? .D : best
  }
}
