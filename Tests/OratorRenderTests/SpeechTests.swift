import Foundation
import Testing

@testable import OratorRender

/// The root mean square of `samples[range]`, in 16-bit units.
private func rms(_ samples: [Int16], _ range: Range<Int>) -> Double {
  let slice = samples[range.clamped(to: samples.indices)]
  guard !slice.isEmpty else { return 0 }
  let sum = slice.reduce(0.0) { $0 + Double($1) * Double($1) }
  return (sum / Double(slice.count)).squareRoot()
}

private func voice(_ id: String) throws -> VoiceDescriptor {
  try #require(EspeakSynthesizer.shared.voice(withID: id))
}

@Suite("Speech synthesis with espeak-ng")
struct SpeechSynthesisTests {
  let synthesizer = EspeakSynthesizer.shared

  @Test("\"Hello world\" is two timed words with phones inside the track")
  func helloWorld() async throws {
    let track = try await synthesizer.synthesize(
      "Hello world", voice: voice("en-us-female"), speed: 1, pitch: 0)
    #expect(track.sampleRate == 22050)
    #expect(track.duration > 0.5 && track.duration < 2.5)
    #expect(track.words.map(\.text) == ["Hello", "world"])
    #expect(track.words.first?.startsSentence == true)
    #expect(track.words[1].startsSentence == false)
    #expect(track.words[0].start < track.words[1].start)
    #expect(track.words.allSatisfy { $0.start <= $0.end && $0.end <= track.duration + 1e-9 })

    #expect(track.phones.count >= 6)
    #expect(track.phones.first?.phone == .HH)
    #expect(track.phones.contains { $0.phone == .L })
    #expect(track.phones.contains { $0.phone == .W })
    for (earlier, later) in zip(track.phones, track.phones.dropFirst()) {
      #expect(earlier.end <= later.start + 1e-9)
    }
    #expect(track.phones.allSatisfy { $0.start < $0.end && $0.start >= 0 })
    #expect(track.phones.allSatisfy { $0.end <= track.duration + 1e-9 })
    // Audio is there, and loud where the phones are.
    let middle = track.phones[track.phones.count / 2]
    let middleSample = Int((middle.start + middle.end) / 2 * Double(track.sampleRate))
    #expect(rms(track.samples, middleSample - 200..<middleSample + 200) > 500)
  }

  @Test("Words espeak-ng reports together (\"I am\") each get their own time")
  func mergedWords() async throws {
    let text = "Hello, I am your digital presenter. Welcome to the update!"
    let track = try await synthesizer.synthesize(
      text, voice: voice("en-us-male"), speed: 1, pitch: 0)
    #expect(
      track.words.map(\.text) == [
        "Hello,", "I", "am", "your", "digital", "presenter.", "Welcome", "to", "the", "update!",
      ])
    #expect(track.words.filter(\.startsSentence).map(\.text) == ["Hello,", "Welcome"])
    for (earlier, later) in zip(track.words, track.words.dropFirst()) {
      #expect(earlier.end <= later.start + 1e-9)
      #expect(earlier.start < later.start)
    }
  }

  @Test("Speed 1.5 is clearly faster than speed 0.5")
  func speed() async throws {
    let text = "The quarterly results are better than expected in every region."
    let english = try voice("en-us-female")
    let slow = try await synthesizer.synthesize(text, voice: english, speed: 0.5, pitch: 0)
    let normal = try await synthesizer.synthesize(text, voice: english, speed: 1, pitch: 0)
    let fast = try await synthesizer.synthesize(text, voice: english, speed: 1.5, pitch: 0)
    #expect(fast.duration < normal.duration)
    #expect(normal.duration < slow.duration)
    #expect(fast.duration < slow.duration * 0.6)
  }

  @Test("A long script is spoken whole: about a minute of speech, words to the end")
  func minuteOfSpeech() async throws {
    let sentence = "Welcome to the quarterly update, where we look at the numbers and the plans. "
    let track = try await synthesizer.synthesize(
      String(repeating: sentence, count: 14), voiceID: "en-us-male")
    #expect(track.duration > 45 && track.duration < 90)
    #expect(track.words.count == 14 * 14)
    #expect((track.words.last?.end ?? 0) <= track.duration)
    #expect((track.words.last?.end ?? 0) > track.duration - 1.5)
  }

  @Test("Pitch changes the sound but not the timing much")
  func pitch() async throws {
    let english = try voice("en-us-male")
    let low = try await synthesizer.synthesize("Good morning", voice: english, speed: 1, pitch: -50)
    let high = try await synthesizer.synthesize("Good morning", voice: english, speed: 1, pitch: 50)
    #expect(low.samples != high.samples)
    #expect(abs(low.duration - high.duration) < 0.3)
  }

  @Test("A <break time=\"1.5s\"/> inserts 1.5 s of silence and shifts what follows")
  func breakTag() async throws {
    let english = try voice("en-us-female")
    let plain = try await synthesizer.synthesize(
      "First part. Second part.", voice: english, speed: 1, pitch: 0)
    let paused = try await synthesizer.synthesize(
      "First part. <break time=\"1.5s\"/> Second part.", voice: english, speed: 1, pitch: 0)
    #expect(paused.words.map(\.text) == ["First", "part.", "Second", "part."])
    #expect(paused.words[2].startsSentence)
    #expect(abs(paused.duration - plain.duration - 1.5) < 0.5)

    // The gap between the two sentences is at least 1.5 s and near silent.
    let gapStart = paused.words[1].end
    let gapEnd = paused.words[2].start
    #expect(gapEnd - gapStart >= 1.5)
    let rate = Double(paused.sampleRate)
    #expect(rms(paused.samples, Int((gapStart + 0.05) * rate)..<Int((gapEnd - 0.05) * rate)) < 50)
    #expect(!paused.phones.contains { $0.end > gapStart + 0.01 && $0.start < gapEnd - 0.01 })
    // Speech resumes after the gap.
    #expect(rms(paused.samples, Int(gapEnd * rate)..<Int(paused.words[2].end * rate)) > 500)
  }

  @Test("A break in milliseconds mid-sentence does not start a new sentence")
  func millisecondBreak() async throws {
    let track = try await synthesizer.synthesize(
      "Wait for it <break time='500ms'/> now.", voice: voice("en-gb-male"), speed: 1, pitch: 0)
    #expect(track.words.map(\.text) == ["Wait", "for", "it", "now."])
    #expect(track.words[3].startsSentence == false)
    #expect(track.words[3].start - track.words[2].end >= 0.5)
  }

  @Test("Other tags are ignored; text with nothing to say is an error")
  func markup() async throws {
    let english = try voice("en-us-female")
    let track = try await synthesizer.synthesize(
      "<speak><emphasis>Big</emphasis> news</speak>", voice: english, speed: 1, pitch: 0)
    #expect(track.words.map(\.text) == ["Big", "news"])

    await #expect(throws: SpeechError.emptyText) {
      try await synthesizer.synthesize(
        "  <break time=\"1s\"/> <p></p> ", voice: english, speed: 1, pitch: 0)
    }
  }

  @Test("An unknown voice is refused by name")
  func unknownVoice() async throws {
    await #expect(throws: SpeechError.unknownVoice("xx-yy-female")) {
      try await synthesizer.synthesize("Hello", voiceID: "xx-yy-female")
    }
    #expect(SpeechError.unknownVoice("xx-yy-female").description.contains("xx-yy-female"))
  }

  @Test("A Spanish sentence gives Spanish words and phones")
  func spanish() async throws {
    let track = try await synthesizer.synthesize(
      "Hola, ¿cómo estás? Me llamo Pedro.", voice: voice("es-es-female"), speed: 1, pitch: 0)
    #expect(track.words.map(\.text) == ["Hola,", "¿cómo", "estás?", "Me", "llamo", "Pedro."])
    #expect(track.phones.count > 15)
    #expect(track.phones.contains { $0.phone == .M })
    #expect(track.phones.contains { $0.phone == .P })
    #expect(track.phones.contains { $0.phone == .AA })
  }
}

@Suite("Voice catalogue")
struct SpeechVoiceCatalogueTests {
  let voices = EspeakSynthesizer.shared.voices

  @Test("English, Spanish and German voices of both genders, with stable unique ids")
  func catalogue() throws {
    let ids = voices.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids == EspeakSynthesizer.shared.voices.map(\.id))
    for id in ["en-us-female", "en-us-male", "en-us-female-2", "en-us-male-2", "en-gb-female"] {
      #expect(ids.contains(id), "missing \(id)")
    }
    let english = try #require(voices.first { $0.id == "en-us-female" })
    #expect(english.language == "English")
    #expect(english.locale == "en-US")
    #expect(english.gender == "female")
    #expect(english.name.contains("English (US)"))
    #expect(english.engineVariant != nil)

    let spanish = try #require(voices.first { $0.id == "es-es-male" })
    #expect(spanish.language == "Spanish")
    #expect(spanish.locale == "es-ES")
    #expect(voices.contains { $0.id == "de-de-female" && $0.language == "German" })
    #expect(voices.contains { $0.id == "fr-fr-female" && $0.language == "French" })

    #expect(voices.count > 200)
    #expect(!voices.contains { $0.engineVoice.hasPrefix("mb/") })
    #expect(voices.allSatisfy { $0.gender == "female" || $0.gender == "male" })
    #expect(voices.allSatisfy { $0.id == $0.id.lowercased() && !$0.name.isEmpty })
  }

  @Test("Every voice loads and speaks")
  func everyVoiceLoads() async throws {
    // A digit is enough to prove that the voice and its variant load; a few languages
    // (Cherokee, Quenya, …) have no rule for it and only breathe.
    for voice in voices {
      let track = try await EspeakSynthesizer.shared.synthesize(
        "1", voice: voice, speed: 1, pitch: 0)
      #expect(!track.samples.isEmpty, "\(voice.id) said nothing")
    }
  }

  @Test("Female and male voices of a language sound different")
  func gendersDiffer() async throws {
    let female = try await EspeakSynthesizer.shared.synthesize(
      "Hello there", voiceID: "en-us-female")
    let male = try await EspeakSynthesizer.shared.synthesize("Hello there", voiceID: "en-us-male")
    #expect(female.samples != male.samples)
  }

  @Test("Locales are BCP 47")
  func locales() {
    #expect(VoiceLocale.locale(fromTag: "en-us") == "en-US")
    #expect(VoiceLocale.locale(fromTag: "es") == "es-ES")
    #expect(VoiceLocale.locale(fromTag: "es-419") == "es-419")
    #expect(VoiceLocale.locale(fromTag: "en-gb-x-rp") == "en-GB-x-rp")
    #expect(VoiceLocale.locale(fromTag: "cmn-latn-pinyin") == "cmn-Latn-pinyin")
    #expect(VoiceLocale.locale(fromTag: "eo") == "eo")
  }
}
