import CCairo

/// An SVG path parsed once into absolute cubic segments, ready to replay into cairo every
/// frame without parsing or allocating.
struct FigurePath: Sendable, Equatable {
  enum Segment: Sendable, Equatable {
    case move(Double, Double)
    case line(Double, Double)
    case curve(Double, Double, Double, Double, Double, Double)
    case close
  }

  let segments: [Segment]

  init(segments: [Segment]) {
    self.segments = segments
  }

  /// Parses SVG path data (M L H V C S Q T Z, absolute and relative; no arcs).
  init(svg: String) throws(AvatarDataError) {
    var parser = SVGPathParser(svg)
    segments = try parser.parse()
  }

  /// Appends the path to cairo's current path.
  func append(to cr: OpaquePointer) {
    for segment in segments {
      switch segment {
      case .move(let x, let y): cairo_move_to(cr, x, y)
      case .line(let x, let y): cairo_line_to(cr, x, y)
      case .curve(let x1, let y1, let x2, let y2, let x, let y):
        cairo_curve_to(cr, x1, y1, x2, y2, x, y)
      case .close: cairo_close_path(cr)
      }
    }
  }

  /// Bounds of all points, control points included (so never too small).
  var bounds: FigureRect? {
    var xs: [Double] = []
    var ys: [Double] = []
    for segment in segments {
      switch segment {
      case .move(let x, let y), .line(let x, let y):
        xs.append(x)
        ys.append(y)
      case .curve(let x1, let y1, let x2, let y2, let x, let y):
        xs += [x1, x2, x]
        ys += [y1, y2, y]
      case .close: break
      }
    }
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max()
    else { return nil }
    return FigureRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }
}

/// What can be wrong in an avatar file, with enough context to find it.
public struct AvatarDataError: Error, CustomStringConvertible, Sendable, Equatable {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

/// A small recursive-descent reader for SVG path data.
private struct SVGPathParser {
  private let scalars: [UInt8]
  private var index = 0
  private var segments: [FigurePath.Segment] = []
  private var current = (x: 0.0, y: 0.0)
  private var subpathStart = (x: 0.0, y: 0.0)
  /// Last control point, for the smooth S and T commands.
  private var lastCubicControl: (x: Double, y: Double)?
  private var lastQuadControl: (x: Double, y: Double)?
  private let source: String

  init(_ source: String) {
    self.source = source
    scalars = Array(source.utf8)
  }

  mutating func parse() throws(AvatarDataError) -> [FigurePath.Segment] {
    var command: UInt8 = 0
    while true {
      skipSeparators()
      guard index < scalars.count else { break }
      let byte = scalars[index]
      if isCommandLetter(byte) {
        command = byte
        index += 1
      } else if command == 0 {
        throw AvatarDataError("path must start with a command: \"\(source.prefix(40))\"")
      } else if command == UInt8(ascii: "M") {
        command = UInt8(ascii: "L")  // Extra pairs after a move are lines.
      } else if command == UInt8(ascii: "m") {
        command = UInt8(ascii: "l")
      }
      try apply(command)
    }
    return segments
  }

  private func isCommandLetter(_ byte: UInt8) -> Bool {
    "MmLlHhVvCcSsQqTtZz".utf8.contains(byte)
  }

  private mutating func apply(_ command: UInt8) throws(AvatarDataError) {
    let relative = command >= UInt8(ascii: "a")
    let base = relative ? current : (x: 0.0, y: 0.0)
    let upper = relative ? command - 32 : command
    switch upper {
    case UInt8(ascii: "M"):
      let p = try point(base)
      segments.append(.move(p.x, p.y))
      current = p
      subpathStart = p
      clearControls()
    case UInt8(ascii: "L"):
      let p = try point(base)
      lineTo(p)
    case UInt8(ascii: "H"):
      let x = try number() + base.x
      lineTo((x, current.y))
    case UInt8(ascii: "V"):
      let y = try number() + base.y
      lineTo((current.x, y))
    case UInt8(ascii: "C"):
      let c1 = try point(base)
      let c2 = try point(base)
      let p = try point(base)
      curveTo(c1, c2, p)
    case UInt8(ascii: "S"):
      let c1 = reflected(lastCubicControl)
      let c2 = try point(base)
      let p = try point(base)
      curveTo(c1, c2, p)
    case UInt8(ascii: "Q"):
      let q = try point(base)
      let p = try point(base)
      quadTo(q, p)
    case UInt8(ascii: "T"):
      let q = reflected(lastQuadControl)
      let p = try point(base)
      quadTo(q, p)
    case UInt8(ascii: "Z"):
      segments.append(.close)
      current = subpathStart
      clearControls()
    default:
      throw AvatarDataError("unsupported path command in \"\(source.prefix(40))\"")
    }
  }

  private mutating func clearControls() {
    lastCubicControl = nil
    lastQuadControl = nil
  }

  private func reflected(_ control: (x: Double, y: Double)?) -> (x: Double, y: Double) {
    guard let control else { return current }
    return (2 * current.x - control.x, 2 * current.y - control.y)
  }

  private mutating func lineTo(_ p: (x: Double, y: Double)) {
    segments.append(.line(p.x, p.y))
    current = p
    clearControls()
  }

  private mutating func curveTo(
    _ c1: (x: Double, y: Double), _ c2: (x: Double, y: Double), _ p: (x: Double, y: Double)
  ) {
    segments.append(.curve(c1.x, c1.y, c2.x, c2.y, p.x, p.y))
    current = p
    lastCubicControl = c2
    lastQuadControl = nil
  }

  /// Quadratic curves become the equivalent cubic (cairo draws cubics only).
  private mutating func quadTo(_ q: (x: Double, y: Double), _ p: (x: Double, y: Double)) {
    let c1 = (x: current.x + 2 / 3 * (q.x - current.x), y: current.y + 2 / 3 * (q.y - current.y))
    let c2 = (x: p.x + 2 / 3 * (q.x - p.x), y: p.y + 2 / 3 * (q.y - p.y))
    segments.append(.curve(c1.x, c1.y, c2.x, c2.y, p.x, p.y))
    current = p
    lastQuadControl = q
    lastCubicControl = nil
  }

  private mutating func point(_ base: (x: Double, y: Double)) throws(AvatarDataError) -> (
    x: Double, y: Double
  ) {
    let x = try number()
    let y = try number()
    return (x + base.x, y + base.y)
  }

  private mutating func skipSeparators() {
    while index < scalars.count,
      scalars[index] == UInt8(ascii: " ") || scalars[index] == UInt8(ascii: ",")
        || scalars[index] == UInt8(ascii: "\n") || scalars[index] == UInt8(ascii: "\t")
        || scalars[index] == UInt8(ascii: "\r")
    {
      index += 1
    }
  }

  private mutating func number() throws(AvatarDataError) -> Double {
    skipSeparators()
    let start = index
    if index < scalars.count,
      scalars[index] == UInt8(ascii: "-") || scalars[index] == UInt8(ascii: "+")
    {
      index += 1
    }
    var seenDot = false
    while index < scalars.count {
      let byte = scalars[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        index += 1
      } else if byte == UInt8(ascii: "."), !seenDot {
        seenDot = true
        index += 1
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        index += 1
        if index < scalars.count,
          scalars[index] == UInt8(ascii: "-") || scalars[index] == UInt8(ascii: "+")
        {
          index += 1
        }
      } else {
        break
      }
    }
    let text = String(decoding: scalars[start..<index], as: UTF8.self)
    guard let value = Double(text) else {
      throw AvatarDataError("expected a number at offset \(start) in \"\(source.prefix(40))\"")
    }
    return value
  }
}
