import HeyGenAPI

/// One way a built-in presenter can appear: the person (`avatar`) in one framing. HeyGen's v3
/// calls these looks and names them by id in `avatar_id`; Orator's looks are each presenter's
/// styles, so `amara_navy_blazer` is the half-figure, `amara_navy_blazer-close-up` the
/// head and shoulders, `amara_navy_blazer-circle` the head in a circle. A look id is
/// accepted wherever an avatar id is (v2 generate, templates, translations): the renderer
/// resolves it too.
public struct AvatarLook: Sendable, Equatable {
  public var avatar: AvatarDefinition
  public var style: AvatarStyle

  public init(avatar: AvatarDefinition, style: AvatarStyle) {
    self.avatar = avatar
    self.style = style
  }

  public var id: String {
    guard let suffix = Self.suffixes[style] else { return avatar.id }
    return avatar.id + suffix
  }

  public var name: String {
    switch style {
    case .normal: avatar.name
    case .closeUp: avatar.name + " · close-up"
    case .circle: avatar.name + " · circle"
    }
  }

  private static let suffixes: [AvatarStyle: String] = [
    .closeUp: "-close-up", .circle: "-circle",
  ]

  /// Every look of every avatar, the plain one of each first.
  public static func all(of avatars: [AvatarDefinition]) -> [AvatarLook] {
    avatars.flatMap { avatar in
      AvatarStyle.allCases.map { AvatarLook(avatar: avatar, style: $0) }
    }
  }

  /// The look a look id (or a plain avatar id) names, if any.
  public static func find(_ id: String, in avatars: [AvatarDefinition]) -> AvatarLook? {
    if let avatar = avatars.first(where: { $0.id == id }) {
      return AvatarLook(avatar: avatar, style: .normal)
    }
    for (style, suffix) in suffixes where id.hasSuffix(suffix) {
      let base = String(id.dropLast(suffix.count))
      if let avatar = avatars.first(where: { $0.id == base }) {
        return AvatarLook(avatar: avatar, style: style)
      }
    }
    return nil
  }
}
