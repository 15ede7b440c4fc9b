import Testing

@testable import OratorTranslate

@Suite struct LanguageNamesTests {
  @Test(arguments: [
    "Spanish", "spanish", " SPANISH ", "es", "ES", "es-ES", "es_419", "spa", "Spanish (Spain)",
    "Spanish - Mexican Accent", "Castilian",
  ])
  func spanishHasManyNames(_ text: String) {
    #expect(LanguageNames.language(named: text) == TranslationLanguage(name: "Spanish", code: "es"))
  }

  @Test func accentsAndRegionsNameTheLanguage() {
    #expect(LanguageNames.language(named: "English - American Accent")?.code == "en")
    #expect(LanguageNames.language(named: "English (United Kingdom)")?.code == "en")
    #expect(LanguageNames.language(named: "Chinese (Mandarin, Simplified)")?.code == "zh")
    #expect(LanguageNames.language(named: "Catalan")?.code == "ca")
    #expect(LanguageNames.language(named: "glg")?.name == "Galician")
  }

  @Test func codesUseIso639_1() {
    #expect(LanguageNames.language(code: "eng")?.name == "English")
    #expect(LanguageNames.language(code: "cat")?.name == "Catalan")
    #expect(LanguageNames.language(code: "pt-BR")?.name == "Portuguese")
    #expect(LanguageNames.isoCode("fra") == "fr")
  }

  @Test func unknownNamesAreNotGuessed() {
    #expect(LanguageNames.language(named: "Klingon") == nil)
    #expect(LanguageNames.language(named: "") == nil)
    #expect(LanguageNames.language(code: "xx") == nil)
  }
}
