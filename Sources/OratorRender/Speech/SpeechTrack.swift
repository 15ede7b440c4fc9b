/// A speech sound of Rhubarb Lip Sync's phone set (CMU ARPAbet plus a schwa), the common
/// language between speech engines and lip sync. Engines map their own phoneme names to it.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The cases are ARPAbet symbols, the notation lip-sync rules are written in.
public enum Phone: String, Codable, Sendable, Equatable, CaseIterable {
  // Vowels
  case AO, AA, IY, UW, EH, IH, UH, AH
  case schwa = "Schwa"
  case AE
  // Diphthongs
  case EY, AY, OW, AW, OY
  // R-coloured vowel
  case ER
  // Plosives
  case P, B, T, D, K, G
  // Affricates and fricatives
  case CH, JH, F, V, TH, DH, S, Z, SH, ZH, HH
  // Nasals and liquids
  case M, N, NG, L, R, Y, W
  /// An audible breath or a sound no rule knows; treated like HH (any shape).
  case breath = "Breath"
}

/// A phone with its time span in seconds from the start of the track.
public struct TimedPhone: Codable, Sendable, Equatable {
  public var phone: Phone
  public var start: Double
  public var end: Double

  public init(_ phone: Phone, start: Double, end: Double) {
    self.phone = phone
    self.start = start
    self.end = end
  }

  public var duration: Double { end - start }
}

/// A spoken word with its time span in seconds; `text` is the word as written in the script.
public struct TimedWord: Codable, Sendable, Equatable {
  public var text: String
  public var start: Double
  public var end: Double
  /// True for the first word of a sentence (captions break there, brows lift there).
  public var startsSentence: Bool

  public init(text: String, start: Double, end: Double, startsSentence: Bool = false) {
    self.text = text
    self.start = start
    self.end = end
    self.startsSentence = startsSentence
  }
}

/// Synthesised (or decoded) speech: mono PCM plus what was said when.
/// Phones never overlap and are sorted; gaps between them are silence.
public struct SpeechTrack: Codable, Sendable {
  public var samples: [Int16]
  public var sampleRate: Int
  public var words: [TimedWord]
  public var phones: [TimedPhone]

  public init(samples: [Int16], sampleRate: Int, words: [TimedWord], phones: [TimedPhone]) {
    self.samples = samples
    self.sampleRate = sampleRate
    self.words = words
    self.phones = phones
  }

  /// Length in seconds.
  public var duration: Double { Double(samples.count) / Double(sampleRate) }
}
