extension LipSync {
  /// One frame at 25 fps, and the length of the shortest in-between shape.
  static let minVisibleDuration = 4

  /// Makes every shape last at least `minimum` centiseconds.
  ///
  /// Timing optimisation can leave a 2–3 cs shape where a run of very short phones runs out of
  /// room. At 25 fps such a shape falls between two frames or flashes for one depending on
  /// where the frames land, so it is lengthened at the expense of its longer neighbour, or
  /// merged into that neighbour when the neighbour cannot spare the time. Lengthening rather
  /// than dropping keeps brief lip closures (P, B, M) visible.
  static func enforceMinimumDuration(_ animation: Timeline<MouthShape>) -> Timeline<MouthShape> {
    let minimum = minVisibleDuration
    var result = animation
    while result.elements.count > 1,
      let index = result.elements.indices.first(where: { result.elements[$0].duration < minimum })
    {
      let elements = result.elements
      let short = elements[index]
      let left = index > 0 ? elements[index - 1] : nil
      let right = index + 1 < elements.count ? elements[index + 1] : nil
      let takesFromLeft = (left?.duration ?? 0) >= (right?.duration ?? 0)
      guard let neighbour = takesFromLeft ? left : right else { break }

      let need = minimum - short.duration
      if neighbour.duration - need >= minimum {
        let grown =
          takesFromLeft
          ? TimeRange(short.start - need, short.end) : TimeRange(short.start, short.end + need)
        result.set(grown, short.value)
      } else {
        result.set(short.range, neighbour.value)
      }
    }
    return result
  }
}
