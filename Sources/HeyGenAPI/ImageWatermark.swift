/// A picture laid over every frame, such as a logo: Orator's form of v3's `watermark`,
/// accepted in v2 bodies as `watermark` too.
public struct ImageWatermark: Codable, Sendable, Equatable {
  public var url: String?
  public var assetId: String?
  /// Width as a multiple of a sixth of the frame's width (1: one sixth), 0.1–6.
  public var scale: Double?
  /// 0 (invisible) to 1 (opaque).
  public var opacity: Double?
  /// `top_left`, `top_right`, `bottom_left` or `bottom_right` (the default).
  public var position: Position?
  /// Distance from the corner, as a fraction of the frame's width, 0–0.5 (default 0.03).
  public var offsetX: Double?
  /// Distance from the corner, as a fraction of the frame's height, 0–0.5 (default 0.03).
  public var offsetY: Double?

  public enum Position: String, Codable, Sendable, Equatable, CaseIterable {
    case topLeft = "top_left"
    case topRight = "top_right"
    case bottomLeft = "bottom_left"
    case bottomRight = "bottom_right"
  }

  public init(
    url: String? = nil, assetId: String? = nil, scale: Double? = nil, opacity: Double? = nil,
    position: Position? = nil, offsetX: Double? = nil, offsetY: Double? = nil
  ) {
    self.url = url
    self.assetId = assetId
    self.scale = scale
    self.opacity = opacity
    self.position = position
    self.offsetX = offsetX
    self.offsetY = offsetY
  }

  enum CodingKeys: String, CodingKey {
    case url, scale, opacity, position
    case assetId = "asset_id"
    case offsetX = "offset_x"
    case offsetY = "offset_y"
  }
}
