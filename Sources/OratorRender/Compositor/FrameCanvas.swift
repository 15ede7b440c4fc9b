import CCairo

/// A pixel rectangle (integers, top-left origin).
public struct PixelRect: Sendable, Equatable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var isEmpty: Bool { width <= 0 || height <= 0 }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }

  public func union(_ other: PixelRect) -> PixelRect {
    if isEmpty { return other }
    if other.isEmpty { return self }
    let minX = min(x, other.x)
    let minY = min(y, other.y)
    return PixelRect(
      x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
  }

  public func intersection(_ other: PixelRect) -> PixelRect {
    let minX = max(x, other.x)
    let minY = max(y, other.y)
    let w = min(maxX, other.maxX) - minX
    let h = min(maxY, other.maxY) - minY
    return w > 0 && h > 0
      ? PixelRect(x: minX, y: minY, width: w, height: h)
      : PixelRect(x: 0, y: 0, width: 0, height: 0)
  }

  /// Grown outwards to even coordinates, so chroma (2×2 blocks) is converted whole.
  public var evenAligned: PixelRect {
    let minX = x & ~1
    let minY = y & ~1
    let endX = (maxX + 1) & ~1
    let endY = (maxY + 1) & ~1
    return PixelRect(x: minX, y: minY, width: endX - minX, height: endY - minY)
  }
}

/// A Cairo ARGB32 image surface (premultiplied, bytes B,G,R,A in memory) with its context.
/// Unchecked Sendable: a canvas belongs to one render, which uses it from one task at a time
/// (it only crosses into ffmpeg's subprocess closures of that same render).
final class FrameCanvas: @unchecked Sendable {
  let width: Int
  let height: Int
  let surface: OpaquePointer
  let context: OpaquePointer

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
    context = cairo_create(surface)
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
  }

  var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

  /// Bytes per row; Cairo pads rows to 4-byte multiples, which ARGB32 already is.
  var stride: Int { Int(cairo_image_surface_get_stride(surface)) }

  /// Raw pixel memory; call `cairo_surface_flush` semantics are handled by the accessors.
  var pixels: UnsafeMutablePointer<UInt8> {
    cairo_surface_flush(surface)
    return cairo_image_surface_get_data(surface)!
  }

  /// Tells Cairo its memory was written directly.
  func markDirty() { cairo_surface_mark_dirty(surface) }

  func fill(_ red: Double, _ green: Double, _ blue: Double) {
    cairo_save(context)
    cairo_set_operator(context, CAIRO_OPERATOR_SOURCE)
    cairo_set_source_rgb(context, red, green, blue)
    cairo_paint(context)
    cairo_restore(context)
  }

  /// Copies `rect` from another canvas of the same size, replacing what is here.
  func copy(_ rect: PixelRect, from source: FrameCanvas) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let dst = pixels
    let src = source.pixels
    let rowBytes = r.width * 4
    for row in r.y..<r.maxY {
      let offset = row * stride + r.x * 4
      (dst + offset).update(from: src + offset, count: rowBytes)
    }
    markDirty()
  }

  /// Copies every pixel of another canvas of the same size.
  func copyAll(from source: FrameCanvas) {
    pixels.update(from: source.pixels, count: stride * height)
    markDirty()
  }

  /// The colour at a pixel, unpremultiplied, for tests and previews.
  func color(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
    let p = pixels + y * stride + x * 4
    return (p[2], p[1], p[0], p[3])
  }
}
