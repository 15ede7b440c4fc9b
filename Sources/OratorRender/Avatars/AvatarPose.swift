/// What a presenter looks like at one instant. `AvatarMotion` produces one per frame;
/// `AvatarFigure` draws it.
public struct AvatarPose: Sendable, Equatable {
  public var mouth: MouthShape
  /// 0 = eyes open, 1 = closed.
  public var eyelids: Double
  /// 0 = brows at rest, 1 = fully raised.
  public var browRaise: Double
  /// Head roll in radians; positive turns clockwise.
  public var headTilt: Double
  /// Head displacement in figure units (see `AvatarFigure.canvas`).
  public var headShiftX: Double
  public var headShiftY: Double
  /// 0 = breathed out, 1 = breathed in (shoulders rise about 1 %).
  public var breath: Double

  public init(
    mouth: MouthShape = .X, eyelids: Double = 0, browRaise: Double = 0, headTilt: Double = 0,
    headShiftX: Double = 0, headShiftY: Double = 0, breath: Double = 0
  ) {
    self.mouth = mouth
    self.eyelids = eyelids
    self.browRaise = browRaise
    self.headTilt = headTilt
    self.headShiftX = headShiftX
    self.headShiftY = headShiftY
    self.breath = breath
  }

  public static let rest = AvatarPose()
}

/// Everything motion needs to know about a scene's speech, sampled on the video's frame grid.
public struct Performance: Sendable {
  public var mouthCues: [MouthCue]
  public var words: [TimedWord]
  /// Speech loudness per video frame, 0 (silence) … 1 (loudest in the scene).
  public var energy: [Double]
  public var fps: Double
  /// Makes blinks and sway differ between scenes yet repeat exactly for the same input.
  public var seed: UInt64

  public init(
    mouthCues: [MouthCue], words: [TimedWord], energy: [Double], fps: Double, seed: UInt64
  ) {
    self.mouthCues = mouthCues
    self.words = words
    self.energy = energy
    self.fps = fps
    self.seed = seed
  }

  public var frameCount: Int { energy.count }
}
