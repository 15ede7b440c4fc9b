import Foundation
import OratorRender
import Testing

/// Synthesises a test signal: each part is a duration and a generator of values in −1 … 1.
private func signal(sampleRate: Int, _ parts: [(seconds: Double, wave: (Double) -> Double)])
  -> [Int16]
{
  var samples: [Int16] = []
  for part in parts {
    let count = Int((part.seconds * Double(sampleRate)).rounded())
    for index in 0..<count {
      let value = part.wave(Double(index) / Double(sampleRate))
      samples.append(Int16(max(-1, min(1, value)) * 32_000))
    }
  }
  return samples
}

private func silence(_ time: Double) -> Double { 0 }

/// A buzzy 200 Hz voice-like tone: fifteen harmonics falling off as 1/k.
private func voiced(amplitude: Double) -> (Double) -> Double {
  { time in
    amplitude * 0.55
      * (1...15).reduce(0.0) { sum, k in
        sum + sin(2 * .pi * 200 * Double(k) * time) / Double(k)
      }
  }
}

/// Deterministic white noise, like a hissed S.
private func hiss(amplitude: Double) -> (Double) -> Double {
  { time in
    var x = UInt64(time * 1_000_000) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 32
    return amplitude * (Double(x % 2_001) / 1_000 - 1)
  }
}

private func shape(at time: Double, in cues: [MouthCue]) -> MouthShape? {
  cues.first { $0.start <= time && time < $0.end }?.shape
}

private func expectContiguous(
  _ cues: [MouthCue], duration: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(cues.first?.start == 0, sourceLocation: sourceLocation)
  #expect(cues.last.map { abs($0.end - duration) < 1e-12 } == true, sourceLocation: sourceLocation)
  for (previous, next) in zip(cues, cues.dropFirst()) {
    #expect(previous.end == next.start, sourceLocation: sourceLocation)
    #expect(previous.shape != next.shape, sourceLocation: sourceLocation)
  }
}

@Suite("Mouth cues from recorded audio")
struct AudioMouthCuesTests {
  @Test(
    "Silence, a voiced tone, silence: rest, open mouth, rest", arguments: [16_000, 22_050, 48_000])
  func silenceToneSilence(sampleRate: Int) {
    let samples = signal(
      sampleRate: sampleRate, [(0.5, silence), (0.5, voiced(amplitude: 0.8)), (0.5, silence)])
    let cues = AudioMouthCues.mouthCues(samples: samples, sampleRate: sampleRate)
    expectContiguous(cues, duration: Double(samples.count) / Double(sampleRate))

    #expect(shape(at: 0.25, in: cues) == .X)
    #expect([.C, .D].contains(shape(at: 0.75, in: cues)))
    #expect(shape(at: 1.25, in: cues) == .X)
    // The open mouth follows the tone to within a few frames.
    let open = cues.filter { $0.shape.openness >= 0.5 }
    #expect(open.first.map { abs($0.start - 0.5) <= 0.04 } == true)
    #expect(open.last.map { abs($0.end - 1.0) <= 0.1 } == true)
    for cue in cues { #expect(cue.end - cue.start >= 0.0399, "flicker \(cue)") }
  }

  @Test("A quiet murmur keeps the mouth nearly closed; hiss shows teeth")
  func murmurAndHiss() {
    let sampleRate = 16_000
    let samples = signal(
      sampleRate: sampleRate,
      [
        (0.3, silence), (0.4, voiced(amplitude: 0.8)), (0.4, voiced(amplitude: 0.08)),
        (0.4, hiss(amplitude: 0.5)), (0.3, silence),
      ])
    let cues = AudioMouthCues.mouthCues(samples: samples, sampleRate: sampleRate)
    expectContiguous(cues, duration: Double(samples.count) / Double(sampleRate))
    #expect(shape(at: 0.5, in: cues) == .D)
    #expect(shape(at: 0.9, in: cues) == .B)
    #expect([.B, .G].contains(shape(at: 1.3, in: cues)))
    #expect(shape(at: 1.7, in: cues) == .X)
  }

  @Test("A dark, low tone reads as a rounded vowel")
  func roundedVowel() {
    let sampleRate = 16_000
    let samples = signal(
      sampleRate: sampleRate,
      [
        (0.3, silence), (0.5, { 0.8 * sin(2 * .pi * 180 * $0) + 0.2 * sin(2 * .pi * 360 * $0) }),
        (0.3, silence),
      ])
    let cues = AudioMouthCues.mouthCues(samples: samples, sampleRate: sampleRate)
    #expect([.E, .F].contains(shape(at: 0.55, in: cues)))
  }

  @Test("Silence gives a single rest cue; no audio gives none")
  func silenceOnly() {
    let samples = [Int16](repeating: 0, count: 12_345)
    #expect(
      AudioMouthCues.mouthCues(samples: samples, sampleRate: 16_000)
        == [MouthCue(start: 0, end: 12_345 / 16_000, shape: .X)])
    #expect(AudioMouthCues.mouthCues(samples: [], sampleRate: 16_000).isEmpty)
  }
}
