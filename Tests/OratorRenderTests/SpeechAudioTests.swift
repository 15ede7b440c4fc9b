import Foundation
import Testing

@testable import OratorRender

@Suite("Speech audio files and loudness")
struct SpeechAudioTests {
  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-speech-\(UUID().uuidString)-\(name)").path
  }

  /// A 440 Hz tone at about half of full scale.
  private func tone(seconds: Double, sampleRate: Int = 22050) -> SpeechTrack {
    let count = Int(seconds * Double(sampleRate))
    let samples = (0..<count).map { index in
      Int16(16000 * sin(2 * Double.pi * 440 * Double(index) / Double(sampleRate)))
    }
    return SpeechTrack(samples: samples, sampleRate: sampleRate, words: [], phones: [])
  }

  @Test("A WAV written by WAVFile decodes back to the same length and samples")
  func wavRoundTrip() async throws {
    let original = tone(seconds: 1.25)
    let path = temporaryPath("tone.wav")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try WAVFile.write(original, to: path)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path)).count == 44 + original.samples.count * 2)

    let decoded = try await AudioDecoder.decode(fileAt: path)
    #expect(decoded.sampleRate == 22050)
    #expect(decoded.samples.count == original.samples.count)
    #expect(decoded.samples.prefix(1000) == original.samples.prefix(1000))
    #expect(decoded.words.isEmpty && decoded.phones.isEmpty)

    let read = try WAVFile.read(path)
    #expect(read.sampleRate == 22050 && read.samples == original.samples)

    let resampled = try await AudioDecoder.decode(fileAt: path, sampleRate: 48000)
    #expect(abs(resampled.duration - 1.25) < 0.01)
  }

  @Test("A text file is unreadable audio, with ffmpeg's reason")
  func unreadableFile() async throws {
    let path = temporaryPath("notes.wav")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("This is not audio, just a few words of text.\n".utf8)
      .write(to: URL(fileURLWithPath: path))
    do {
      _ = try await AudioDecoder.decode(fileAt: path)
      Issue.record("decoding text should fail")
    } catch {
      guard case .unreadableAudio(let failedPath, let reason) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(failedPath == path)
      #expect(!reason.isEmpty && !reason.contains("\n"))
      #expect(error.description.contains(path))
    }
  }

  @Test("A missing file is unreadable audio")
  func missingFile() async {
    await #expect {
      try await AudioDecoder.decode(fileAt: "/nonexistent/voice.mp3")
    } throws: { error in
      guard case .unreadableAudio(_, let reason) = error as? SpeechError else { return false }
      return reason.localizedCaseInsensitiveContains("no such file")
    }
  }

  @Test("Writing into a missing folder says why")
  func unwritable() {
    #expect(throws: SpeechError.self) {
      try WAVFile.write(.silence(duration: 0.1), to: "/nonexistent/folder/out.wav")
    }
  }

  @Test("Silence and appending keep times consistent")
  func silenceAndAppend() {
    let silence = SpeechTrack.silence(duration: 1.5)
    #expect(silence.samples.count == 33075)
    #expect(silence.samples.allSatisfy { $0 == 0 })

    let word = SpeechTrack(
      samples: [Int16](repeating: 1000, count: 2205), sampleRate: 22050,
      words: [TimedWord(text: "Hi", start: 0, end: 0.1, startsSentence: true)],
      phones: [TimedPhone(.AY, start: 0.02, end: 0.1)])
    let joined = silence.appending(word)
    #expect(abs(joined.duration - 1.6) < 1e-9)
    #expect(abs(joined.words[0].start - 1.5) < 1e-9)
    #expect(abs(joined.phones[0].end - 1.6) < 1e-9)
  }

  @Test("Energy is zero in silence and high during speech")
  func energy() async throws {
    let silence = SpeechTrack.silence(duration: 2)
    let quiet = SpeechEnergy.perFrame(
      samples: silence.samples, sampleRate: 22050, fps: 25, frameCount: 50)
    #expect(quiet.count == 50)
    #expect(quiet.allSatisfy { $0 == 0 })

    let speech = try await EspeakSynthesizer.shared.synthesize(
      "Welcome everyone to the quarterly update.", voiceID: "en-us-female")
    let padded = speech.appending(.silence(duration: 1))
    let frames = Int((padded.duration * 25).rounded(.up))
    let energy = SpeechEnergy.perFrame(
      samples: padded.samples, sampleRate: padded.sampleRate, fps: 25, frameCount: frames + 10)
    #expect(energy.count == frames + 10)
    #expect(energy.allSatisfy { $0 >= 0 && $0 <= 1 })

    let spokenFrames = speech.phones.filter { $0.duration > 0.06 }.map {
      Int((($0.start + $0.end) / 2 * 25).rounded(.down))
    }
    let spokenEnergy = spokenFrames.map { energy[$0] }.reduce(0, +) / Double(spokenFrames.count)
    #expect(spokenEnergy > 0.3)
    // The padding second after the speech, away from the smoothing edge, is silent.
    let tailStart = Int((speech.duration + 0.2) * 25)
    #expect(energy[tailStart...].allSatisfy { $0 < 0.01 })
  }
}
