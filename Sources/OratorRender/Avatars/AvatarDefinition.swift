/// One presenter as data: who it is, its colours, its shapes and how it moves.
///
/// Everything is in figure space (see `AvatarFigure`): a 1000 × 1000 box, x to the right,
/// y down, head centred at x = 500. Shapes are SVG path strings so they can be drawn in any
/// vector editor and pasted in. Colours are `#RRGGBB` (or `#RRGGBBAA`); a shape's `fill` and
/// `stroke` may also name a palette role ("skin", "hair", "clothing", …) so one set of shapes
/// can be recoloured by changing the palette alone.
public struct AvatarDefinition: Codable, Sendable, Equatable {
  /// Stable identifier used in requests (`avatar_id`), snake case.
  public var id: String
  /// Display name, e.g. "Amara (Blazer)".
  public var name: String
  /// "female", "male" or "unknown".
  public var gender: String
  public var tags: [String]
  /// Voice used when a request names none.
  public var defaultVoiceId: String
  public var palette: AvatarPalette
  public var shapes: AvatarShapes
  public var features: AvatarFeatures
  public var accessories: AvatarAccessories
  public var motion: AvatarMotionParameters

  public init(
    id: String, name: String, gender: String, tags: [String], defaultVoiceId: String,
    palette: AvatarPalette, shapes: AvatarShapes, features: AvatarFeatures,
    accessories: AvatarAccessories, motion: AvatarMotionParameters
  ) {
    self.id = id
    self.name = name
    self.gender = gender
    self.tags = tags
    self.defaultVoiceId = defaultVoiceId
    self.palette = palette
    self.shapes = shapes
    self.features = features
    self.accessories = accessories
    self.motion = motion
  }
}

/// The colours of one avatar, one base and one shadow tone per material.
public struct AvatarPalette: Codable, Sendable, Equatable {
  public var skin: String
  public var skinShadow: String
  public var lip: String
  public var hair: String
  public var hairShadow: String
  /// Brows and lash lines; defaults to `hairShadow`.
  public var brow: String?
  public var iris: String
  public var clothing: String
  public var clothingShadow: String
  /// Collar, lapel or trim colour that sets the neckline off from the clothing.
  public var accent: String
  /// Shirt or blouse worn under the outer layer; defaults to an off-white.
  public var shirt: String?
  /// Cheek colour, usually the lip colour with low alpha; no blush when absent.
  public var blush: String?

  public init(
    skin: String, skinShadow: String, lip: String, hair: String, hairShadow: String,
    brow: String? = nil, iris: String, clothing: String, clothingShadow: String, accent: String,
    shirt: String? = nil, blush: String? = nil
  ) {
    self.skin = skin
    self.skinShadow = skinShadow
    self.lip = lip
    self.hair = hair
    self.hairShadow = hairShadow
    self.brow = brow
    self.iris = iris
    self.clothing = clothing
    self.clothingShadow = clothingShadow
    self.accent = accent
    self.shirt = shirt
    self.blush = blush
  }
}

/// A filled (and optionally stroked) path in figure space.
public struct FigureShape: Codable, Sendable, Equatable {
  /// SVG path data: M, L, H, V, C, S, Q, T, Z in absolute or relative form.
  public var path: String
  /// Palette role or `#RRGGBB[AA]`; no fill when absent.
  public var fill: String?
  /// Palette role or `#RRGGBB[AA]`; no stroke when absent.
  public var stroke: String?
  /// Stroke width in figure units (default 3).
  public var strokeWidth: Double?

  public init(path: String, fill: String? = nil, stroke: String? = nil, strokeWidth: Double? = nil)
  {
    self.path = path
    self.fill = fill
    self.stroke = stroke
    self.strokeWidth = strokeWidth
  }
}

/// The outlines of head, body, clothing and hair, listed in the order they are painted.
public struct AvatarShapes: Codable, Sendable, Equatable {
  /// Hair behind the head and shoulders; moves with the head.
  public var backHair: [FigureShape]
  /// Neck (skin); extends into the neckline so clothing edges can overlap it.
  public var neck: String
  /// Body and clothing; moves with breathing.
  public var torso: [FigureShape]
  /// Collar, lapels, neckline trim, shirt front: painted over the neck, moves with breathing.
  public var collar: [FigureShape]
  /// Face outline (skin), from forehead to chin.
  public var head: String
  /// Extra skin shading painted clipped to the face (e.g. the shadow of a fringe).
  public var faceShading: [FigureShape]?
  /// Hair in front of the face: fringe, hairline, locks over the shoulders, headwraps.
  public var frontHair: [FigureShape]

  public init(
    backHair: [FigureShape], neck: String, torso: [FigureShape], collar: [FigureShape],
    head: String, faceShading: [FigureShape]? = nil, frontHair: [FigureShape]
  ) {
    self.backHair = backHair
    self.neck = neck
    self.torso = torso
    self.collar = collar
    self.head = head
    self.faceShading = faceShading
    self.frontHair = frontHair
  }
}
