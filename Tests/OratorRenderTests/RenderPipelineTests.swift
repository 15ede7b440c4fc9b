import Foundation
import HeyGenAPI
import Testing

@testable import OratorRender

/// End to end: a request becomes an MP4 that ffprobe, ffmpeg and a pixel check agree with.
@Suite("Render pipeline", .serialized)
struct RenderPipelineTests {
  static let width = 640
  static let height = 360
  static let script = "Ah, father saw a large car. How are you doing today?"
  static let avatarID = "daniel_charcoal_suit"

  /// One silent second (mouth at rest), then speech, over a flat blue.
  static func request(caption: Bool = false) -> VideoGenerateRequest {
    let presenter = Character.avatar(AvatarCharacter(avatarId: avatarID, avatarStyle: .normal))
    return VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: presenter, voice: .silence(SilenceVoice(duration: 1)),
          background: .color("#3366CC")),
        VideoInput(
          character: presenter, voice: .text(TextVoice(voiceId: "en-us-male", inputText: script)),
          background: .color("#3366CC")),
      ],
      dimension: Dimension(width: width, height: height), caption: caption)
  }

  @Test("the MP4 has H.264 and AAC streams, the asked size, and lasts as long as the speech")
  func streamsAndDuration() async throws {
    let scratch = try ScratchFolder()
    let video = try await renderer(scratch).render(
      Self.request(caption: true), to: scratch.file("out.mp4"))
    let speech = try await EspeakSynthesizer.shared.synthesize(Self.script, voiceID: "en-us-male")
    let expected = video.speechDuration
    let frame = 1.0 / 25
    // The sound rendered is the silent second plus this script's speech.
    #expect(abs(expected - (1.0 + speech.duration)) < 0.25)

    let streams = try await MediaProbe.streams(video.videoPath)
    let picture = try #require(streams.first { $0.codecType == "video" })
    let sound = try #require(streams.first { $0.codecType == "audio" })
    #expect(picture.codecName == "h264")
    #expect(picture.pixFmt == "yuv420p")
    #expect(picture.width == Self.width && picture.height == Self.height)
    #expect(sound.codecName == "aac")
    #expect(sound.sampleRate == "48000")
    let pictureDuration = try #require(picture.duration.flatMap(Double.init))
    let soundDuration = try #require(sound.duration.flatMap(Double.init))
    #expect(abs(pictureDuration - expected) <= frame + 0.001)
    #expect(abs(soundDuration - pictureDuration) <= frame + 0.001)
    #expect(abs(video.duration - pictureDuration) <= 0.001)

    // Every promised file is there and non-empty; the captioned copy is a real video too.
    for path in video.allPaths {
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
      #expect((size ?? 0) > 0, "\(path)")
    }
    let captioned = try await MediaProbe.streams(try #require(video.captionedVideoPath))
    #expect(
      captioned.contains { $0.codecName == "h264" }
        && captioned.contains { $0.codecName == "aac" })
    let thumbnail = try Data(contentsOf: URL(fileURLWithPath: video.thumbnailPath))
    #expect(thumbnail.starts(with: [0xFF, 0xD8, 0xFF]))
    let gif = try await MediaProbe.streams(video.gifPath)
    #expect(gif.first?.codecName == "gif" && (gif.first?.width ?? 0) <= 480)
    // Nothing but the outputs is left in the folder.
    #expect(Set(scratch.contents) == Set(video.allPaths.map { ($0 as NSString).lastPathComponent }))
  }

  @Test("the background colour fills the frame where the presenter is not")
  func backgroundPixels() async throws {
    let scratch = try ScratchFolder()
    let video = try await renderer(scratch).render(Self.request(), to: scratch.file("out.mp4"))
    let frames = try await MediaProbe.frames(
      video.videoPath, width: Self.width, height: Self.height, pixelFormat: "rgb24")
    for frame in [frames[0], frames[frames.count / 2], frames[frames.count - 1]] {
      for (x, y) in [
        (4, 4), (Self.width - 5, 4), (4, Self.height - 5), (Self.width - 5, Self.height / 2),
      ] {
        let offset = (y * Self.width + x) * 3
        #expect(abs(Int(frame[offset]) - 0x33) <= 6)
        #expect(abs(Int(frame[offset + 1]) - 0x66) <= 6)
        #expect(abs(Int(frame[offset + 2]) - 0xCC) <= 6)
      }
    }
  }

  @Test(
    "mouths open on spoken vowels, stay closed in silence, and open mouths fall inside voiced audio"
  )
  func lipSyncInTheVideo() async throws {
    let scratch = try ScratchFolder()
    let video = try await renderer(scratch).render(Self.request(), to: scratch.file("out.mp4"))
    let frames = try await MediaProbe.frames(
      video.videoPath, width: Self.width, height: Self.height)
    let audio = try await MediaProbe.audio(video.videoPath)

    // Where the mouth is: the placement the compositor used, around the avatar's mouth line,
    // with room for sway.
    let avatar = try #require(AvatarCatalogue.builtIn.first { $0.id == Self.avatarID })
    let figure = AvatarFigure(avatar)
    let placement = AvatarPlacement(
      style: .normal, scale: 1, offset: Offset(x: 0, y: 0), paintBounds: figure.paintBounds,
      frameWidth: Self.width, frameHeight: Self.height)
    let mouth = avatar.features.mouth
    let centreX = placement.translateX + 500 * placement.scale
    let top = placement.translateY + (mouth.y - 15) * placement.scale
    let bottom = placement.translateY + (mouth.y + 45) * placement.scale
    let halfWidth = (mouth.width * 0.75 + 10) * placement.scale
    func darkPixels(_ frame: [UInt8]) -> Int {
      var count = 0
      for y in Int(top)...Int(bottom) {
        for x in Int(centreX - halfWidth)...Int(centreX + halfWidth)
        where frame[y * Self.width + x] < 70 {
          count += 1
        }
      }
      return count
    }

    // The cues the renderer followed for the spoken scene, which starts after 25 silent frames.
    let speech = try await EspeakSynthesizer.shared.synthesize(Self.script, voiceID: "en-us-male")
    let cues = LipSync.mouthCues(for: speech.phones, duration: speech.duration)
    func cue(at time: Double) -> MouthShape {
      cues.first { $0.start <= time && time < $0.end }?.shape ?? .X
    }
    let silentFrames = Array(frames[2..<23])
    let openFrames = (25..<frames.count).filter {
      [.C, .D].contains(cue(at: (Double($0) - 25 + 0.5) / 25))
    }
    try #require(openFrames.count >= 5)

    let closed = silentFrames.map(darkPixels)
    let open = openFrames.map { darkPixels(frames[$0]) }
    let closedMax = closed.max() ?? 0
    let openMean = Double(open.reduce(0, +)) / Double(open.count)
    #expect(openMean > Double(closedMax) + 8, "open mouths \(open), closed \(closed)")

    // Sync: around each open-mouth frame the track is voiced; the silent second is silent.
    let rate = 16000.0
    let loudness = openFrames.map { index -> Double in
      let time = Double(index) / 25
      let from = max(0, Int((time - 0.04) * rate))
      let to = min(audio.count, Int((time + 0.08) * rate))
      return rms(audio[from..<to])
    }
    let voiced = loudness.filter { $0 > 300 }.count
    #expect(Double(voiced) >= Double(openFrames.count) * 0.9, "\(loudness)")
    #expect(rms(audio[Int(0.1 * rate)..<Int(0.9 * rate)]) < 30)
  }

  @Test("captions are in order, inside the audio, and say the script")
  func captions() async throws {
    let scratch = try ScratchFolder()
    let video = try await renderer(scratch).render(Self.request(), to: scratch.file("out.mp4"))
    let srt = try String(contentsOfFile: video.srtPath, encoding: .utf8)
    let times = srt.split(separator: "\n").filter { $0.contains(" --> ") }.flatMap { line in
      line.components(separatedBy: " --> ").map(Self.seconds)
    }
    try #require(times.count >= 4)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(times.first! >= 1.0 - 0.001)
    #expect(times.last! <= video.duration + 0.001)
    let text = srt.split(separator: "\n").filter { line in
      !line.contains(" --> ") && Int(line) == nil
    }.joined(separator: " ")
    #expect(text == Self.script)
    let vtt = try String(contentsOfFile: video.vttPath, encoding: .utf8)
    #expect(vtt.hasPrefix("WEBVTT"))
    let ass = try String(contentsOfFile: video.assPath, encoding: .utf8)
    #expect(ass.contains("PlayResX: \(Self.width)") && ass.contains("Dialogue:"))
  }

  static func seconds(_ stamp: String) -> Double {
    let parts = stamp.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
      .split(separator: ":").compactMap { Double($0) }
    return parts.count == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : -1
  }
}
