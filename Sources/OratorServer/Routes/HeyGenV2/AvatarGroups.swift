import HeyGenAPI
import OratorRender

/// The built-in avatars as HeyGen-style groups: one group per person, each of that person's
/// outfits a look. A person is the first word of the avatar id (`amara` for
/// `amara_navy_blazer`), so a second outfit for the same person joins the same group.
struct AvatarGroups {
  /// Built-in presenters have no creation time of their own; a fixed one (2025-01-01) keeps
  /// listings identical from one start to the next.
  static let builtInCreatedAt = 1_735_689_600

  struct Group {
    var summary: AvatarGroup
    var looks: [AvatarGroupLook]
  }

  let groups: [Group]

  init(avatars: [AvatarDefinition], publicURL: String) {
    var order: [String] = []
    var members: [String: [AvatarDefinition]] = [:]
    for avatar in avatars {
      let id = Self.groupID(of: avatar)
      if members[id] == nil { order.append(id) }
      members[id, default: []].append(avatar)
    }
    groups = order.map { id in
      let people = members[id] ?? []
      let looks = people.map {
        AvatarGroupLook(
          avatar: AvatarListItem($0, publicURL: publicURL), groupId: id,
          createdAt: Self.builtInCreatedAt)
      }
      let first = people[0]
      return Group(
        summary: AvatarGroup(
          id: id, name: Self.personName(of: first), createdAt: Self.builtInCreatedAt,
          numLooks: looks.count,
          previewImage: looks[0].avatar.previewImageUrl, groupType: "PUBLIC", trainStatus: "ready",
          defaultVoiceId: first.defaultVoiceId),
        looks: looks)
    }
  }

  func group(id: String) -> Group? {
    groups.first { $0.summary.id == id }
  }

  static func groupID(of avatar: AvatarDefinition) -> String {
    CatalogueService.personID(of: avatar)
  }

  static func personName(of avatar: AvatarDefinition) -> String {
    CatalogueService.personName(of: avatar)
  }
}
