import OratorRender
import Testing

/// Builds a phone timeline from (phone, duration in seconds) pairs; `nil` is silence.
private func timeline(_ spans: [(Phone?, Double)]) -> (phones: [TimedPhone], duration: Double) {
  var phones: [TimedPhone] = []
  var time = 0.0
  for (phone, length) in spans {
    if let phone { phones.append(TimedPhone(phone, start: time, end: time + length)) }
    time += length
  }
  return (phones, time)
}

/// The shape shown at a time.
private func shape(at time: Double, in cues: [MouthCue]) -> MouthShape? {
  cues.first { $0.start <= time && time < $0.end }?.shape
}

/// Shapes in order with repeats removed.
private func shapeSequence(_ cues: [MouthCue]) -> [MouthShape] {
  cues.map(\.shape).reduce(into: []) { if $0.last != $1 { $0.append($1) } }
}

/// Contiguous, sorted, non-empty cues covering exactly `[0, duration]`.
private func expectWellFormed(
  _ cues: [MouthCue], duration: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(cues.first?.start == 0, sourceLocation: sourceLocation)
  #expect(cues.last?.end == duration, sourceLocation: sourceLocation)
  for cue in cues {
    #expect(cue.end > cue.start, "empty cue \(cue)", sourceLocation: sourceLocation)
  }
  for (previous, next) in zip(cues, cues.dropFirst()) {
    #expect(
      previous.end == next.start, "gap or overlap at \(next.start)", sourceLocation: sourceLocation)
    #expect(
      previous.shape != next.shape, "unjoined repeat at \(next.start)",
      sourceLocation: sourceLocation)
  }
}

@Suite("Lip sync from phones")
struct LipSyncTests {
  @Test("\"map\": lips closed for M, open for the vowel, closed again before P is released")
  func map() {
    let (phones, duration) = timeline([
      (nil, 0.30), (.M, 0.08), (.AE, 0.17), (.P, 0.10), (nil, 0.45),
    ])
    let cues = LipSync.mouthCues(for: phones, duration: duration)
    expectWellFormed(cues, duration: duration)

    #expect(shapeSequence(cues) == [.X, .A, .C, .A, .X])
    #expect(shape(at: 0.1, in: cues) == .X)
    #expect(shape(at: 0.34, in: cues) == .A)
    #expect([.C, .D].contains(shape(at: 0.46, in: cues)))
    // The lips meet before the P is heard (occlusion), not at its release.
    let closing = cues.first { $0.shape == .A && $0.start > 0.4 }
    #expect(closing.map { $0.start < 0.55 } == true)
    #expect(shape(at: 0.5499, in: cues) == .A)
    #expect(shape(at: 1.0, in: cues) == .X)
    // No flicker: every shape between the leading and trailing rest lasts at least 7 cs.
    for cue in cues.dropFirst().dropLast() {
      #expect(cue.end - cue.start >= 0.0699, "short \(cue)")
    }
  }

  @Test("\"food\": upper teeth on the lip for F, then puckered for UW")
  func food() {
    let (phones, duration) = timeline([
      (nil, 0.20), (.F, 0.10), (.UW, 0.20), (.D, 0.08), (nil, 0.40),
    ])
    let cues = LipSync.mouthCues(for: phones, duration: duration)
    expectWellFormed(cues, duration: duration)

    let spoken = shapeSequence(cues).filter { $0 != .X }
    #expect(spoken.first == .G)
    #expect(spoken.dropFirst().first == .F)
    #expect(shape(at: 0.25, in: cues) == .G)
    #expect(shape(at: 0.40, in: cues) == .F)
  }

  @Test("Pauses: held when short, relaxed when medium, rest when long")
  func pauses() {
    // "ah … ah" with three pause lengths between AA vowels (D).
    for (pause, expected) in [(0.08, MouthShape.D), (0.25, .C), (0.60, .X)] {
      let (phones, duration) = timeline([
        (nil, 0.30), (.AA, 0.30), (nil, pause), (.AA, 0.30), (nil, 0.30),
      ])
      let cues = LipSync.mouthCues(for: phones, duration: duration)
      expectWellFormed(cues, duration: duration)
      #expect(shape(at: 0.60 + pause / 2, in: cues) == expected, "pause \(pause)")
    }
  }

  @Test("Vowels are anticipated: the mouth rounds during the consonant before UW")
  func anticipation() {
    // "sue": S allows B or F; the following UW (F) pulls S towards F.
    let (phones, duration) = timeline([(nil, 0.30), (.S, 0.15), (.UW, 0.25), (nil, 0.40)])
    let cues = LipSync.mouthCues(for: phones, duration: duration)
    expectWellFormed(cues, duration: duration)
    #expect(shape(at: 0.40, in: cues) == .F)
    #expect(shapeSequence(cues) == [.X, .F, .X])
  }

  @Test("A wide-open vowel closing to rest gets an in-between C")
  func tween() {
    let (phones, duration) = timeline([(nil, 0.30), (.AA, 0.40), (nil, 0.50)])
    let cues = LipSync.mouthCues(for: phones, duration: duration)
    expectWellFormed(cues, duration: duration)
    #expect(shapeSequence(cues) == [.X, .D, .C, .X])
    let tween = cues.first { $0.shape == .C }
    #expect(tween.map { abs($0.end - $0.start - 0.08) < 1e-9 } == true)
  }

  @Test("A long run of B vowels is broken up instead of freezing")
  func staticSegment() {
    // "we see these": IY vowels and S/Z/DH/W that all allow B.
    let (phones, duration) = timeline([
      (nil, 0.20), (.W, 0.08), (.IY, 0.18), (.S, 0.12), (.IY, 0.20), (.DH, 0.06), (.IY, 0.20),
      (.Z, 0.12), (nil, 0.40),
    ])
    let cues = LipSync.mouthCues(for: phones, duration: duration)
    expectWellFormed(cues, duration: duration)
    let longest = cues.filter { $0.shape != .X }.map { $0.end - $0.start }.max() ?? 0
    #expect(longest < 0.75)
    #expect(cues.contains { $0.shape == .C })
  }

  @Test("Silence only gives one rest cue; zero duration gives none")
  func silence() {
    #expect(
      LipSync.mouthCues(for: [], duration: 1.234) == [MouthCue(start: 0, end: 1.234, shape: .X)])
    #expect(LipSync.mouthCues(for: [], duration: 0).isEmpty)
  }

  @Test("Any phone sequence gives contiguous cues without flicker")
  func invariants() {
    var generator = SplitMix64(seed: 7)
    let allPhones = Phone.allCases
    for _ in 0..<200 {
      var spans: [(Phone?, Double)] = [(nil, Double(generator.next() % 30) / 100)]
      for _ in 0..<Int(generator.next() % 40) {
        let isPause = generator.next() % 8 == 0
        let length = Double(2 + generator.next() % (isPause ? 60 : 25)) / 100
        spans.append(
          (isPause ? nil : allPhones[Int(generator.next() % UInt64(allPhones.count))], length))
      }
      spans.append((nil, 0.2))
      let (phones, duration) = timeline(spans)
      let cues = LipSync.mouthCues(for: phones, duration: duration)
      expectWellFormed(cues, duration: duration)
      // Tweens may be as short as 4 cs; nothing else is shorter except at the very ends.
      for cue in cues.dropFirst().dropLast() {
        #expect(cue.end - cue.start >= 0.0399, "short \(cue)")
      }
    }
  }

  @Test("Phones past the end are clipped and times need not be whole centiseconds")
  func clipping() {
    let phones = [TimedPhone(.AA, start: 0.1234, end: 0.6), TimedPhone(.M, start: 0.6, end: 2.0)]
    let cues = LipSync.mouthCues(for: phones, duration: 0.9876)
    expectWellFormed(cues, duration: 0.9876)
  }
}

/// A small deterministic generator, so the property test is reproducible.
private struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
