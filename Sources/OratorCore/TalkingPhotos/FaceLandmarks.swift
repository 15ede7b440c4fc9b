import Foundation

/// One face found in a photo: MediaPipe FaceMesh's 478 points (468 of the face, then 5 per
/// iris) in pixels of the stored picture, found once at upload and stored with the photo, so
/// rendering never needs the model.
public struct FaceLandmarks: Codable, Sendable, Equatable {
  /// The stored picture's size the points refer to.
  public var width: Int
  public var height: Int
  /// x and y in pixels from the top-left corner; z is depth in pixels (smaller is nearer).
  public var points: [FacePoint]

  /// FaceMesh with refined lips, eyes and irises gives this many points.
  public static let pointCount = 478

  public init(width: Int, height: Int, points: [FacePoint]) {
    self.width = width
    self.height = height
    self.points = points
  }

  /// The smallest rectangle holding every point: (x, y, width, height).
  public var bounds: (x: Double, y: Double, width: Double, height: Double) {
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let minX = xs.min() ?? 0
    let minY = ys.min() ?? 0
    return (minX, minY, (xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY)
  }

  /// The stored form: compact JSON, `[[x, y, z], …]` with the picture's size.
  public func encoded() throws(StoreError) -> Data {
    do {
      return try JSONEncoder().encode(self)
    } catch {
      throw .invalidRecord("face landmarks cannot be written: \(error)")
    }
  }

  public static func decode(_ data: Data) throws(StoreError) -> FaceLandmarks {
    do {
      return try JSONDecoder().decode(FaceLandmarks.self, from: data)
    } catch {
      throw .corruptRow("face landmarks do not parse: \(error)")
    }
  }
}

/// A landmark, encoded as `[x, y, z]` to keep 478 of them small.
public struct FacePoint: Codable, Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var z: Double

  public init(x: Double, y: Double, z: Double = 0) {
    self.x = x
    self.y = y
    self.z = z
  }

  public init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    x = try c.decode(Double.self)
    y = try c.decode(Double.self)
    z = c.isAtEnd ? 0 : try c.decode(Double.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode((x * 100).rounded() / 100)
    try c.encode((y * 100).rounded() / 100)
    try c.encode((z * 100).rounded() / 100)
  }
}
