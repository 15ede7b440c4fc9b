/// The nine mouth shapes of Preston Blair / Rhubarb Lip Sync.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The cases are the letters animators and Rhubarb Lip Sync use for these shapes.
public enum MouthShape: String, Sendable, Equatable, CaseIterable, Codable {
  /// Closed lips with slight pressure (P, B, M).
  case A
  /// Slightly open, teeth together (most consonants, "EE").
  case B
  /// Open (EH, AE).
  case C
  /// Wide open (AA).
  case D
  /// Slightly rounded (AO, ER).
  case E
  /// Puckered (UW, OW, W).
  case F
  /// Upper teeth on the lower lip (F, V).
  case G
  /// Tongue raised behind the teeth (long L).
  case H
  /// Rest, mouth relaxed and closed.
  case X

  /// How far the lips are apart, 0 (closed) … 1 (wide); used for motion energy and tests.
  public var openness: Double {
    switch self {
    case .A, .X: 0
    case .B, .G: 0.25
    case .F: 0.3
    case .E, .H: 0.5
    case .C: 0.65
    case .D: 1
    }
  }
}

/// One mouth shape held from `start` to `end` (seconds).
public struct MouthCue: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var shape: MouthShape

  public init(start: Double, end: Double, shape: MouthShape) {
    self.start = start
    self.end = end
    self.shape = shape
  }
}
