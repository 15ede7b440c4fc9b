/// Where the face's features sit and how big they are, in figure units. Positions on the
/// left and right are mirrored around x = 500, so each pair is given once as a distance.
public struct AvatarFeatures: Codable, Sendable, Equatable {
  public var eyes: EyeFeature
  public var brows: BrowFeature
  public var nose: NoseFeature
  public var mouth: MouthFeature
  public var ears: EarFeature

  public init(
    eyes: EyeFeature, brows: BrowFeature, nose: NoseFeature, mouth: MouthFeature, ears: EarFeature
  ) {
    self.eyes = eyes
    self.brows = brows
    self.nose = nose
    self.mouth = mouth
    self.ears = ears
  }
}

public struct EyeFeature: Codable, Sendable, Equatable {
  /// Height of the eye centres.
  public var y: Double
  /// Horizontal distance of each eye centre from x = 500.
  public var spacing: Double
  public var width: Double
  public var height: Double
  /// How much of the eye the upper lid covers at rest, 0 … 0.5.
  public var restingLid: Double?
  /// A small flick of lashes at the outer corner.
  public var lashes: Bool?

  public init(
    y: Double, spacing: Double, width: Double, height: Double, restingLid: Double? = nil,
    lashes: Bool? = nil
  ) {
    self.y = y
    self.spacing = spacing
    self.width = width
    self.height = height
    self.restingLid = restingLid
    self.lashes = lashes
  }
}

public struct BrowFeature: Codable, Sendable, Equatable {
  /// Height of the brow's middle at rest.
  public var y: Double
  /// Horizontal distance of each brow's middle from x = 500.
  public var spacing: Double
  public var width: Double
  /// Thickness at the inner end; the brow tapers towards the temple.
  public var thickness: Double
  /// How far the middle rises above the ends.
  public var arch: Double
  /// How much higher the outer end sits than the inner end (negative: lower).
  public var slant: Double?

  public init(
    y: Double, spacing: Double, width: Double, thickness: Double, arch: Double,
    slant: Double? = nil
  ) {
    self.y = y
    self.spacing = spacing
    self.width = width
    self.thickness = thickness
    self.arch = arch
    self.slant = slant
  }
}

public struct NoseFeature: Codable, Sendable, Equatable {
  /// Height of the underside of the nose.
  public var y: Double
  public var width: Double
  /// Length of the soft shadow line up the bridge (0: none).
  public var bridge: Double?

  public init(y: Double, width: Double, bridge: Double? = nil) {
    self.y = y
    self.width = width
    self.bridge = bridge
  }
}

public struct MouthFeature: Codable, Sendable, Equatable {
  /// Height of the line between the lips.
  public var y: Double
  /// Corner-to-corner width at rest; open shapes scale from it.
  public var width: Double
  /// Fullness of the lips, 0 (a line) … 1 (full, coloured lips).
  public var lipFullness: Double
  /// How much the corners turn up at rest, 0 … 1.
  public var smile: Double?

  public init(y: Double, width: Double, lipFullness: Double, smile: Double? = nil) {
    self.y = y
    self.width = width
    self.lipFullness = lipFullness
    self.smile = smile
  }
}

public struct EarFeature: Codable, Sendable, Equatable {
  public var y: Double
  /// Horizontal distance of each ear centre from x = 500.
  public var spacing: Double
  public var width: Double
  public var height: Double
  /// Hidden ears (long hair, headwrap) are not drawn.
  public var hidden: Bool?

  public init(y: Double, spacing: Double, width: Double, height: Double, hidden: Bool? = nil) {
    self.y = y
    self.spacing = spacing
    self.width = width
    self.height = height
    self.hidden = hidden
  }
}

/// Things worn on the head, painted over everything else.
public struct AvatarAccessories: Codable, Sendable, Equatable {
  public var glasses: Glasses?
  public var earrings: Earrings?
  /// Any further shapes in head space (a hair clip, a headwrap knot…).
  public var extra: [FigureShape]?

  public init(glasses: Glasses? = nil, earrings: Earrings? = nil, extra: [FigureShape]? = nil) {
    self.glasses = glasses
    self.earrings = earrings
    self.extra = extra
  }
}

public struct Glasses: Codable, Sendable, Equatable {
  /// "round" or "rectangle".
  public var shape: String
  public var color: String
  /// Frame thickness in figure units.
  public var thickness: Double
  /// Lens size, centred on each eye.
  public var lensWidth: Double
  public var lensHeight: Double

  public init(
    shape: String, color: String, thickness: Double, lensWidth: Double, lensHeight: Double
  ) {
    self.shape = shape
    self.color = color
    self.thickness = thickness
    self.lensWidth = lensWidth
    self.lensHeight = lensHeight
  }
}

public struct Earrings: Codable, Sendable, Equatable {
  /// "stud", "hoop" or "drop".
  public var style: String
  public var color: String
  public var size: Double

  public init(style: String, color: String, size: Double) {
    self.style = style
    self.color = color
    self.size = size
  }
}

/// How lively the presenter is.
public struct AvatarMotionParameters: Codable, Sendable, Equatable {
  /// Seconds between blinks, drawn at random from this range (kept within 1 … 6).
  public var blinkIntervalMin: Double
  public var blinkIntervalMax: Double
  /// Largest head roll while speaking, in degrees.
  public var swayDegrees: Double
  /// Largest head bob while speaking, in figure units.
  public var bobUnits: Double
  /// Breaths per second.
  public var breathRate: Double

  public init(
    blinkIntervalMin: Double = 2, blinkIntervalMax: Double = 6, swayDegrees: Double = 2,
    bobUnits: Double = 3, breathRate: Double = 0.25
  ) {
    self.blinkIntervalMin = blinkIntervalMin
    self.blinkIntervalMax = blinkIntervalMax
    self.swayDegrees = swayDegrees
    self.bobUnits = bobUnits
    self.breathRate = breathRate
  }
}
