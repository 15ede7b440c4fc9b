import HeyGenAPI
import OratorCore
import OratorRender

/// Orator's videos, presenters and voices in v3's shapes.
enum V3Presenter {
  static func video(_ view: VideoView) -> V3Video {
    let record = view.record
    let completed = record.status == .completed
    return V3Video(
      id: record.id.rawValue, status: status(record.status), title: record.title,
      createdAt: record.createdAt, completedAt: completed ? record.updatedAt : nil,
      duration: completed ? record.duration : nil, videoUrl: view.links.video,
      captionedVideoUrl: view.links.captionedVideo, subtitleUrl: view.links.captionsSRT,
      thumbnailUrl: view.links.thumbnail, gifUrl: view.links.gif, videoPageUrl: view.sharePage,
      folderId: view.folderId, failureCode: record.failure.map(\.kind.v3),
      failureMessage: record.failure.map(failureMessage), outputLanguage: view.outputLanguage,
      progress: view.progress)
  }

  /// v3 has one failure text where v1 has a message and a detail: both, when they differ.
  static func failureMessage(_ failure: VideoFailure) -> String {
    guard let detail = failure.detail, !detail.isEmpty, detail != failure.message else {
      return failure.message
    }
    return "\(failure.message): \(detail)"
  }

  /// v3's video status (the same four words as the store's).
  static func status(_ status: VideoStatus) -> String {
    switch status {
    case .pending: "pending"
    case .processing: "processing"
    case .completed: "completed"
    case .failed: "failed"
    }
  }

  static func group(_ person: CatalogueService.Person, base: String) -> V3AvatarGroup {
    let avatar = person.first
    return V3AvatarGroup(
      id: person.id, name: person.name, createdAt: AvatarGroups.builtInCreatedAt,
      looksCount: person.looks.count, gender: avatar.gender,
      defaultVoiceId: avatar.defaultVoiceId,
      previewImageUrl: "\(base)/previews/avatars/\(avatar.id).jpg",
      previewVideoUrl: "\(base)/previews/avatars/\(avatar.id).mp4")
  }

  static func look(_ look: AvatarLook, base: String) -> V3AvatarLook {
    let avatar = look.avatar
    return V3AvatarLook(
      id: look.id, name: look.name, avatarType: "studio_avatar",
      groupId: CatalogueService.personID(of: avatar), gender: avatar.gender,
      defaultVoiceId: avatar.defaultVoiceId,
      previewImageUrl: "\(base)/previews/avatars/\(avatar.id).jpg",
      previewVideoUrl: "\(base)/previews/avatars/\(avatar.id).mp4", imageWidth: nil,
      imageHeight: nil, preferredOrientation: look.style == .normal ? "landscape" : "square",
      supportedApiEngines: [], tags: avatar.tags + [look.style.rawValue])
  }

  /// A talking photo is a private group of one look; both share the photo's id.
  static func group(_ photo: TalkingPhotoRecord, preview: String) -> V3AvatarGroup {
    V3AvatarGroup(
      id: photo.id.rawValue, name: photo.name, createdAt: photo.createdAt, looksCount: 1,
      gender: nil, defaultVoiceId: nil, previewImageUrl: preview, previewVideoUrl: nil)
  }

  static func look(_ photo: TalkingPhotoRecord, preview: String) -> V3AvatarLook {
    let (width, height) = (photo.face.width, photo.face.height)
    return V3AvatarLook(
      id: photo.id.rawValue, name: photo.name, avatarType: "photo_avatar",
      groupId: photo.id.rawValue, gender: nil, defaultVoiceId: nil, previewImageUrl: preview,
      previewVideoUrl: nil, imageWidth: width, imageHeight: height,
      preferredOrientation: width > height ? "landscape" : width < height ? "portrait" : "square",
      supportedApiEngines: [], tags: ["talking_photo"])
  }

  static func voice(_ voice: VoiceDescriptor, base: String) -> V3Voice {
    V3Voice(
      voiceId: voice.id, name: voice.name, language: voice.language, gender: voice.gender,
      type: "public", supportPause: true, supportLocale: false,
      previewAudioUrl: "\(base)/previews/voices/\(voice.id).mp3", engine: voice.engine.rawValue,
      locale: voice.locale)
  }
}
