/// An avatar's palette with every colour parsed, plus the fixed colours of eyes and mouth.
struct FigurePalette: Sendable {
  let skin: FigureColor
  let skinShadow: FigureColor
  let lip: FigureColor
  let hair: FigureColor
  let hairShadow: FigureColor
  let brow: FigureColor
  let iris: FigureColor
  let blush: FigureColor?
  let eyeWhite = FigureColor(red: 0.992, green: 0.984, blue: 0.976)
  let pupil = FigureColor(red: 0.09, green: 0.07, blue: 0.07)
  let teeth = FigureColor(red: 0.99, green: 0.98, blue: 0.96)
  let mouthInterior: FigureColor
  let tongue: FigureColor
  /// The palette as written, by role name, for shapes that refer to roles.
  let rawPalette: [(String, String)]
  private let byRole: [String: FigureColor]

  init(_ palette: AvatarPalette) {
    rawPalette =
      [
        ("skin", palette.skin), ("skinShadow", palette.skinShadow), ("lip", palette.lip),
        ("hair", palette.hair), ("hairShadow", palette.hairShadow),
        ("brow", palette.brow ?? palette.hairShadow), ("iris", palette.iris),
        ("clothing", palette.clothing), ("clothingShadow", palette.clothingShadow),
        ("accent", palette.accent), ("shirt", palette.shirt ?? "#F4F1EA"),
      ] + (palette.blush.map { [("blush", $0)] } ?? [])
    var byRole: [String: FigureColor] = [:]
    for (role, value) in rawPalette { byRole[role] = FigureColor(hex: value) }
    self.byRole = byRole
    let magenta = FigureColor(red: 1, green: 0, blue: 1)
    skin = byRole["skin"] ?? magenta
    skinShadow = byRole["skinShadow"] ?? magenta
    lip = byRole["lip"] ?? magenta
    hair = byRole["hair"] ?? magenta
    hairShadow = byRole["hairShadow"] ?? magenta
    brow = byRole["brow"] ?? magenta
    iris = byRole["iris"] ?? magenta
    blush = byRole["blush"]
    // A warm near-black picked up from the lips so the inside of the mouth belongs to the face.
    mouthInterior = lip.mixed(with: FigureColor(red: 0.16, green: 0.04, blue: 0.06), 0.78)
    tongue = FigureColor(red: 0.86, green: 0.45, blue: 0.47).mixed(with: lip, 0.2)
  }

  /// A role name or a literal colour.
  func resolve(_ name: String) -> FigureColor? {
    name.hasPrefix("#") ? FigureColor(hex: name) : byRole[name]
  }

  func require(_ name: String) throws(AvatarDataError) -> FigureColor {
    guard let color = resolve(name) else {
      throw AvatarDataError("unknown colour \"\(name)\" (use #RRGGBB or a palette role)")
    }
    return color
  }
}
