import Testing

@testable import OratorRender

@Suite("Speech script markup and phone mapping")
struct SpeechScriptTests {
  @Test("Break tags become pauses and other tags disappear")
  func parsing() {
    let script = SpeechScript(
      parsing: "Hello <break time=\"1.5s\"/><break time='500ms' /> there &amp; <b>you</b>")
    #expect(script.parts == [.text("Hello "), .pause(seconds: 2), .text(" there & you")])
    #expect(SpeechScript(parsing: "<break/>").parts == [.pause(seconds: 0.5)])
    #expect(SpeechScript(parsing: "<break/>").isSilent)
    #expect(SpeechScript(parsing: "a < b").parts == [.text("a < b")])
    #expect(
      SpeechScript(parsing: "<break time=\"2\"/>x").parts == [.pause(seconds: 2), .text("x")])
  }

  @Test("IPA phonemes map to lip-sync phones")
  func ipa() {
    #expect(IPAPhoneMapper.phone(forIPA: "oʊ") == .OW)
    #expect(IPAPhoneMapper.phone(forIPA: "ˈaɪ") == .AY)
    #expect(IPAPhoneMapper.phone(forIPA: "ɜː") == .ER)
    #expect(IPAPhoneMapper.phone(forIPA: "dʒ") == .JH)
    #expect(IPAPhoneMapper.phone(forIPA: "ɔːɹ") == .AO)
    #expect(IPAPhoneMapper.phone(forIPA: "ɑ̃") == .AA)
    #expect(IPAPhoneMapper.phone(forIPA: "ʎ") == .L)
    #expect(IPAPhoneMapper.phone(forIPA: "") == nil)
    #expect(IPAPhoneMapper.phone(forIPA: "ˈ") == nil)
  }

  @Test("Written words keep their punctuation")
  func words() {
    let words = ScriptWords("Well — that's it… ok").words
    #expect(words.map(\.text) == ["Well —", "that's", "it…", "ok"])
    #expect(words[1].characters == 7..<13)
  }
}
