import Foundation
import OratorRender
import Testing

@testable import OratorTranslate

@Suite struct TranslationEnginesTests {
  let voices = EspeakSynthesizer.shared.voices

  /// Apertium with espeak-ng voices; the recognizer is not used here.
  var engines: TranslationEngines {
    TranslationEngines(
      translator: ApertiumTranslator(),
      recognizer: OpenAITranscriber(baseURL: URL(string: "http://127.0.0.1:9")!), voices: voices)
  }

  @Test func targetsAreWhatCanBeTranslatedAndSpoken() async throws {
    let names = try await engines.targetLanguages().map(\.name)
    #expect(names.contains("Spanish"))
    #expect(names.contains("Catalan"))
    #expect(names.contains("English"))
    // Apertium translates into Galician, but espeak-ng has no Galician voice.
    #expect(!names.contains("Galician"))
    #expect(!names.contains("German"))
    #expect(names == names.sorted())
  }

  @Test func supportsNeedsAPairAndAVoice() async throws {
    #expect(try await engines.supports(source: "en", target: "es"))
    #expect(try await engines.supports(source: "fr", target: "es"))
    #expect(try await engines.supports(source: "de", target: "de"))
    #expect(try await engines.supports(source: "en", target: "de") == false)
    #expect(try await engines.supports(source: "en", target: "gl") == false)
  }

  @Test func voicePickerKeepsTheGenderAndTheHomeAccent() throws {
    let spanish = TranslationLanguage(name: "Spanish", code: "es")
    let female = try #require(VoicePicker.voice(for: spanish, gender: "female", in: voices))
    #expect(female.locale == "es-ES")
    #expect(female.gender == "female")
    let male = try #require(VoicePicker.voice(for: spanish, gender: "Male", in: voices))
    #expect(male.gender == "male")
    let english = TranslationLanguage(name: "English", code: "en")
    #expect(VoicePicker.voice(for: english, gender: nil, in: voices)?.locale == "en-US")
    let galician = TranslationLanguage(name: "Galician", code: "gl")
    #expect(VoicePicker.voice(for: galician, gender: nil, in: voices) == nil)
  }

  @Test func voicePickerPrefersANeuralVoiceOfTheGender() throws {
    let joe = VoiceDescriptor(
      id: "en-us-joe", name: "Joe", language: "English", locale: "en-US", gender: "male",
      engineVoice: "en_US-joe-medium.onnx", engine: .piper)
    let english = TranslationLanguage(name: "English", code: "en")
    #expect(VoicePicker.voice(for: english, gender: "male", in: voices + [joe]) == joe)
    #expect(
      VoicePicker.voice(for: english, gender: "female", in: voices + [joe])?.engine == .espeak)
    let spanish = TranslationLanguage(name: "Spanish", code: "es")
    #expect(VoicePicker.voice(for: spanish, gender: "male", in: voices + [joe])?.locale == "es-ES")
  }
}
