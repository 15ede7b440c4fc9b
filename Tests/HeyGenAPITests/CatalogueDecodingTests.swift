import Foundation
import HeyGenAPI
import Testing

/// The catalogue types read HeyGen's own answers too, so OratorKit works against
/// api.heygen.com: keys Orator always sends may be missing or null there.
struct CatalogueDecodingTests {
  @Test func avatarsAsHeyGenSendsThem() throws {
    let json = #"""
      {"avatars": [{"avatar_id": "Abigail_expressive_2024112501",
                    "avatar_name": "Abigail (Upper Body)", "gender": "female",
                    "preview_image_url": "https://example.com/a.webp",
                    "preview_video_url": "https://example.com/a.mp4", "tags": null}],
       "talking_photos": []}
      """#
    let data = try JSONDecoder().decode(AvatarListData.self, from: Data(json.utf8))
    let avatar = try #require(data.avatars.first)
    #expect(avatar.avatarId == "Abigail_expressive_2024112501" && avatar.gender == "female")
    #expect(avatar.tags.isEmpty && !avatar.premium && avatar.defaultVoiceId == nil)
  }

  @Test func voicesAsHeyGenSendsThem() throws {
    let json = #"""
      {"voices": [{"voice_id": "1bd001e7e50f421d891986aad5158bc8", "language": "English",
                   "gender": "Male", "name": "Josh", "preview_audio": "https://example.com/v.mp3",
                   "support_pause": true, "emotion_support": false}]}
      """#
    let voice = try #require(
      try JSONDecoder().decode(VoiceListData.self, from: Data(json.utf8)).voices.first)
    #expect(voice.language == "English" && voice.locale == "" && voice.supportPause)
    #expect(!voice.supportInteractiveAvatar)
  }

  @Test func oratorsOwnShapeRoundTrips() throws {
    let voice = VoiceListItem(
      voiceId: "en-us-female", language: "English", gender: "female", name: "Amara",
      previewAudio: "http://127.0.0.1:8080/v2/voices/en-us-female/preview.mp3", locale: "en-US")
    let decoded = try JSONDecoder().decode(
      VoiceListItem.self, from: JSONEncoder().encode(voice))
    #expect(decoded == voice)
  }
}
