// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/animation-rules.cpp.

extension LipSync {
  /// The basic shape (A–F) an extended shape stands in for: G→A, H→C, X→A.
  static func basicShape(_ shape: MouthShape) -> MouthShape {
    switch shape {
    case .G, .X: .A
    case .H: .C
    default: shape
    }
  }

  /// The shape the mouth falls back to when the muscles let go.
  static func relaxed(_ shape: MouthShape) -> MouthShape {
    switch shape {
    case .A: .A
    case .B, .C, .F, .H: .B
    case .D, .E: .C
    case .G, .X: .X
    }
  }

  /// Shapes in ascending order of the effort needed to move to them from the given shape.
  private static func shapesByEffort(from shape: MouthShape) -> [MouthShape] {
    switch shape {
    case .A: [.A, .X, .G, .B, .C, .H, .E, .D, .F]
    case .B: [.B, .G, .A, .X, .C, .H, .E, .D, .F]
    case .C: [.C, .H, .B, .G, .D, .A, .X, .E, .F]
    case .D: [.D, .C, .H, .B, .G, .A, .X, .E, .F]
    case .E: [.E, .C, .H, .B, .G, .A, .X, .D, .F]
    case .F: [.F, .B, .G, .A, .X, .C, .H, .E, .D]
    case .G: [.G, .A, .B, .C, .H, .X, .E, .D, .F]
    case .H: [.H, .C, .B, .G, .D, .A, .X, .E, .F]  // like C
    case .X: [.X, .A, .G, .B, .C, .H, .E, .D, .F]  // like A
    }
  }

  /// The shape of `shapes` that is easiest to reach from `reference`.
  static func closestShape(to reference: MouthShape, in shapes: ShapeSet) -> MouthShape {
    shapesByEffort(from: reference).first { shapes.contains($0) } ?? .X
  }

  /// Where an in-between shape sits between two shapes.
  enum TweenTiming {
    /// At the end of the first shape.
    case early
    /// Straddling the boundary.
    case centered
    /// At the start of the second shape.
    case late
  }

  /// The in-between shape for a transition, if it needs one.
  ///
  /// Most rules work in one direction only: in animation the mouth pops open without
  /// in-betweens and closes slowly.
  static func tween(from first: MouthShape, to second: MouthShape) -> (
    shape: MouthShape, timing: TweenTiming
  )? {
    switch (first, second) {
    case (.D, .A): (.C, .early)
    case (.D, .B): (.C, .centered)
    case (.D, .G): (.C, .early)
    case (.D, .X): (.C, .late)
    case (.C, .F): (.E, .centered)
    case (.F, .C): (.E, .centered)
    case (.D, .F): (.E, .centered)
    case (.H, .F): (.E, .late)
    case (.F, .H): (.E, .early)
    default: nil
    }
  }
}
