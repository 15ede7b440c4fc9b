import Foundation
import HeyGenAPI
import Testing

@testable import OratorCore

@Suite("Generate request validation")
struct VideoRequestValidatorTests {
  let validator = VideoRequestValidator()

  func scene(
    voice: Voice = .text(TextVoice(voiceId: "v", inputText: "Hello")),
    background: Background? = nil, character: Character? = nil
  ) -> VideoInput {
    VideoInput(character: character, voice: voice, background: background)
  }

  func failure(_ request: VideoGenerateRequest) -> InvalidField? {
    do {
      try validator.validate(request)
      return nil
    } catch {
      return error
    }
  }

  @Test("a plain request passes")
  func valid() {
    #expect(failure(VideoGenerateRequest(videoInputs: [scene()])) == nil)
  }

  @Test(
    "each bad input names its field",
    arguments: [
      (VideoGenerateRequest(videoInputs: []), "video_inputs"),
      (
        VideoGenerateRequest(
          videoInputs: Array(
            repeating: VideoInput(voice: .silence(SilenceVoice(duration: 1))), count: 51)),
        "video_inputs"
      ),
      (
        VideoGenerateRequest(
          videoInputs: [VideoInput(voice: .silence(SilenceVoice()))],
          dimension: Dimension(width: 1921, height: 1080)), "dimension.width"
      ),
      (
        VideoGenerateRequest(
          videoInputs: [VideoInput(voice: .silence(SilenceVoice()))],
          dimension: Dimension(width: 1920, height: 64)), "dimension.height"
      ),
      (
        VideoGenerateRequest(
          videoInputs: [VideoInput(voice: .silence(SilenceVoice()))],
          dimension: Dimension(width: 8192, height: 1080)), "dimension.width"
      ),
    ])
  func requestLevel(request: VideoGenerateRequest, path: String) {
    #expect(failure(request)?.path == path)
  }

  @Test("text over 5000 characters is refused at input_text of its scene")
  func longText() {
    let long = String(repeating: "a", count: 5001)
    let request = VideoGenerateRequest(videoInputs: [
      scene(), scene(), scene(voice: .text(TextVoice(voiceId: "v", inputText: long))),
    ])
    let field = failure(request)
    #expect(field?.path == "video_inputs[2].voice.input_text")
    #expect(field?.description.contains("5000") == true)
  }

  @Test("speed, pitch, colours, scale and missing media are checked")
  func sceneLevel() {
    let cases: [(VideoInput, String)] = [
      (
        scene(voice: .text(TextVoice(voiceId: "v", inputText: "x", speed: 2))),
        "video_inputs[0].voice.speed"
      ),
      (
        scene(voice: .text(TextVoice(voiceId: "v", inputText: "x", pitch: -80))),
        "video_inputs[0].voice.pitch"
      ),
      (
        scene(voice: .text(TextVoice(voiceId: "", inputText: "x"))),
        "video_inputs[0].voice.voice_id"
      ),
      (
        scene(voice: .text(TextVoice(voiceId: "v", inputText: "   "))),
        "video_inputs[0].voice.input_text"
      ),
      (scene(background: .color("blue-ish")), "video_inputs[0].background.value"),
      (scene(background: .image(ImageBackground())), "video_inputs[0].background.url"),
      (scene(background: .video(VideoBackground())), "video_inputs[0].background.url"),
      (
        scene(background: .video(VideoBackground(url: "https://a.example/c.mp4", soundVolume: 2))),
        "video_inputs[0].background.sound_volume"
      ),
      (scene(voice: .audio(AudioVoice())), "video_inputs[0].voice.audio_url"),
      (
        scene(character: .avatar(AvatarCharacter(avatarId: "a", scale: 9))),
        "video_inputs[0].character.scale"
      ),
      (
        scene(character: .avatar(AvatarCharacter(avatarId: "a", circleBackgroundColor: "red"))),
        "video_inputs[0].character.circle_background_color"
      ),
    ]
    for (input, path) in cases {
      #expect(failure(VideoGenerateRequest(videoInputs: [input]))?.path == path)
    }
  }

  @Test("a decoding failure names the JSON path")
  func decodingPath() throws {
    let json = #"{"video_inputs":[{"voice":{"type":"text","input_text":"x"}}]}"#
    do {
      _ = try JSONDecoder().decode(VideoGenerateRequest.self, from: Data(json.utf8))
      Issue.record("decoding should fail")
    } catch let error as DecodingError {
      #expect(InvalidField(error).description == "video_inputs[0].voice.voice_id: is required")
    }
  }

  @Test("hex colours parse in their usual forms")
  func colours() {
    #expect(RGBColor(hex: "#FFFFFF") == .white)
    #expect(RGBColor(hex: "0f0") == RGBColor(red: 0, green: 255, blue: 0))
    #expect(RGBColor(hex: "#11223344") == RGBColor(red: 0x11, green: 0x22, blue: 0x33, alpha: 0x44))
    #expect(RGBColor(hex: "#12345") == nil)
    #expect(RGBColor(hex: "#GGGGGG") == nil)
    #expect(RGBColor(hex: "#5b3df5")?.hexString == "#5b3df5")
  }
}
