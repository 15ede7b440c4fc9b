import Foundation
import HeyGenAPI
import OratorRender

/// The video preview of an avatar (`preview_video_url`): a real render of the avatar greeting
/// the viewer in its default voice, small enough to make in a few seconds.
struct AvatarPreviewVideo {
  static let size = Dimension(width: 640, height: 360)
  static let background = "#E6E9EE"

  var avatars: [AvatarDefinition]
  var speech: any SpeechSynthesizer
  /// A folder for the renderer's working files; removed when done.
  var scratchDirectory: String

  /// The line the avatar says: its first name, in its default voice's language when a
  /// greeting for it is known (English otherwise).
  static func greeting(for avatar: AvatarDefinition, voice: VoiceDescriptor) -> String {
    let firstName = avatar.name.split(separator: " ").first.map(String.init) ?? avatar.name
    return VoiceSample.greeting(locale: voice.locale, name: firstName)
  }

  /// The avatar's default voice, or failing that any voice of its gender, or any voice at all,
  /// so a catalogue whose default voice is not installed still gets a preview.
  func voice(for avatar: AvatarDefinition) -> VoiceDescriptor? {
    speech.voice(withID: avatar.defaultVoiceId)
      ?? speech.voices.first { $0.gender == avatar.gender && $0.locale.hasPrefix("en") }
      ?? speech.voices.first
  }

  func write(_ avatar: AvatarDefinition, to mp4Path: String) async throws {
    guard let voice = voice(for: avatar) else {
      throw PreviewError(description: "no speech voices are installed")
    }
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: avatar.id, avatarStyle: .normal)),
          voice: .text(
            TextVoice(voiceId: voice.id, inputText: Self.greeting(for: avatar, voice: voice))),
          background: .color(Self.background))
      ],
      dimension: Self.size, title: avatar.name)
    let folder = (scratchDirectory as NSString).appendingPathComponent(
      "preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let renderer = VideoRenderer(
      avatars: avatars, speech: speech, media: LocalMediaResolver(scratchDirectory: folder))
    let rendered = try await renderer.render(
      request, to: (folder as NSString).appendingPathComponent("preview.mp4"))
    try FileManager.default.moveItem(atPath: rendered.videoPath, toPath: mp4Path)
  }
}
