import CCairo

/// A straight (not premultiplied) RGBA colour, 0 … 1 per channel.
struct FigureColor: Sendable, Equatable {
  var red: Double
  var green: Double
  var blue: Double
  var alpha: Double

  /// Parses `#RRGGBB` or `#RRGGBBAA`.
  init?(hex: String) {
    guard hex.hasPrefix("#") else { return nil }
    let digits = hex.dropFirst()
    guard digits.count == 6 || digits.count == 8, let value = UInt32(digits, radix: 16) else {
      return nil
    }
    let rgba = digits.count == 6 ? (value << 8) | 0xFF : value
    red = Double((rgba >> 24) & 0xFF) / 255
    green = Double((rgba >> 16) & 0xFF) / 255
    blue = Double((rgba >> 8) & 0xFF) / 255
    alpha = Double(rgba & 0xFF) / 255
  }

  init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  func withAlpha(_ alpha: Double) -> FigureColor {
    FigureColor(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// Mixed towards `other` by `amount` (0: self, 1: other).
  func mixed(with other: FigureColor, _ amount: Double) -> FigureColor {
    FigureColor(
      red: red + (other.red - red) * amount, green: green + (other.green - green) * amount,
      blue: blue + (other.blue - blue) * amount, alpha: alpha + (other.alpha - alpha) * amount)
  }

  /// Perceived lightness, 0 … 1, for sorting skin tones.
  var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

  func setSource(on cr: OpaquePointer) {
    if alpha >= 1 {
      cairo_set_source_rgb(cr, red, green, blue)
    } else {
      cairo_set_source_rgba(cr, red, green, blue, alpha)
    }
  }

  static let black = FigureColor(red: 0, green: 0, blue: 0)
  static let white = FigureColor(red: 1, green: 1, blue: 1)
}
