import Foundation
import HeyGenAPI
import Synchronization
import Testing

@testable import OratorRender

@Suite(
  "Piper neural voices (real Piper)", .serialized,
  .enabled(if: PiperTestSupport.installed, PiperTestSupport.skipReason))
struct PiperSpeechTests {
  static let paragraph = """
    Hello, I am your digital presenter. Welcome to the quarterly update! This quarter, revenue \
    grew by twelve percent, driven mainly by strong demand in Europe and Asia. Our new product \
    line launched in March, and early customer feedback has been very positive.
    """

  private var piper: PiperSynthesizer {
    get throws { try #require(PiperTestSupport.synthesizer) }
  }

  @Test("Joe is listed: English, male, by the Piper engine")
  func joeIsListed() throws {
    let joe = try #require(try piper.voice(withID: "en-us-joe"))
    #expect(joe.name == "Joe" && joe.language == "English" && joe.gender == "male")
    #expect(joe.locale == "en-US" && joe.engine == .piper)
  }

  @Test("A paragraph sounds right: duration, no clipping, no long silences, cues and captions")
  func paragraphListensWell() async throws {
    let track = try await piper.synthesize(Self.paragraph, voiceID: "en-us-joe")
    let words = Self.paragraph.split(whereSeparator: \.isWhitespace)
    // A natural reading is 2 to 4 words a second.
    let rate = Double(words.count) / track.duration
    #expect(rate > 2 && rate < 4, "\(words.count) words in \(track.duration) s")
    #expect(ListeningCheck.clippedFraction(track) == 0)
    #expect(track.samples.map { abs(Int($0)) }.max() ?? 0 > 16000, "speech is far too quiet")
    // Sentence pauses are short; nothing in this script asks for a long one.
    #expect(ListeningCheck.longestInnerSilence(track) < 0.8)

    // Captions: every word of the script, in order, never going back in time.
    #expect(track.words.map(\.text) == words.map(String.init))
    for (previous, word) in zip(track.words, track.words.dropFirst()) {
      #expect(word.start >= previous.end - 1e-9 && word.end >= word.start, "\(word)")
    }
    #expect(track.words.filter(\.startsSentence).count == 4)
    #expect((track.words.last?.end ?? 0) <= track.duration)

    // Mouth cues: open shapes only where there is sound.
    let cues = LipSync.mouthCues(for: track.phones, duration: track.duration)
    let open = cues.filter { $0.shape != .X && $0.shape != .A }
    #expect(open.count > 50)
    let stray = open.filter {
      !ListeningCheck.voiced(near: ($0.start + $0.end) / 2, in: track)
    }
    // Piper samples its durations, so a run or two in a hundred puts a short cue at a
    // phone's quiet edge; one in twenty would be a mouth moving in silence.
    #expect(stray.count <= open.count / 20, "\(stray.count) of \(open.count) open cues in silence")
    // The phones cover the speech: the sum of their lengths is most of the sounding time.
    let phoneTime = track.phones.reduce(0) { $0 + $1.duration }
    #expect(phoneTime > 0.7 * track.duration)
  }

  @Test(
    "A long script spoken a few sentences at a time, one or two requests at once: every word in order, progress rising to the end",
    arguments: [1, 2])
  func longScriptInPieces(parallelRequests: Int) async throws {
    let script = Array(repeating: Self.paragraph, count: 4).joined(separator: " ")
    #expect(PiperSynthesizer.pieces(of: script).count >= 4)
    let engine = PiperSynthesizer(
      voices: try piper.voices, sidecar: try piper.sidecar, parallelRequests: parallelRequests)
    let reports = Mutex<[Double]>([])
    let joe = try #require(engine.voice(withID: "en-us-joe"))
    let track = try await engine.synthesize(script, voice: joe, speed: 1, pitch: 0) { share in
      reports.withLock { $0.append(share) }
    }
    let shares = reports.withLock { $0 }
    // One report a piece, each further than the last, the last one all of it.
    #expect(shares.count >= 4 && shares.last == 1, "\(shares)")
    #expect(shares == shares.sorted() && Set(shares).count == shares.count, "\(shares)")
    #expect(shares.allSatisfy { $0 > 0 && $0 <= 1 })

    let words = script.split(whereSeparator: \.isWhitespace).map(String.init)
    #expect(track.words.map(\.text) == words)
    for (previous, word) in zip(track.words, track.words.dropFirst()) {
      #expect(word.start >= previous.end - 1e-9 && word.end >= word.start, "\(word)")
    }
    #expect(track.words.filter(\.startsSentence).count == 16)
    let rate = Double(words.count) / track.duration
    #expect(rate > 2 && rate < 4, "\(words.count) words in \(track.duration) s")
    // The pieces join without a gap a listener would hear, nor a click at full scale.
    #expect(ListeningCheck.longestInnerSilence(track) < 0.8)
    #expect(ListeningCheck.clippedFraction(track) == 0)
  }

  @Test("A video's Piper speech, made before its render, reports its progress as it goes")
  func preparedSpeechProgress() async throws {
    let scratch = try ScratchFolder()
    let renderer = VideoRenderer(
      speech: SpeechEngines([EspeakSynthesizer.shared, try piper]),
      media: LocalMediaResolver(scratchDirectory: scratch.path))
    func scene(_ voice: String, _ text: String) -> VideoInput {
      VideoInput(
        character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
        voice: .text(TextVoice(voiceId: voice, inputText: text)), background: .color("#FFFFFF"))
    }
    let request = VideoGenerateRequest(
      videoInputs: [
        scene("en-us-joe", Array(repeating: Self.paragraph, count: 2).joined(separator: " ")),
        scene("en-us-male", "espeak-ng speaks in the render process, not here."),
        scene("en-us-joe", Self.paragraph),
      ], dimension: Dimension(width: 320, height: 180))
    let reports = Mutex<[RenderProgress]>([])
    let media = try await renderer.prepareMedia(for: request, speechFolder: scratch.path) {
      progress in reports.withLock { $0.append(progress) }
    }
    #expect(media.speech?.count == 2)
    let seen = reports.withLock { $0 }
    #expect(seen.allSatisfy { $0.stage == .speech })
    let fractions = seen.map(\.fraction)
    #expect(fractions.count >= 3 && fractions.last == 1, "\(fractions)")
    #expect(fractions == fractions.sorted(), "\(fractions)")
    // The first scene is two thirds of the speech: reports come before it is done.
    #expect(fractions.contains { $0 > 0 && $0 < 0.67 }, "\(fractions)")
  }

  @Test("Breaks pause for their length; speed shortens the speech")
  func breaksAndSpeed() async throws {
    let plain = try await piper.synthesize("The plan is ready.", voiceID: "en-us-joe")
    let paused = try await piper.synthesize(
      #"The plan <break time="1.5s"/> is ready."#, voiceID: "en-us-joe")
    #expect(abs(paused.duration - plain.duration - 1.5) < 0.6)
    #expect(ListeningCheck.longestInnerSilence(paused) >= 1.4)
    #expect(paused.words.map(\.text) == ["The", "plan", "is", "ready."])
    #expect(paused.words[2].start - paused.words[1].end >= 1.4)

    let fast = try await piper.synthesize(Self.paragraph, voiceID: "en-us-joe", speed: 1.4)
    let normal = try await piper.synthesize(Self.paragraph, voiceID: "en-us-joe")
    #expect(fast.duration < normal.duration * 0.85)
  }

  @Test(
    "A video spoken by Joe: its sound lasts the speech, follows voice.volume, captions in order")
  func renderedVideo() async throws {
    let scratch = try ScratchFolder()
    let renderer = VideoRenderer(
      speech: SpeechEngines([EspeakSynthesizer.shared, try piper]),
      media: LocalMediaResolver(scratchDirectory: scratch.path))
    func request(volume: Double) -> VideoGenerateRequest {
      VideoGenerateRequest(
        videoInputs: [
          VideoInput(
            character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
            voice: .text(
              TextVoice(
                voiceId: "en-us-joe", inputText: "Welcome back. Here is what changed this week.",
                volume: volume)),
            background: .color("#FFFFFF"))
        ], dimension: Dimension(width: 320, height: 180))
    }
    let loud = try await renderer.render(request(volume: 1), to: scratch.file("loud.mp4"))
    let quiet = try await renderer.render(request(volume: 0.5), to: scratch.file("quiet.mp4"))
    let streams = try await MediaProbe.streams(loud.videoPath)
    let audioDuration = try #require(
      streams.first { $0.codecType == "audio" }?.duration.flatMap(Double.init))
    #expect(abs(audioDuration - loud.speechDuration) < 0.15)
    #expect(loud.speechDuration > 2 && loud.speechDuration < 5)

    // The video's sound as a viewer hears it, after the encoder: no clipping, and no silence
    // inside the speech where the script has none.
    let heard = SpeechTrack(
      samples: try await MediaProbe.audio(loud.videoPath), sampleRate: 16000, words: [],
      phones: [])
    #expect(ListeningCheck.clippedFraction(heard) == 0)
    #expect(ListeningCheck.longestInnerSilence(heard) < 0.8)

    let loudRMS = rms(heard.samples[...])
    let quietRMS = rms(try await MediaProbe.audio(quiet.videoPath)[...])
    // Half the amplitude is 6 dB; Piper's sampling noise makes two readings differ a little.
    let drop = 20 * log10(loudRMS / quietRMS)
    #expect(abs(drop - 6.02) < 1.5, "\(drop) dB quieter")

    let srt = try String(contentsOfFile: loud.srtPath, encoding: .utf8)
    let welcome = try #require(srt.range(of: "Welcome back."))
    let changed = try #require(srt.range(of: "changed this week."))
    #expect(welcome.lowerBound < changed.lowerBound)
  }

  @Test("An operator's voice is found in a folder, patched on first load, and speaks")
  func operatorVoice() async throws {
    let packaged = try #require(PiperTestSupport.packagedJoe)
    let folder = try ScratchFolder()
    let model = URL(fileURLWithPath: folder.file("en_GB-test-medium.onnx"))
    try FileManager.default.createSymbolicLink(at: model, withDestinationURL: packaged)
    // The operator renames the voice and says it is female; the language comes from Piper's
    // own config.
    var config =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: packaged.path + ".json"))) as! [String: Any]
    config["dataset"] = "ruby"
    config["gender"] = "female"
    config["language"] = ["code": "en_GB", "name_english": "English"]
    try JSONSerialization.data(withJSONObject: config).write(
      to: URL(fileURLWithPath: model.path + ".json"))
    try Data("not a voice".utf8).write(to: URL(fileURLWithPath: folder.file("stray.onnx")))

    let voices = PiperVoiceCatalog.voices(in: [URL(fileURLWithPath: folder.path)])
    #expect(voices.map(\.id) == ["en-gb-ruby"])
    let ruby = try #require(voices.first)
    #expect(ruby.name == "Ruby" && ruby.gender == "female" && ruby.locale == "en-GB")

    let cache = URL(fileURLWithPath: folder.file("aligned"))
    let python = PiperTestSupport.environment.appendingPathComponent("bin/python")
    // A sidecar loads only the models of the folders it was given.
    let elsewhere = PiperSidecar(python: python, cacheDirectory: cache, voicesFolders: [])
    do {
      _ = try await PiperSynthesizer(voices: voices, sidecar: elsewhere)
        .synthesize("Good morning.", voiceID: "en-gb-ruby")
      Issue.record("a model outside the voices folders was loaded")
    } catch {
      #expect("\(error)".contains("not in a voices folder"), "\(error)")
    }
    await elsewhere.stop()

    let sidecar = PiperSidecar(
      python: python, cacheDirectory: cache, voicesFolders: [URL(fileURLWithPath: folder.path)])
    let engine = PiperSynthesizer(voices: voices, sidecar: sidecar)
    let track = try await engine.synthesize("Good morning, everyone.", voiceID: "en-gb-ruby")
    await sidecar.stop()
    #expect(track.duration > 0.8 && track.words.count == 3 && !track.phones.isEmpty)
    // The unpatched model reports no durations: the patched copy is what spoke.
    let patched = try FileManager.default.contentsOfDirectory(atPath: cache.path)
    #expect(patched.count == 1 && patched[0].hasPrefix("en_GB-test-medium-"))
  }

  @Test("An OpenAI-compatible speech server speaks; mouth and captions come from its audio")
  func speechServer() async throws {
    // The sidecar also answers OpenAI's /v1/audio/speech: a real server on loopback.
    let joe = try #require(try piper.voice(withID: "en-us-joe"))
    let sidecar = PiperSidecar(
      python: PiperTestSupport.environment.appendingPathComponent("bin/python"),
      cacheDirectory: FileManager.default.temporaryDirectory, voicesFolders: [],
      namedVoices: ["joe": joe.engineVoice])
    defer { Task { await sidecar.stop() } }
    let server = OpenAISpeechSynthesizer(
      baseURL: try await sidecar.baseURL(), model: "piper",
      voices: try OpenAISpeechSynthesizer.voices(parsing: "joe:en-US:male"))
    let voice = try #require(server.voices.first)
    #expect(voice.id == "en-us-joe" && voice.engine == .openAI && voice.gender == "male")

    let script = #"Thank you for watching. <break time="1s"/> Please send your questions."#
    let track = try await server.synthesize(script, voice: voice, speed: 1, pitch: 0)
    #expect(track.duration > 3 && track.duration < 8)
    #expect(track.phones.isEmpty)
    #expect(
      track.words.map(\.text) == [
        "Thank", "you", "for", "watching.", "Please", "send", "your",
        "questions.",
      ])
    for (previous, word) in zip(track.words, track.words.dropFirst()) {
      #expect(word.start >= previous.end - 1e-9)
    }
    #expect(track.words[4].start - track.words[3].end >= 0.9)
    // What a listener hears: no clipping, and the one pause the script asks for, no longer.
    #expect(ListeningCheck.clippedFraction(track) == 0)
    let pause = ListeningCheck.longestInnerSilence(track)
    #expect(pause >= 0.9 && pause < 1.5, "longest silence \(pause) s")
    // The mouth, read from the sound, opens only where there is sound.
    let cues = AudioMouthCues.mouthCues(samples: track.samples, sampleRate: track.sampleRate)
    let open = cues.filter { $0.shape != .X && $0.shape != .A }
    #expect(open.count > 10)
    let stray = open.filter { !ListeningCheck.voiced(near: ($0.start + $0.end) / 2, in: track) }
    #expect(stray.isEmpty, "\(stray.count) of \(open.count) open cues in silence")

    do {
      _ = try await server.synthesize("Hello", voice: voice, speed: 9, pitch: 0)
    } catch {
      Issue.record("speed is clamped to the protocol's range, not refused: \(error)")
    }
  }
}

@Suite("Piper timings")
struct PiperTimingTests {
  private func entries(_ phonemes: String, samples: Int = 100) -> [PiperTiming.Entry] {
    phonemes.unicodeScalars.map { PiperTiming.Entry(phoneme: String($0), samples: samples) }
  }

  @Test("Diphthongs join, stress marks lead, length marks extend, boundaries are gaps")
  func phones() {
    let phones = PiperTiming.phones(entries("^hˈaɪ ʃiː$"), sampleRate: 1000)
    #expect(phones.map(\.phone) == [.HH, .AY, .SH, .IY])
    // ˈ (0.2–0.3 s) starts the stressed diphthong, which runs through ɪ.
    #expect(phones[1].start == 0.2 && phones[1].end == 0.5)
    #expect(phones[3].end == 0.9)
    #expect(phones[2].start == 0.6)
  }

  @Test("Joined function words share a group; every script word is placed in order")
  func joinedWords() {
    // "I am your presenter" spoken as three groups: "aɪɐm", "jʊɹ", "pɹɪzˈɛntɚ".
    let sentence = entries("^aɪɐm jʊɹ pɹɪzˈɛntɚ.$")
    let groups = PiperTiming.groups(sentence, sampleRate: 1000)
    #expect(groups.count == 3)
    let words = PiperTiming.words("I am your presenter.", groups: groups)
    #expect(words.map(\.text) == ["I", "am", "your", "presenter."])
    #expect(words[0].start == groups[0].start && words[1].end == groups[0].end)
    #expect(words[2].start == groups[1].start && words[3].end == groups[2].end)
    #expect(words[0].startsSentence && !words[1].startsSentence)
  }

  @Test("A number read as several words spans their groups")
  func numberSpansGroups() {
    let groups = PiperTiming.groups(entries("^ɪn twˈɛnti twˈɛnti sˈɪks.$"), sampleRate: 1000)
    #expect(groups.count == 4)
    let words = PiperTiming.words("In 2026.", groups: groups)
    #expect(words.map(\.text) == ["In", "2026."])
    #expect(words[1].start == groups[1].start && words[1].end == groups[3].end)
  }

  @Test("A script is sent in pieces cut at sentence ends, each long enough to be worth a request")
  func pieces() {
    let sentence = "This sentence is about fifty characters long, yes. "
    let script = String(repeating: sentence, count: 9) + "It ends, e.g. here. Done."
    let pieces = PiperSynthesizer.pieces(of: script)
    #expect(pieces.joined() == script)
    #expect(pieces.count == 3, "\(pieces)")
    for piece in pieces.dropLast() {
      #expect(piece.count >= PiperSynthesizer.shortestPiece)
      #expect(piece.hasSuffix("."), "\(piece)")
    }
    // "e.g. here" goes on: a word in lower case does not start a sentence.
    #expect(!pieces.contains { $0.hasSuffix("e.g.") })
    #expect(PiperSynthesizer.pieces(of: "Short. Text.") == ["Short. Text."])
  }

  @Test("Speech servers' words are timed in proportion over the sound")
  func proportional() {
    var samples = [Int16](repeating: 0, count: 1000)
    samples += [Int16](repeating: 8000, count: 2000)
    samples += [Int16](repeating: 0, count: 1000)
    let track = SpeechTrack(samples: samples, sampleRate: 1000, words: [], phones: [])
    let words = ProportionalWordTiming.words(of: "One two. Three", in: track)
    #expect(words.map(\.text) == ["One", "two.", "Three"])
    #expect(abs(words[0].start - 1) < 0.01 && abs(words[2].end - 3) < 0.01)
    #expect(words[2].startsSentence && !words[1].startsSentence)
  }
}
