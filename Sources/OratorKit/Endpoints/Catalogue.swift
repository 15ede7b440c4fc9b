import Foundation
import HeyGenAPI

/// Presenters through v3: `GET /v3/avatars` (groups, one per person or talking photo),
/// `GET /v3/avatars/<group_id>`, `GET /v3/avatars/looks` and `GET /v3/avatars/looks/<id>`,
/// answered in the types this SDK has always returned. A look's id is what a generate
/// request takes as `avatar_id` (or, for a talking photo, as `talking_photo_id`).
public struct Avatars: Sendable {
  let transport: Transport

  /// The presenters a video can use (`avatar_id` of a generate request): every look of the
  /// built-in presenters, their styles (close-up, circle) included.
  public func list() async throws(HeyGenError) -> [AvatarListItem] {
    try await listing().avatars
  }

  /// Avatars and talking photos: v3's looks, the `photo_avatar` ones as talking photos.
  public func listing() async throws(HeyGenError) -> AvatarListData {
    let looks = try await allLooks()
    return AvatarListData(
      avatars: looks.filter { !$0.isPhoto }.map(AvatarListItem.init(v3:)),
      talkingPhotos: looks.filter(\.isPhoto).map(TalkingPhotoListItem.init(v3:)))
  }

  /// One look; a ``HeyGenError`` with ``HeyGenError/isNotFound`` for an unknown id.
  public func details(id: String) async throws(HeyGenError) -> AvatarDetails {
    let look = try await transport.require(
      .GET, "/v3/avatars/looks/\(Path.segment(id))", envelope: .v3, as: V3AvatarLook.self)
    return AvatarDetails(v3: look)
  }

  /// Avatar groups: the built-in presenters (`PUBLIC`, each with its looks), then the
  /// account's talking photos (`PRIVATE`, one look each).
  public func groups() async throws(HeyGenError) -> [AvatarGroup] {
    var groups: [AvatarGroup] = []
    for ownership in ["public", "private"] {
      let page = try await transport.all(
        "/v3/avatars", query: [("ownership", ownership)], pageSize: 50, as: V3AvatarGroup.self)
      groups += page.map { AvatarGroup(v3: $0, groupType: ownership.uppercased()) }
    }
    return groups
  }

  /// The looks of one avatar group.
  public func looks(groupID: String) async throws(HeyGenError) -> [AvatarGroupLook] {
    // The group's own answer says when it was made (looks carry no time) and makes an
    // unknown id a not-found rather than an empty list.
    let group = try await transport.require(
      .GET, "/v3/avatars/\(Path.segment(groupID))", envelope: .v3, as: V3AvatarGroup.self)
    let looks = try await transport.all(
      "/v3/avatars/looks", query: [("group_id", groupID)], pageSize: 50, as: V3AvatarLook.self)
    return looks.map {
      AvatarGroupLook(
        avatar: AvatarListItem(v3: $0), groupId: $0.groupId ?? groupID,
        createdAt: group.createdAt)
    }
  }

  /// Every look, 50 a page (v3's largest look page).
  private func allLooks() async throws(HeyGenError) -> [V3AvatarLook] {
    try await transport.all("/v3/avatars/looks", pageSize: 50, as: V3AvatarLook.self)
  }
}

extension V3AvatarLook {
  /// A talking photo: v3 makes each one a private `photo_avatar` look.
  var isPhoto: Bool { avatarType == "photo_avatar" }
}

extension AvatarListItem {
  /// A v3 look in the avatar row this SDK has always returned.
  init(v3 look: V3AvatarLook) {
    self.init(
      avatarId: look.id, avatarName: look.name, gender: look.gender ?? "",
      previewImageUrl: look.previewImageUrl ?? "", previewVideoUrl: look.previewVideoUrl ?? "",
      tags: look.tags, defaultVoiceId: look.defaultVoiceId)
  }
}

extension TalkingPhotoListItem {
  /// A v3 `photo_avatar` look as the talking-photo row this SDK has always returned.
  init(v3 look: V3AvatarLook) {
    self.init(
      talkingPhotoId: look.id, talkingPhotoName: look.name,
      previewImageUrl: look.previewImageUrl ?? "")
  }
}

extension AvatarDetails {
  /// A v3 look in the details type this SDK has always returned.
  init(v3 look: V3AvatarLook) {
    self.init(
      id: look.id, name: look.name, gender: look.gender ?? "",
      previewImageUrl: look.previewImageUrl ?? "", previewVideoUrl: look.previewVideoUrl ?? "",
      isPublic: !look.isPhoto, defaultVoiceId: look.defaultVoiceId, tags: look.tags)
  }
}

extension AvatarGroup {
  /// A v3 group in the type this SDK has always returned; v3 has no group type, so it is
  /// the ownership it was listed under.
  init(v3 group: V3AvatarGroup, groupType: String) {
    self.init(
      id: group.id, name: group.name, createdAt: group.createdAt, numLooks: group.looksCount,
      previewImage: group.previewImageUrl ?? "", groupType: groupType, trainStatus: nil,
      defaultVoiceId: group.defaultVoiceId)
  }
}

/// `GET /v3/voices`, every page, in the list type this SDK has always returned.
public struct Voices: Sendable {
  let transport: Transport

  /// The voices a video can speak with (`voice_id` of a generate request).
  /// - Parameters:
  ///   - language: an English language name ("English") or a locale (`en`, `en-GB`).
  ///   - gender: `female` or `male`.
  ///
  /// Orator filters on the server; other servers list everything, so the filter is applied
  /// here as well.
  public func list(language: String? = nil, gender: String? = nil) async throws(HeyGenError)
    -> [VoiceListItem]
  {
    let voices = try await transport.all(
      "/v3/voices", query: [("language", language), ("gender", gender)], as: V3Voice.self
    ).map(VoiceListItem.init(v3:))
    return voices.filter { voice in
      let matchesLanguage = language.map { wanted in
        let wanted = wanted.lowercased()
        let locale = voice.locale.lowercased()
        return voice.language.lowercased() == wanted || locale == wanted
          || locale.hasPrefix(wanted + "-")
      }
      let matchesGender = gender.map { voice.gender.lowercased() == $0.lowercased() }
      return matchesLanguage != false && matchesGender != false
    }
  }
}

/// Escapes one path segment (ids come from users and must not add segments).
enum Path {
  static func segment(_ text: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove("/")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

extension VoiceListItem {
  /// v3's voice in the list type this SDK has always returned.
  init(v3 voice: V3Voice) {
    self.init(
      voiceId: voice.voiceId, language: voice.language, gender: voice.gender, name: voice.name,
      previewAudio: voice.previewAudioUrl ?? "", supportPause: voice.supportPause,
      locale: voice.locale ?? "")
  }
}
