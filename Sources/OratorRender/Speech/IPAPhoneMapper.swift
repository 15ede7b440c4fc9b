/// Maps a phoneme written in IPA (as espeak-ng reports it for every language) to the lip-sync
/// phone set. Known multi-letter sounds (diphthongs, affricates) are matched whole; anything
/// else is classed by its first letter, which carries the mouth shape. Stress, length and
/// diacritics do not change the shape and are ignored.
enum IPAPhoneMapper {
  /// The phone for `ipa`, or nil when it names no sound (a pause or a bare stress mark).
  static func phone(forIPA ipa: String) -> Phone? {
    let letters = baseLetters(of: ipa)
    guard let first = letters.first else { return nil }
    if letters.count > 1, let phone = sequences[String(String.UnicodeScalarView(letters))] {
      return phone
    }
    return singles[first] ?? .breath
  }

  /// Whether `ipa` is a two-letter sound matched whole (a diphthong or an affricate), for
  /// engines that report one code point at a time.
  static func isSequence(_ ipa: String) -> Bool {
    sequences[String(String.UnicodeScalarView(baseLetters(of: ipa)))] != nil
  }

  /// The letters of `ipa` without modifier letters (ˈ ˌ ː ʰ ʲ …) and combining marks.
  private static func baseLetters(of ipa: String) -> [Unicode.Scalar] {
    ipa.unicodeScalars.filter { scalar in
      switch scalar.properties.generalCategory {
      case .lowercaseLetter, .uppercaseLetter, .otherLetter: true
      default: false
      }
    }
  }

  private static let sequences: [String: Phone] = [
    "eɪ": .EY, "ei": .EY, "ej": .EY,
    "aɪ": .AY, "ai": .AY, "aj": .AY, "ʌɪ": .AY, "ɑɪ": .AY, "äɪ": .AY,
    "aʊ": .AW, "au": .AW, "aw": .AW, "ɑʊ": .AW,
    "oʊ": .OW, "əʊ": .OW, "ou": .OW, "ow": .OW, "ɔʊ": .OW,
    "ɔɪ": .OY, "oɪ": .OY, "ɔj": .OY, "oi": .OY, "ɔy": .OY,
    "tʃ": .CH, "tɕ": .CH, "tʂ": .CH, "cç": .CH,
    "dʒ": .JH, "dʑ": .JH, "dʐ": .JH, "ɟʝ": .JH,
    "ts": .S, "dz": .Z, "pf": .F,
    // Syllabic l ("bottle") is shaped like an l.
    "əl": .L,
  ]

  private static let singles: [Unicode.Scalar: Phone] = [
    // Close and near-close vowels
    "i": .IY, "y": .UW, "ɨ": .IH, "ᵻ": .IH, "ʉ": .UW, "ɯ": .UH, "u": .UW,
    "ɪ": .IH, "ʏ": .UH, "ʊ": .UH,
    // Mid vowels
    "e": .EH, "ø": .AO, "ɘ": .schwa, "ɵ": .schwa, "ɤ": .schwa, "o": .AO,
    "ə": .schwa, "ɛ": .EH, "œ": .AO, "ɜ": .ER, "ɞ": .AO, "ʌ": .AH, "ɔ": .AO,
    "ɚ": .ER, "ɝ": .ER,
    // Open vowels
    "æ": .AE, "ɐ": .AH, "a": .AA, "ä": .AA, "ɶ": .AO, "ɑ": .AA, "ɒ": .AA,
    // Lips
    "p": .P, "b": .B, "m": .M, "ɓ": .B, "ʙ": .B, "β": .B, "ɸ": .F,
    "f": .F, "v": .V, "ʋ": .V, "ɱ": .M,
    // Teeth and tongue tip
    "θ": .TH, "ð": .DH, "t": .T, "d": .D, "ʈ": .T, "ɖ": .D, "ɗ": .D, "ɾ": .T, "ʔ": .T,
    "s": .S, "z": .Z, "ʃ": .SH, "ʒ": .ZH, "ɕ": .SH, "ʑ": .ZH, "ʂ": .SH, "ʐ": .ZH, "ɧ": .SH,
    // Back of the mouth
    "c": .K, "ɟ": .G, "k": .K, "g": .G, "ɡ": .G, "q": .K, "ɢ": .G, "ɠ": .G,
    "ç": .HH, "x": .HH, "ɣ": .HH, "χ": .HH, "ħ": .HH, "ʕ": .HH, "h": .HH, "ɦ": .HH,
    // Nasals and liquids
    "n": .N, "ɲ": .N, "ɳ": .N, "ŋ": .NG, "ɴ": .NG,
    "l": .L, "ɫ": .L, "ʎ": .L, "ɭ": .L, "ɬ": .L, "ɮ": .L, "ʟ": .L, "ɺ": .L,
    "r": .R, "ɹ": .R, "ɻ": .R, "ʀ": .R, "ʁ": .R, "ɽ": .R,
    "w": .W, "ʍ": .W, "ɥ": .W, "ɰ": .W, "j": .Y, "ʝ": .Y,
    // Clicks: a tongue release, shaped like t.
    "ʘ": .P, "ǀ": .T, "ǃ": .T, "ǂ": .T, "ǁ": .T,
  ]
}
