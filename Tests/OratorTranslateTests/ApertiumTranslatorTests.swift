import Testing

@testable import OratorTranslate

@Suite struct ApertiumTranslatorTests {
  let apertium = ApertiumTranslator()

  @Test func englishBecomesSpanish() async throws {
    let spanish = try await apertium.translate(
      ["Hello, this is a video about our product.", "Thank you for watching."], from: "en",
      to: "es")
    #expect(spanish.count == 2)
    #expect(words(spanish[0]).contains("hola"))
    #expect(words(spanish[0]).contains("vídeo"))
    #expect(words(spanish[1]).contains("gracias"))
  }

  @Test func oneRunKeepsCountAndOrderWithBlanks() async throws {
    let texts = [
      "The cat sleeps.", "", "I like the house", "   ", "Good morning!", "The red car.",
    ]
    let spanish = try await apertium.translate(texts, from: "en", to: "es")
    #expect(spanish.count == texts.count)
    #expect(words(spanish[0]).contains("gato"))
    #expect(spanish[1] == "")
    #expect(words(spanish[2]).contains("casa"))
    #expect(spanish[3] == "")
    #expect(words(spanish[4]).contains("buenos"))
    #expect(words(spanish[5]).contains("coche"))
  }

  @Test func punctuationSitsOnItsWord() async throws {
    // Apertium writes "Esto es la segunda frase ." for this sentence; captions must not.
    let spanish = try await apertium.translate(
      ["This is the second sentence.", "Is it ready?"], from: "en", to: "es")
    for text in spanish {
      #expect(!text.contains(" .") && !text.contains(" ?"), "\(text)")
    }
    #expect(spanish[0].hasSuffix("frase."), "\(spanish[0])")
  }

  @Test func noStrayCapitalsMidSentence() async throws {
    let spanish = try await apertium.translate(
      ["Hello and welcome.", "Thank you for watching.", "Good morning everyone. See you soon."],
      from: "en", to: "es")
    #expect(spanish[0] == "Hola y bienvenido.", "\(spanish[0])")
    #expect(spanish[1].hasPrefix("Gracias para"), "\(spanish[1])")
    #expect(!spanish[2].contains("Todo"), "\(spanish[2])")
    // A sentence with a name keeps Apertium's capitals.
    let named = try await apertium.translate(["Hello, my name is Maria."], from: "en", to: "es")
    #expect(named[0].contains("Maria"), "\(named[0])")
  }

  @Test func installedPairsAreOffered() async throws {
    let pairs = try await apertium.pairs()
    for target in ["es", "ca", "gl"] {
      #expect(pairs.contains(LanguagePair(source: "en", target: target)))
    }
    #expect(pairs.contains(LanguagePair(source: "fr", target: "es")))
    #expect(!pairs.contains(LanguagePair(source: "en", target: "de")))
  }

  @Test func plainModeWinsOverVariants() {
    let modes = ApertiumModes.modes(
      listing: "  eng-cat_valencia\n  eng-cat\n  eco-es-fr\n  spa-eng_US\n  en-gl\n")
    #expect(modes[LanguagePair(source: "en", target: "ca")] == "eng-cat")
    #expect(modes[LanguagePair(source: "es", target: "en")] == "spa-eng_US")
    #expect(modes[LanguagePair(source: "en", target: "gl")] == "en-gl")
    #expect(modes.count == 3)
  }

  @Test func unsupportedPairIsRefused() async {
    await #expect(throws: TranslationError.unsupportedPair(source: "en", target: "de")) {
      try await apertium.translate(["Hello"], from: "en", to: "de")
    }
  }

  @Test func catalanAndFrenchToSpanish() async throws {
    let catalan = try await apertium.translate(["Good morning, my friends."], from: "en", to: "ca")
    #expect(words(catalan[0]).contains("bon"))
    let spanish = try await apertium.translate(["Bonjour le monde."], from: "fr", to: "es")
    #expect(words(spanish[0]).contains("mundo"))
  }
}
