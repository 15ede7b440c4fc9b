import Foundation
import HeyGenAPI

/// `GET /v2/avatars`, `GET /v2/avatar/<id>/details`, `GET /v2/avatar_group.list` and
/// `GET /v2/avatar_group/<id>/avatars`.
public struct Avatars: Sendable {
  let transport: Transport

  /// The presenters a video can use (`avatar_id` of a generate request).
  public func list() async throws(HeyGenError) -> [AvatarListItem] {
    try await listing().avatars
  }

  /// Avatars and talking photos, as `GET /v2/avatars` lists them.
  public func listing() async throws(HeyGenError) -> AvatarListData {
    try await transport.require(.GET, "/v2/avatars", envelope: .v2)
  }

  /// One avatar; a ``HeyGenError`` with ``HeyGenError/isNotFound`` for an unknown id.
  public func details(id: String) async throws(HeyGenError) -> AvatarDetails {
    try await transport.require(.GET, "/v2/avatar/\(Path.segment(id))/details", envelope: .v2)
  }

  /// Avatar groups (one per presenter, each with its looks).
  public func groups() async throws(HeyGenError) -> [AvatarGroup] {
    let data = try await transport.require(
      .GET, "/v2/avatar_group.list", envelope: .v2, as: AvatarGroupListData.self)
    return data.avatarGroupList
  }

  /// The looks of one avatar group.
  public func looks(groupID: String) async throws(HeyGenError) -> [AvatarGroupLook] {
    let data = try await transport.require(
      .GET, "/v2/avatar_group/\(Path.segment(groupID))/avatars", envelope: .v2,
      as: AvatarGroupLooksData.self)
    return data.avatarList
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
    var voices: [VoiceListItem] = []
    var token: String?
    repeat {
      let page = try await transport.list(
        "/v3/voices",
        query: [("language", language), ("gender", gender), ("limit", "100"), ("token", token)],
        as: V3Voice.self)
      voices += page.items.map(VoiceListItem.init(v3:))
      token = page.nextToken
    } while token != nil
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
