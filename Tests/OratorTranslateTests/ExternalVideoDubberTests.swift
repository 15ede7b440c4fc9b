import Foundation
import OratorRender
import Testing

@testable import OratorTranslate

/// End to end with the real engines: espeak-ng speech in an ffmpeg test video, Whisper in the
/// sidecar, Apertium, espeak-ng voices, ffmpeg.
@Suite(.serialized, .enabled(if: ASREnvironment.isInstalled, ASREnvironment.missingMessage))
struct ExternalVideoDubberTests {
  static let english = [
    "Hello, this is a short video about our new product.",
    "Thank you for watching.",
    "Good morning, my friends.",
  ]
  static let spanish = TranslationLanguage(name: "Spanish", code: "es")

  func dubber(_ sidecar: WhisperSidecar) -> ExternalVideoDubber {
    ExternalVideoDubber(
      engines: TranslationEngines(
        translator: ApertiumTranslator(), recognizer: sidecar.recognizer,
        voices: EspeakSynthesizer.shared.voices),
      synthesizer: EspeakSynthesizer.shared, encoder: .draft)
  }

  /// A 10 s H.264 (or other codec) test video with the English sentences.
  func englishVideo(in scratch: borrowing ScratchFolder, codec: String = "libx264") async throws
    -> URL
  {
    let speech = scratch.file("english.wav")
    let spoken = try await TestMedia.speech(Self.english, pause: 1.0, to: speech)
    #expect(spoken < 9.5)
    let video = scratch.file("input.mp4")
    try await TestMedia.video(seconds: 10, audio: speech, videoCodec: codec, to: video)
    return video
  }

  @Test func dubsEnglishVideoIntoSpanish() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    let scratch = try ScratchFolder()
    let input = try await englishVideo(in: scratch)
    let output = scratch.file("out")

    let dubbed = try await dubber(sidecar).dub(
      input, to: Self.spanish, options: DubOptions(gender: "female"), into: output)

    #expect(dubbed.sourceLanguage.code == "en")
    #expect(dubbed.videoFile.deletingLastPathComponent().path == output.path)
    let streams = try await MediaProbe.streams(dubbed.videoFile)
    #expect(streams.map(\.codecType).sorted() == ["audio", "video"])
    #expect(streams.first { $0.codecType == "video" }?.codecName == "h264")
    #expect(streams.first { $0.codecType == "audio" }?.codecName == "aac")
    #expect(streams.first { $0.codecType == "audio" }?.sampleRate == "48000")
    let lastSpeech = dubbed.translatedSegments.last?.end ?? 0
    #expect(abs(dubbed.duration - max(10, lastSpeech)) < 0.5, "duration \(dubbed.duration)")

    // Dubbed sentences never overlap.
    for (previous, next) in zip(dubbed.translatedSegments, dubbed.translatedSegments.dropFirst()) {
      #expect(previous.end <= next.start)
    }
    // The captions are the Spanish translation.
    let srt = try String(contentsOf: dubbed.subtitleFile, encoding: .utf8)
    let vtt = try String(contentsOf: dubbed.webVTTFile, encoding: .utf8)
    #expect(srt.contains("00:00:0"))
    #expect(vtt.hasPrefix("WEBVTT"))
    let captionWords = Set(words(srt))
    #expect(captionWords.contains("hola"))
    #expect(captionWords.contains("gracias"))
    #expect(captionWords.contains("vídeo"))

    // What the dub says, heard by Whisper in Spanish, is the translation.
    let heardAudio = scratch.file("heard.wav")
    try await FFmpeg.run([
      "-i", dubbed.videoFile.path, "-vn", "-ac", "1", "-ar", "16000", heardAudio.path,
    ])
    let heard = try await sidecar.recognizer.transcribe(audioAt: heardAudio, language: "es")
    let heardWords = Set(words(heard.text))
    let translated = Set(words(dubbed.translatedSegments.map(\.text).joined(separator: " ")))
    let common = heardWords.intersection(translated)
    #expect(common.count * 2 >= translated.count, "heard \(heard.text)")
    #expect(common.contains("gracias") || common.contains("hola"))

    // Only the results are left in the output folder.
    let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
    #expect(files == ["translated.mp4", "translated.srt", "translated.vtt"])
  }

  @Test func burnsCaptionsIntoAReencodedPicture() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    let scratch = try ScratchFolder()
    let input = try await englishVideo(in: scratch, codec: "mpeg4")
    let catalan = try #require(LanguageNames.language(named: "Catalan"))

    let dubbed = try await dubber(sidecar).dub(
      input, to: catalan,
      options: DubOptions(
        sourceLanguage: LanguageNames.language(named: "English"),
        burnCaptions: true),
      into: scratch.file("out"))

    let streams = try await MediaProbe.streams(dubbed.videoFile)
    #expect(streams.first { $0.codecType == "video" }?.codecName == "h264")
    #expect(streams.first { $0.codecType == "audio" }?.codecName == "aac")
    #expect(dubbed.duration >= 9.5)
    let srt = try String(contentsOf: dubbed.subtitleFile, encoding: .utf8)
    #expect(Set(words(srt)).contains("gràcies"), "\(srt)")
  }

  @Test func denseSpeechIsSpedUpAndMayHoldTheLastFrame() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    // Almost no pauses and the picture ends with the speech: the longer Spanish has to be
    // spoken faster, and whatever still does not fit runs on over the held last frame.
    let scratch = try ScratchFolder()
    let speech = scratch.file("english.wav")
    let spoken = try await TestMedia.speech(
      [
        "Please send us your feedback so we can keep improving the product for you.",
        "The new dashboard shows each job as it happens.",
      ], pause: 0.15, to: speech)
    let input = scratch.file("input.mp4")
    try await TestMedia.video(seconds: spoken + 0.1, audio: speech, to: input)

    let dubbed = try await dubber(sidecar).dub(
      input, to: Self.spanish, options: DubOptions(), into: scratch.file("out"))

    let segments = dubbed.translatedSegments
    // Whisper may hear the short pause as a comma and make one sentence of the two.
    #expect((1...2).contains(segments.count))
    for (previous, next) in zip(segments, segments.dropFirst()) {
      #expect(previous.end <= next.start)
    }
    let lastSpeech = try #require(segments.last?.end)
    #expect(abs(dubbed.duration - max(spoken + 0.1, lastSpeech)) < 0.3)
    // Speed-up is bounded (1.4 × 1.15 at most), so the dub cannot be squeezed to half the time.
    #expect(lastSpeech - (segments.first?.start ?? 0) > 0.5 * spoken)
    let streams = try await MediaProbe.streams(dubbed.videoFile)
    #expect(streams.first { $0.codecType == "video" }?.codecName == "h264")
    let srt = try String(contentsOf: dubbed.subtitleFile, encoding: .utf8)
    #expect(Set(words(srt)).contains("producto"))
  }

  @Test func unsupportedDirectionIsRefusedAfterListening() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    let scratch = try ScratchFolder()
    let input = try await englishVideo(in: scratch)
    let german = try #require(LanguageNames.language(named: "German"))
    await #expect(throws: TranslationError.unsupportedPair(source: "en", target: "de")) {
      try await dubber(sidecar).dub(
        input, to: german, options: DubOptions(), into: scratch.file("out"))
    }
  }

  @Test func videoWithoutSpeechOrSoundIsRefused() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    let scratch = try ScratchFolder()
    let dubber = dubber(sidecar)

    let mute = scratch.file("mute.mp4")
    try await TestMedia.silentPicture(seconds: 2, to: mute)
    await #expect {
      try await dubber.dub(mute, to: Self.spanish, options: DubOptions(), into: scratch.file("a"))
    } throws: { error in
      if case .unreadableMedia = error as? TranslationError { true } else { false }
    }

    let garbage = scratch.file("garbage.mp4")
    try Data("this is not a video".utf8).write(to: garbage)
    await #expect {
      try await dubber.dub(
        garbage, to: Self.spanish, options: DubOptions(), into: scratch.file("b"))
    } throws: { error in
      if case .unreadableMedia = error as? TranslationError { true } else { false }
    }

    let silence = scratch.file("silence.wav")
    try await FFmpeg.run([
      "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "4", silence.path,
    ])
    let quiet = scratch.file("quiet.mp4")
    try await TestMedia.video(seconds: 4, audio: silence, to: quiet)
    await #expect(throws: TranslationError.noSpeech) {
      try await dubber.dub(quiet, to: Self.spanish, options: DubOptions(), into: scratch.file("c"))
    }
  }
}
