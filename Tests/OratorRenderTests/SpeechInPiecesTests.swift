import Foundation
import HeyGenAPI
import Testing

@testable import OratorRender

/// A scene's speech told in pieces, its frames drawn while later pieces are still spoken: the
/// presenter moves as it would with the speech told whole, with no jump where pieces meet.
@Suite("Speech in pieces")
struct SpeechInPiecesTests {
  /// `performance` cut at `cuts` (seconds) into the pieces a scene's speech would come in.
  static func pieces(of performance: Performance, cutAt cuts: [Double]) -> [PerformancePiece] {
    let fps = performance.fps
    let end = Double(performance.frameCount) / fps
    let bounds = [0] + cuts + [end]
    return zip(bounds, bounds.dropFirst()).enumerated().map { number, span in
      let (start, stop) = span
      let last = number == cuts.count
      let frames =
        Int((start * fps).rounded())..<(last ? performance.frameCount : Int((stop * fps).rounded()))
      return PerformancePiece(
        mouthCues: performance.mouthCues.filter { $0.start >= start && ($0.start < stop || last) },
        words: performance.words.filter { $0.start >= start && ($0.start < stop || last) },
        energy: Array(performance.energy[frames]), speechEnd: stop,
        frameCount: last ? performance.frameCount : nil)
    }
  }

  /// The poses a compositor would draw: each frame as soon as it is ready, never again.
  static func drawn(_ pieces: [PerformancePiece], motion start: AvatarMotion) -> [AvatarPose] {
    var motion = start
    var poses: [AvatarPose] = []
    for piece in pieces {
      motion.append(piece)
      while poses.count < motion.readyFrames { poses.append(motion.pose(atFrame: poses.count)) }
    }
    return poses
  }

  @Test("A scene told in pieces moves exactly as told whole, wherever it is cut")
  func motionResumesExactly() {
    let performance = AvatarMotionTests.speakingPerformance()
    let avatar = AvatarMotionTests.avatar
    let whole = AvatarMotion(avatar: avatar, performance: performance)
    let expected = (0..<performance.frameCount).map { whole.pose(atFrame: $0) }
    for cuts in [[4.0], [2.5, 6.1, 9.02], [0.5, 0.9, 11.0]] {
      let empty = AvatarMotion(
        parameters: avatar.motion, identity: avatar.id, seed: performance.seed,
        fps: performance.fps)
      let poses = Self.drawn(Self.pieces(of: performance, cutAt: cuts), motion: empty)
      #expect(poses == expected, "cut at \(cuts)")
    }
  }

  @Test("Frames become ready only once nothing still to come can change them")
  func readyFramesWaitForTheirSpeech() {
    let performance = AvatarMotionTests.speakingPerformance()
    let avatar = AvatarMotionTests.avatar
    var motion = AvatarMotion(
      parameters: avatar.motion, identity: avatar.id, seed: performance.seed, fps: 25)
    var ready: [Int] = []
    for piece in Self.pieces(of: performance, cutAt: [3, 6, 9]) {
      motion.append(piece)
      ready.append(motion.readyFrames)
      if piece.frameCount == nil {
        #expect(Double(motion.readyFrames) / 25 <= piece.speechEnd - AvatarMotion.lookahead + 0.04)
      }
    }
    #expect(ready == ready.sorted() && ready.first! > 0)
    #expect(ready.last == performance.frameCount)
  }

  @Test("A talking photo told in pieces moves as told whole")
  func photoResumes() throws {
    let rig = try TalkingPhotoMotionTests.rig()
    let performance = TalkingPhotoMotionTests.performance()
    let whole = PhotoMotionTrack(
      motion: AvatarMotion(
        parameters: PhotoMotionTrack.parameters, identity: "photo", performance: performance),
      frameCount: performance.frameCount, rig: rig)
    var track = PhotoMotionTrack(
      motion: AvatarMotion(
        parameters: PhotoMotionTrack.parameters, identity: "photo", seed: performance.seed,
        fps: 25),
      rig: rig)
    var states: [PhotoMotionTrack.State] = []
    for piece in Self.pieces(of: performance, cutAt: [3.3, 7.0]) {
      track.append(piece)
      while states.count < track.readyFrames { states.append(track.state(atFrame: states.count)) }
    }
    #expect(states.count == performance.frameCount)
    for (frame, state) in states.enumerated() {
      let expected = whole.state(atFrame: frame)
      #expect(abs(state.gap - expected.gap) < 1e-9, "frame \(frame)")
      #expect(abs(state.rounding - expected.rounding) < 1e-9, "frame \(frame)")
      #expect(state.eyelids == expected.eyelids && state.brows == expected.brows)
      #expect(state.tilt == expected.tilt && state.shift == expected.shift)
    }
  }

  @Test("Loudness measured as the samples come is the whole scene's when told whole")
  func energyWhole() {
    let samples: [Int16] = (0..<44100).map { index in
      let loudness: Double = (index / 4000) % 2 == 0 ? 1 : 0.2
      return Int16(8000 * sin(Double(index) / 9) * loudness)
    }
    var running = SpeechEnergy.Running(sampleRate: 22050, fps: 25)
    let told = running.next(samples, frameCount: 50)
    #expect(
      told == SpeechEnergy.perFrame(samples: samples, sampleRate: 22050, fps: 25, frameCount: 50))
    var pieced = SpeechEnergy.Running(sampleRate: 22050, fps: 25)
    var values = pieced.next(Array(samples[..<20000]), frameCount: nil)
    #expect(values.count == 21)  // 22 whole frames, the last waits for its neighbour
    values += pieced.next(samples, frameCount: 50)
    #expect(values.count == 50)
    #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
  }
}

@Suite(
  "Piper speech in pieces (real Piper)", .serialized,
  .enabled(if: PiperTestSupport.installed, PiperTestSupport.skipReason))
struct PiperPiecesTests {
  static let script = Array(repeating: PiperSpeechTests.paragraph, count: 3).joined(
    separator: " ")

  @Test(
    "Piper's pieces: the mouth moves where there is sound, captions in order, no jump where pieces meet"
  )
  func pieces() async throws {
    let piper = try #require(PiperTestSupport.synthesizer)
    let joe = try #require(piper.voice(withID: "en-us-joe"))
    var builder = SceneSpeechBuilder(index: 0, fps: 25, volume: 1, cues: .phones)
    let avatar = AvatarCatalogue.builtIn[0]
    var motion = AvatarMotion(
      parameters: avatar.motion, identity: avatar.id, seed: 11, fps: 25)
    var poses: [AvatarPose] = []
    var boundaries: [Int] = []
    for try await piece in piper.synthesizeInPieces(
      Self.script, voice: joe, speed: 1, pitch: 0, progress: { _ in })
    {
      motion.append(builder.append(piece))
      boundaries.append(Int((builder.duration * 25).rounded()))
      while poses.count < motion.readyFrames { poses.append(motion.pose(atFrame: poses.count)) }
    }
    let scratch = try ScratchFolder()
    let (last, scene) = try builder.finish(scratch: scratch.path)
    motion.append(last)
    while poses.count < motion.readyFrames { poses.append(motion.pose(atFrame: poses.count)) }
    #expect(boundaries.count >= 3, "the script came in \(boundaries.count) piece(s)")

    // Whole frames holding all the sound; every word of the script, in order.
    #expect(scene.frameCount == Int((scene.track.duration * 25).rounded(.up)))
    #expect(poses.count == scene.frameCount)
    let words = Self.script.split(whereSeparator: \.isWhitespace).map(String.init)
    #expect(scene.words.map(\.text) == words)
    for (previous, word) in zip(scene.words, scene.words.dropFirst()) {
      #expect(word.start >= previous.end - 1e-9, "\(word)")
    }

    // Open mouths only where there is sound.
    let open = scene.mouthCues.filter { $0.shape != .X && $0.shape != .A }
    #expect(open.count > 150)
    let stray = open.filter {
      !ListeningCheck.voiced(near: ($0.start + $0.end) / 2, in: scene.track)
    }
    #expect(stray.count <= open.count / 20, "\(stray.count) of \(open.count) open cues in silence")

    // Where pieces meet the head moves no more than it does from any frame to the next
    // elsewhere.
    func step(_ frame: Int) -> Double {
      let a = poses[frame - 1]
      let b = poses[frame]
      return max(
        abs(b.headTilt - a.headTilt) * 180 / .pi, abs(b.headShiftX - a.headShiftX),
        abs(b.headShiftY - a.headShiftY))
    }
    let joins = Set(boundaries.dropLast().flatMap { [$0 - 1, $0, $0 + 1] })
    let elsewhere = (1..<poses.count).filter { !joins.contains($0) }.map(step).max() ?? 0
    for join in joins where join > 0 && join < poses.count {
      #expect(step(join) <= elsewhere, "frame \(join)")
    }
  }

  @Test("A video spoken by Joe in pieces lasts its speech, its sound with it, captions in order")
  func video() async throws {
    let piper = try #require(PiperTestSupport.synthesizer)
    let scratch = try ScratchFolder()
    let renderer = VideoRenderer(
      speech: SpeechEngines([EspeakSynthesizer.shared, piper]),
      media: LocalMediaResolver(scratchDirectory: scratch.path))
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
          voice: .text(TextVoice(voiceId: "en-us-joe", inputText: Self.script)),
          background: .color("#FFFFFF")),
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
          voice: .text(TextVoice(voiceId: "en-us-male", inputText: "And espeak-ng ends it.")),
          background: .color("#EEEEEE")),
      ], dimension: Dimension(width: 320, height: 180))
    let video = try await renderer.render(request, to: scratch.file("joe.mp4"))
    let streams = try await MediaProbe.streams(video.videoPath)
    let audio = try #require(
      streams.first { $0.codecType == "audio" }?.duration.flatMap(Double.init))
    let picture = try #require(
      streams.first { $0.codecType == "video" }?.duration.flatMap(Double.init))
    // Each scene lasts whole frames holding its sound; sound and picture end together.
    #expect(video.duration >= video.speechDuration && video.duration < video.speechDuration + 0.08)
    #expect(abs(picture - video.duration) < 0.05, "picture \(picture) s of \(video.duration) s")
    #expect(abs(audio - video.duration) < 0.05, "sound \(audio) s of \(video.duration) s")
    #expect(video.speechDuration > 30)

    let vtt = try String(contentsOfFile: video.vttPath, encoding: .utf8)
    let times = vtt.split(separator: "\n").filter { $0.contains("-->") }.map {
      String($0.prefix(12))
    }
    #expect(times.count > 10 && times == times.sorted())
    #expect(vtt.contains("espeak-ng ends it."))
  }

  @Test("A render process speaks through the serving process's Piper sidecar, in pieces")
  func servedPiper() async throws {
    let piper = try #require(PiperTestSupport.synthesizer)
    let engines = SpeechEngines([EspeakSynthesizer.shared, piper])
    func request(_ voice: String) -> VideoGenerateRequest {
      VideoGenerateRequest(
        videoInputs: [
          VideoInput(
            character: .avatar(AvatarCharacter(avatarId: "daniel_charcoal_suit")),
            voice: .text(TextVoice(voiceId: voice, inputText: Self.script)))
        ], dimension: Dimension(width: 320, height: 180))
    }
    let endpoint = try #require(
      await RenderSandbox.piperEndpoint(for: request("en-us-joe"), speech: engines))
    #expect(endpoint.url.host == "127.0.0.1" || endpoint.url.host == "localhost")
    #expect(endpoint.voices == piper.voices)
    #expect(await RenderSandbox.piperEndpoint(for: request("en-us-male"), speech: engines) == nil)
    // Only Piper's voices are drawn beside while they speak.
    #expect(engines.speaksPieceByPiece(try #require(engines.voice(withID: "en-us-joe"))))
    #expect(!engines.speaksPieceByPiece(try #require(engines.voice(withID: "en-us-male"))))

    // The job carries it to the render process, whose engine speaks through it.
    let job = RenderJob(
      request: request("en-us-joe"), outputPath: "/nowhere.mp4", media: PreparedMedia(),
      budget: RenderBudget(maxVideoSeconds: 600), piper: endpoint)
    let read = try JSONDecoder().decode(RenderJob.self, from: JSONEncoder().encode(job))
    let attached = try #require(read.piper).synthesizer
    let joe = try #require(attached.voice(withID: "en-us-joe"))
    var pieces = 0
    for try await piece in attached.synthesizeInPieces(
      Self.script, voice: joe, speed: 1, pitch: 0, progress: { _ in })
    {
      #expect(piece.duration > 1)
      pieces += 1
    }
    #expect(pieces >= 3)

    // The serving process then prepares none of Piper's speech.
    let scratch = try ScratchFolder()
    let renderer = VideoRenderer(
      speech: engines, media: LocalMediaResolver(scratchDirectory: scratch.path))
    let media = try await renderer.prepareMedia(
      for: request("en-us-joe"), speechFolder: scratch.path, leaving: [.piper])
    #expect(media.speech?.isEmpty == true)
  }
}
