import Foundation
import OratorRender

/// Dubs any video into another language: its speech is recognised, translated sentence by
/// sentence, spoken by a voice of the target language, fitted to the original timing and put
/// under the original picture, with captions of the translation.
///
/// Videos Orator rendered itself are translated by re-rendering their script instead; this
/// is for everything else.
public struct ExternalVideoDubber: Sendable {
  public var engines: TranslationEngines
  public var synthesizer: any SpeechSynthesizer
  public var encoder: EncoderSettings
  var fitting = SlotFitting()

  public init(
    engines: TranslationEngines, synthesizer: any SpeechSynthesizer,
    encoder: EncoderSettings = EncoderSettings()
  ) {
    self.engines = engines
    self.synthesizer = synthesizer
    self.encoder = encoder
  }

  /// Dubs `input` into `target`, writing `translated.mp4`, `translated.srt` and
  /// `translated.vtt` into `directory` (created if needed).
  ///
  /// - Throws: ``TranslationError/unreadableMedia(_:)`` without a readable picture and audio,
  ///   ``TranslationError/noSpeech`` when nothing is said,
  ///   ``TranslationError/unsupportedPair(source:target:)`` when the spoken language cannot be
  ///   translated into `target`.
  public func dub(
    _ input: URL, to target: TranslationLanguage, options: DubOptions, into directory: URL
  ) async throws(TranslationError) -> DubbedVideo {
    var times = DubStageTimes()
    var clock = StageClock()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orator-dub-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .outputFailed("cannot create \(directory.lastPathComponent): \(error)")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }

    // Extract.
    let source = try await SourceMedia.probe(input)
    guard source.hasAudio else { throw .unreadableMedia("\(input.lastPathComponent) has no audio") }
    let speechFile = scratch.appendingPathComponent("speech.wav")
    try await DubAudio.extractSpeech(from: input, to: speechFile)
    times.extract = clock.lap()

    // Recognise.
    let transcript = try await engines.recognizer.transcribe(
      audioAt: speechFile, language: options.sourceLanguage?.code)
    times.recognition = clock.lap()
    let sentences = SpokenSentences.sentences(in: transcript)
    guard !sentences.isEmpty else { throw .noSpeech }
    let sourceLanguage =
      LanguageNames.language(code: transcript.language) ?? options.sourceLanguage
      ?? TranslationLanguage(name: transcript.language, code: transcript.language)
    guard
      let voice = VoicePicker.voice(for: target, gender: options.gender, in: synthesizer.voices)
    else { throw .noVoice(language: target.name) }

    // Translate (the same language is re-voiced as it is).
    let translations: [String]
    if sourceLanguage.code == target.code {
      translations = sentences.map(\.text)
    } else {
      guard
        try await engines.translator.pairs().contains(
          LanguagePair(source: sourceLanguage.code, target: target.code))
      else { throw .unsupportedPair(source: sourceLanguage.code, target: target.code) }
      translations = try await engines.translator.translate(
        sentences.map(\.text), from: sourceLanguage.code, to: target.code)
    }
    times.translation = clock.lap()

    // Speak and fit.
    let speech = try await speak(
      translations, over: sentences, until: source.duration, voice: voice, scratch: scratch,
      times: &times)
    var clockAfterSpeech = StageClock()

    let duration = max(source.duration, speech.end)
    let dubFile = scratch.appendingPathComponent("dub.wav")
    var track = speech.track
    let totalSamples = Int((duration * Double(track.sampleRate)).rounded(.up))
    if track.samples.count < totalSamples {
      track.samples += [Int16](repeating: 0, count: totalSamples - track.samples.count)
    }
    do {
      try WAVFile.write(track, to: dubFile.path)
    } catch {
      throw .outputFailed("\(error)")
    }
    times.fitting += clockAfterSpeech.lap()
    _ = clock.lap()

    // Captions and mux.
    let cues = Captions.cues(from: speech.words)
    let video = directory.appendingPathComponent("translated.mp4")
    let srt = directory.appendingPathComponent("translated.srt")
    let vtt = directory.appendingPathComponent("translated.vtt")
    do {
      try Captions.srt(cues).write(to: srt, atomically: true, encoding: .utf8)
      try Captions.webVTT(cues).write(to: vtt, atomically: true, encoding: .utf8)
    } catch {
      throw .outputFailed("captions: \(error)")
    }
    let hold = speech.end > source.duration + 0.04 ? speech.end - source.duration : 0
    if options.burnCaptions {
      let plain = scratch.appendingPathComponent("plain.mp4")
      try await DubMux.mux(
        picture: input, source: source, audio: dubFile, hold: hold, settings: encoder, to: plain)
      let ass = scratch.appendingPathComponent("captions.ass")
      do {
        try Captions.ass(cues, width: source.width, height: source.height)
          .write(to: ass, atomically: true, encoding: .utf8)
        try await CaptionBurner.burn(
          assFile: ass.path, into: plain.path, to: video.path, settings: encoder)
      } catch let error as FFmpegError {
        throw .outputFailed("burning captions: \(error.message)")
      } catch {
        throw .outputFailed("burning captions: \(error)")
      }
    } else {
      try await DubMux.mux(
        picture: input, source: source, audio: dubFile, hold: hold, settings: encoder, to: video)
    }
    times.muxing = clock.lap()

    return DubbedVideo(
      videoFile: video, subtitleFile: srt, webVTTFile: vtt,
      duration: (try? await FFmpeg.duration(of: video.path)) ?? duration,
      sourceLanguage: sourceLanguage, transcript: transcript,
      translatedSegments: speech.segments, stages: times)
  }
}
