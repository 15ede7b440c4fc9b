import CEspeak

/// Direct use of the espeak-ng C library. The library keeps one global state (voice,
/// parameters, callback), so an `EspeakEngine` must only be used by one thread at a time;
/// `EspeakSynthesizer` guarantees that.
final class EspeakEngine {
  /// An installed espeak-ng voice (a language or accent).
  struct InstalledVoice {
    /// espeak-ng's descriptive name, e.g. "English_(America)".
    var name: String
    /// The voice file, e.g. "gmw/en-US"; this is what selects the voice.
    var identifier: String
    /// Language tags in espeak-ng's order of preference, e.g. ["en-us", "en"].
    var languages: [String]
  }

  let sampleRate: Int

  init() throws(SpeechError) {
    // Bit 0: report PHONEME events; bit 1: name phonemes in IPA, so that one table maps
    // every language.
    let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, 0b11)
    guard rate > 0 else {
      throw .engineFailure("espeak-ng could not start (is espeak-ng-data installed?)")
    }
    sampleRate = Int(rate)
    espeak_SetSynthCallback { samples, count, events in
      // The callback may capture nothing; the run being filled arrives as `user_data`,
      // which espeak-ng copies into every event, the list terminator included.
      guard let events, let userData = events.pointee.user_data else { return 0 }
      let capture = Unmanaged<EspeakCapture>.fromOpaque(userData).takeUnretainedValue()
      if let samples, count > 0 {
        capture.run.samples.append(
          contentsOf: UnsafeBufferPointer(start: samples, count: Int(count)))
      }
      var cursor = events
      while cursor.pointee.type != espeakEVENT_LIST_TERMINATED {
        capture.record(cursor.pointee)
        cursor += 1
      }
      return 0
    }
  }

  /// The installed voices (languages), as espeak-ng lists them.
  func installedVoices() -> [InstalledVoice] {
    guard let list = espeak_ListVoices(nil) else { return [] }
    var voices: [InstalledVoice] = []
    var index = 0
    while let entry = list[index] {
      index += 1
      let voice = entry.pointee
      guard let name = voice.name, let identifier = voice.identifier else { continue }
      voices.append(
        InstalledVoice(
          name: String(cString: name), identifier: String(cString: identifier),
          languages: Self.languageTags(voice.languages)))
    }
    return voices
  }

  /// The names of the installed variants ("f2", "m3", …), which modify any voice.
  func installedVariants() -> Set<String> {
    var spec = espeak_VOICE()
    return "variant".withCString { variant in
      spec.languages = variant
      guard let list = espeak_ListVoices(&spec) else { return [] }
      var names: Set<String> = []
      var index = 0
      while let entry = list[index] {
        index += 1
        guard let identifier = entry.pointee.identifier else { continue }
        // Variant identifiers look like "!v/f2".
        names.insert(String(String(cString: identifier).split(separator: "/").last ?? ""))
      }
      return names
    }
  }

  /// Speaks `text` (plain UTF-8, no markup) and returns the samples and events.
  /// - Parameters:
  ///   - voice: a voice identifier, optionally with "+variant".
  ///   - wordsPerMinute: espeak-ng's rate (80…450).
  ///   - pitch: espeak-ng's base pitch (0…100, 50 is the voice's own).
  func speak(_ text: String, voice: String, wordsPerMinute: Int, pitch: Int)
    throws(SpeechError) -> EspeakRun
  {
    guard espeak_SetVoiceByName(voice) == EE_OK else {
      throw .engineFailure("espeak-ng has no voice \"\(voice)\"")
    }
    espeak_SetParameter(espeakRATE, Int32(wordsPerMinute), 0)
    espeak_SetParameter(espeakPITCH, Int32(pitch), 0)

    let capture = EspeakCapture()
    let userData = Unmanaged.passUnretained(capture).toOpaque()
    let status = withExtendedLifetime(capture) {
      text.withCString { cText in
        espeak_Synth(
          cText, text.utf8.count + 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, userData)
      }
    }
    guard status == EE_OK else { throw .engineFailure("espeak_Synth returned \(status.rawValue)") }
    return capture.run
  }

  /// Splits espeak-ng's `languages` field: repeated `[priority byte][tag]\0`, ended by `\0`.
  private static func languageTags(_ field: UnsafePointer<CChar>?) -> [String] {
    guard var cursor = field else { return [] }
    var tags: [String] = []
    while cursor.pointee != 0 {
      let tag = String(cString: cursor + 1)
      tags.append(tag)
      cursor += 1 + tag.utf8.count + 1
    }
    return tags
  }
}

/// Collects one run from inside the C callback.
private final class EspeakCapture {
  var run = EspeakRun()

  func record(_ event: espeak_EVENT) {
    let milliseconds = Int(event.audio_position)
    // espeak-ng counts characters from 1.
    let character = Int(event.text_position) - 1
    switch event.type {
    case espeakEVENT_SENTENCE:
      run.events.append((milliseconds, .sentence(character: character)))
    case espeakEVENT_WORD:
      run.events.append((milliseconds, .word(character: character, length: Int(event.length))))
    case espeakEVENT_PHONEME:
      run.events.append((milliseconds, .phoneme(Self.phonemeName(event))))
    case espeakEVENT_END, espeakEVENT_MSG_TERMINATED:
      run.events.append((milliseconds, .end))
    default:
      break
    }
  }

  /// The phoneme name: up to 8 bytes of UTF-8, NUL-terminated only when shorter.
  private static func phonemeName(_ event: espeak_EVENT) -> String {
    var bytes = event.id.string
    return withUnsafeBytes(of: &bytes) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }
}
