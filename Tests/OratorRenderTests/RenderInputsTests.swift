import Foundation
import HeyGenAPI
import OratorCore
import Testing

@testable import OratorRender

/// Backgrounds, voices, styles and bad input, each checked on the rendered file.
@Suite("Render inputs", .serialized)
struct RenderInputsTests {
  static let size = Dimension(width: 320, height: 180)

  func pixel(_ frame: [UInt8], _ x: Int, _ y: Int, width: Int = 320) -> (Int, Int, Int) {
    let offset = (y * width + x) * 3
    return (Int(frame[offset]), Int(frame[offset + 1]), Int(frame[offset + 2]))
  }

  func near(_ pixel: (Int, Int, Int), _ color: (Int, Int, Int), within tolerance: Int = 8) -> Bool {
    abs(pixel.0 - color.0) <= tolerance && abs(pixel.1 - color.1) <= tolerance
      && abs(pixel.2 - color.2) <= tolerance
  }

  @Test("an image background with fit contain is letterboxed; cover fills the frame")
  func imageBackground() async throws {
    let scratch = try ScratchFolder()
    let image = scratch.file("square.png")
    try await MediaProbe.run(
      "ffmpeg",
      ["-v", "error", "-f", "lavfi", "-i", "color=c=#FF0000:s=200x200", "-frames:v", "1", image])
    for (fit, corner) in [(BackgroundFit.contain, (0, 0, 0)), (.cover, (255, 0, 0))] {
      let request = VideoGenerateRequest(
        videoInputs: [
          VideoInput(
            voice: .silence(SilenceVoice(duration: 0.5)),
            background: .image(ImageBackground(url: image, fit: fit)))
        ], dimension: Self.size)
      let video = try await renderer(scratch).render(
        request, to: scratch.file("\(fit.rawValue).mp4"))
      let frame = try #require(
        try await MediaProbe.frames(video.videoPath, width: 320, height: 180, pixelFormat: "rgb24")
          .first)
      #expect(near(pixel(frame, 2, 90), corner), "\(fit): \(pixel(frame, 2, 90))")
      #expect(near(pixel(frame, 160, 90), (255, 0, 0)))
    }
  }

  @Test("a video background loops for the length of the scene")
  func videoBackground() async throws {
    let scratch = try ScratchFolder()
    let clip = scratch.file("clip.mp4")
    try await MediaProbe.run(
      "ffmpeg",
      [
        "-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x90:r=25:d=1", "-pix_fmt", "yuv420p",
        clip,
      ])
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: "mei_teal_blouse", avatarStyle: .closeUp)),
          voice: .silence(SilenceVoice(duration: 2.4)),
          background: .video(VideoBackground(url: clip, playStyle: .loop, fit: .cover)))
      ], dimension: Self.size)
    let video = try await renderer(scratch).render(request, to: scratch.file("out.mp4"))
    #expect(abs(video.duration - 2.4) < 0.001)
    let frames = try await MediaProbe.frames(
      video.videoPath, width: 320, height: 180, pixelFormat: "rgb24")
    #expect(frames.count == 60)
    // testsrc moves: the corner changes within a loop, and repeats one loop (25 frames) later.
    #expect(frames[3] != frames[15])
    #expect(near(pixel(frames[5], 300, 170), pixel(frames[30], 300, 170), within: 12))
  }

  @Test("audio input drives the mouth and sets the length; circle style draws its circle")
  func audioVoiceAndCircle() async throws {
    let scratch = try ScratchFolder()
    let audio = scratch.file("tone.wav")
    try await MediaProbe.run(
      "ffmpeg",
      ["-v", "error", "-f", "lavfi", "-i", "sine=f=220:d=1.5", "-af", "volume=0.5", audio])
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(
            AvatarCharacter(
              avatarId: "kofi_blue_shirt", avatarStyle: .circle, circleBackgroundColor: "#FFCC00")),
          voice: .audio(AudioVoice(audioUrl: "file://" + audio)), background: .color("#102030"))
      ], dimension: Self.size, test: true)
    let video = try await renderer(scratch).render(request, to: scratch.file("out.mp4"))
    #expect(abs(video.duration - 1.52) < 0.05)
    let frames = try await MediaProbe.frames(
      video.videoPath, width: 320, height: 180, pixelFormat: "rgb24")
    let frame = frames[10]
    // Inside the circle near its left edge: the circle colour; outside: the background.
    #expect(
      near(pixel(frame, 160 - 62, 90), (0xFF, 0xCC, 0x00), within: 14), "\(pixel(frame, 98, 90))")
    #expect(near(pixel(frame, 10, 170), (0x10, 0x20, 0x30)))
    // test: true puts a red watermark pill in the top-right corner.
    let badge = pixel(frame, 300, 12)
    #expect(badge.0 > 150 && badge.1 < 90, "\(badge)")
  }

  @Test(
    "bad input names its field and leaves no files behind",
    arguments: [
      (
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: "nobody")), voice: .silence(SilenceVoice())),
        "video_inputs[0].character.avatar_id"
      ),
      (
        VideoInput(voice: .text(TextVoice(voiceId: "x", inputText: "Hi"))),
        "video_inputs[0].voice.voice_id"
      ),
      (
        VideoInput(voice: .silence(SilenceVoice()), background: .color("#12")),
        "video_inputs[0].background.value"
      ),
      (
        VideoInput(
          voice: .silence(SilenceVoice()),
          background: .image(ImageBackground(url: "/no/such/file.png"))),
        "video_inputs[0].background.url"
      ),
      (
        VideoInput(voice: .audio(AudioVoice(audioUrl: "/etc/hostname"))),
        "video_inputs[0].voice.audio_url"
      ),
      (
        VideoInput(
          voice: .text(
            TextVoice(voiceId: "en-us-male", inputText: String(repeating: "a", count: 5001)))),
        "video_inputs[0].voice.input_text"
      ),
    ])
  func badInput(scene: VideoInput, field: String) async throws {
    let scratch = try ScratchFolder()
    let request = VideoGenerateRequest(
      videoInputs: [scene, VideoInput(voice: .silence(SilenceVoice()))], dimension: Self.size)
    do {
      _ = try await renderer(scratch).render(request, to: scratch.file("out.mp4"))
      Issue.record("rendering should fail for \(field)")
    } catch {
      guard case .invalidInput(let invalid) = error else {
        Issue.record("expected invalid input, got \(error)")
        return
      }
      #expect(invalid.path == field, "\(invalid)")
    }
    #expect(scratch.contents.isEmpty, "left behind: \(scratch.contents)")
  }

  @Test("odd or out-of-range dimensions are refused before anything is written")
  func badDimension() async throws {
    let scratch = try ScratchFolder()
    for (dimension, field) in [
      (Dimension(width: 321, height: 180), "dimension.width"),
      (Dimension(width: 320, height: 5000), "dimension.height"),
    ] {
      let request = VideoGenerateRequest(
        videoInputs: [VideoInput(voice: .silence(SilenceVoice()))], dimension: dimension)
      await #expect(
        throws: RenderError.invalidInput(
          InvalidField(
            path: field,
            message: field.hasSuffix("width")
              ? "must be even, got 321" : "must be between 128 and 4096, got 5000"))
      ) {
        _ = try await renderer(scratch).render(request, to: scratch.file("out.mp4"))
      }
    }
    #expect(scratch.contents.isEmpty)
  }
}

@Suite("Text overlay box")
struct OverlayWidthTests {
  @Test("a box placed past the middle keeps a width instead of vanishing")
  func pastTheMiddle() {
    #expect(abs(OverlayLayer.defaultWidth(x: 0.05) - 0.9) < 1e-9)
    #expect(abs(OverlayLayer.defaultWidth(x: 0.2) - 0.6) < 1e-9)
    #expect(abs(OverlayLayer.defaultWidth(x: 0.55) - 0.4) < 1e-9)
    #expect(OverlayLayer.defaultWidth(x: 1) == 0.05)
  }
}
