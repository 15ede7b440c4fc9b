/// A rectangle in figure space (see `AvatarFigure`).
public struct FigureRect: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Double { x + width }
  public var maxY: Double { y + height }

  /// The smallest rectangle holding both.
  public func union(_ other: FigureRect) -> FigureRect {
    let minX = min(x, other.x)
    let minY = min(y, other.y)
    return FigureRect(
      x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
  }

  /// Grown by `margin` on every side.
  public func insetBy(_ margin: Double) -> FigureRect {
    FigureRect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
  }
}
