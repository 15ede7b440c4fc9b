import Foundation
import Testing

@testable import HeyGenAPI

@Suite("Generate request decoding")
struct VideoGenerateRequestTests {
  func decode(_ json: String) throws -> VideoGenerateRequest {
    try JSONDecoder().decode(VideoGenerateRequest.self, from: Data(json.utf8))
  }

  @Test("the seed's recipe 4 body decodes with every field in place")
  func seedRecipe() throws {
    let request = try decode(
      """
      {"video_inputs":[{"character":{"type":"avatar","avatar_id":"amara","avatar_style":"normal"},
       "voice":{"type":"text","input_text":"Hello! Welcome.","voice_id":"en-us-female","speed":1.0},
       "background":{"type":"color","value":"#FFFFFF"}}],
       "dimension":{"width":1920,"height":1080},"title":"Product Demo Video"}
      """)
    #expect(request.title == "Product Demo Video")
    #expect(request.dimension == Dimension(width: 1920, height: 1080))
    let scene = try #require(request.videoInputs.first)
    #expect(scene.character == .avatar(AvatarCharacter(avatarId: "amara", avatarStyle: .normal)))
    #expect(
      scene.voice
        == .text(TextVoice(voiceId: "en-us-female", inputText: "Hello! Welcome.", speed: 1.0)))
    #expect(scene.background == .color("#FFFFFF"))
  }

  @Test("clients' variations are accepted: dimensions, elevanlabs_settings, nulls, unknown keys")
  func leniency() throws {
    let request = try decode(
      """
      {"video_inputs":[{"character":null,"voice":{"type":"text","input_text":"Hi","voice_id":"v",
        "elevanlabs_settings":{"model":"m","stability":0.5},"pitch":null,"unknown":1},
        "background":null,"text":null}],
       "dimensions":{"width":1280,"height":720},"aspect_ratio":null,"test":true,"caption":null,
       "callback_id":"abc","something_new":{"a":1}}
      """)
    #expect(request.dimension == Dimension(width: 1280, height: 720))
    #expect(request.test == true)
    #expect(request.callbackId == "abc")
    guard case .text(let voice) = request.videoInputs[0].voice else {
      Issue.record("expected a text voice")
      return
    }
    #expect(voice.elevenlabsSettings?.model == "m")
    #expect(voice.pitch == nil)
    #expect(request.videoInputs[0].character == nil)
  }

  @Test("audio, silence, image and video variants decode by type")
  func variants() throws {
    let request = try decode(
      """
      {"video_inputs":[
        {"voice":{"type":"audio","audio_url":"https://x/a.mp3"},
         "background":{"type":"image","url":"https://x/b.png","fit":"contain"}},
        {"voice":{"type":"silence","duration":"1.5"},
         "background":{"type":"video","video_asset_id":"abc","play_style":"fit_to_scene"}}]}
      """)
    #expect(request.videoInputs[0].voice == .audio(AudioVoice(audioUrl: "https://x/a.mp3")))
    #expect(
      request.videoInputs[0].background
        == .image(ImageBackground(url: "https://x/b.png", fit: .contain)))
    #expect(request.videoInputs[1].voice == .silence(SilenceVoice(duration: 1.5)))
    #expect(
      request.videoInputs[1].background
        == .video(VideoBackground(videoAssetId: "abc", playStyle: .fitToScene)))
  }

  @Test("an unknown voice type is refused at its path")
  func unknownType() throws {
    #expect(throws: DecodingError.self) {
      try decode(#"{"video_inputs":[{"voice":{"type":"song"}}]}"#)
    }
  }

  @Test("encoding then decoding gives the same request")
  func roundTrip() throws {
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(
            AvatarCharacter(
              avatarId: "a", avatarStyle: .circle, scale: 0.8,
              offset: Offset(x: 0.1, y: -0.1), circleBackgroundColor: "#123456")),
          voice: .text(TextVoice(voiceId: "v", inputText: "Hello", speed: 1.2, pitch: 10)),
          background: .video(VideoBackground(url: "file:///x.mp4", playStyle: .once, fit: .cover)),
          text: TextOverlay(text: "Title", fontSize: 40, color: "#FF0000"))
      ], dimension: Dimension(width: 1280, height: 720), caption: true, title: "T", test: true)
    let data = try JSONEncoder().encode(request)
    #expect(try JSONDecoder().decode(VideoGenerateRequest.self, from: data) == request)
  }
}
