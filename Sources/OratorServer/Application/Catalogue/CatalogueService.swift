import HeyGenAPI
import OratorRender

/// The presenters and voices this server can render, as every dialect lists them: people
/// (HeyGen's avatar groups), their looks, and the installed voices.
struct CatalogueService {
  let avatars: [AvatarDefinition]
  let voices: [VoiceDescriptor]

  init(environment: ServerEnvironment) {
    avatars = environment.avatars
    voices = environment.speech.voices
  }

  /// One person and the looks they can be shown in. A person is the first word of the
  /// avatar id (`amara` for `amara_navy_blazer`), so a second outfit joins the same person.
  struct Person: Sendable {
    var id: String
    var name: String
    var looks: [AvatarLook]
    var first: AvatarDefinition { looks[0].avatar }
  }

  var people: [Person] {
    var order: [String] = []
    var looks: [String: [AvatarLook]] = [:]
    for look in AvatarLook.all(of: avatars) {
      let id = Self.personID(of: look.avatar)
      if looks[id] == nil { order.append(id) }
      looks[id, default: []].append(look)
    }
    return order.map { id in
      let personLooks = looks[id] ?? []
      return Person(id: id, name: Self.personName(of: personLooks[0].avatar), looks: personLooks)
    }
  }

  func person(_ id: String) throws(ApplicationError) -> Person {
    guard let person = people.first(where: { $0.id == id }) else {
      throw .notFound(.avatarGroup, id: id)
    }
    return person
  }

  func look(_ id: String) throws(ApplicationError) -> AvatarLook {
    guard let look = AvatarLook.find(id, in: avatars) else { throw .notFound(.avatar, id: id) }
    return look
  }

  /// The looks of one person, or of everyone.
  func looks(ofPerson personID: String?) throws(ApplicationError) -> [AvatarLook] {
    guard let personID else { return AvatarLook.all(of: avatars) }
    return try person(personID).looks
  }

  /// Installed voices. `language` is an English name ("Spanish") or a locale (`es`,
  /// `es-MX`); `gender` is `female` or `male`; `engine` names the speech engine.
  func voices(language: String?, gender: String?, engine: String?) -> [VoiceDescriptor] {
    var found = voices
    if let language = language?.lowercased(), !language.isEmpty {
      found = found.filter {
        $0.language.lowercased() == language || $0.locale.lowercased() == language
          || $0.locale.lowercased().hasPrefix(language + "-")
      }
    }
    if let gender = gender?.lowercased(), !gender.isEmpty {
      found = found.filter { $0.gender.lowercased() == gender }
    }
    if let engine = engine?.lowercased(), !engine.isEmpty {
      found = found.filter { $0.engine.rawValue == engine }
    }
    return found
  }

  func voice(_ id: String) throws(ApplicationError) -> VoiceDescriptor {
    guard let voice = voices.first(where: { $0.id == id }) else {
      throw .notFound(.voice, id: id)
    }
    return voice
  }

  static func personID(of avatar: AvatarDefinition) -> String {
    avatar.id.split(separator: "_").first.map(String.init) ?? avatar.id
  }

  /// "Amara (Blazer)" → "Amara": the person, without the outfit.
  static func personName(of avatar: AvatarDefinition) -> String {
    let name = avatar.name.split(separator: "(").first.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return name.flatMap { $0.isEmpty ? nil : $0 } ?? avatar.name
  }
}
