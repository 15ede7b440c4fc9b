import HeyGenAPI

extension CatalogueListing {
  /// The catalogue in the API's shapes; preview URLs point under `publicURL`, where
  /// `orator serve` serves them.
  public init(avatars: [AvatarDefinition], voices: [VoiceDescriptor], publicURL: String) {
    let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    self.init(
      avatars: avatars.map { AvatarListItem($0, publicURL: base) },
      voices: voices.map { VoiceListItem($0, publicURL: base) })
  }
}

extension AvatarListItem {
  public init(_ avatar: AvatarDefinition, publicURL base: String) {
    self.init(
      avatarId: avatar.id, avatarName: avatar.name, gender: avatar.gender,
      previewImageUrl: "\(base)/previews/avatars/\(avatar.id).jpg",
      previewVideoUrl: "\(base)/previews/avatars/\(avatar.id).mp4",
      tags: avatar.tags, defaultVoiceId: avatar.defaultVoiceId)
  }
}

extension VoiceListItem {
  public init(_ voice: VoiceDescriptor, publicURL base: String) {
    self.init(
      voiceId: voice.id, language: voice.language, gender: voice.gender, name: voice.name,
      previewAudio: "\(base)/previews/voices/\(voice.id).mp3", locale: voice.locale)
  }
}
