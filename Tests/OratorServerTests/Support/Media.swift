import Foundation
import Testing

/// Small real media files, uploads and pixel reads through ffmpeg.
enum Media {
  struct Pixel: CustomStringConvertible {
    var red: Int, green: Int, blue: Int
    var isRed: Bool { red > 180 && green < 80 && blue < 80 }
    var isGreen: Bool { green > 180 && red < 80 && blue < 80 }
    var isBlue: Bool { blue > 180 && red < 80 && green < 80 }
    var description: String { "rgb(\(red), \(green), \(blue))" }
  }

  /// Makes a file with ffmpeg's `lavfi` source, uploads it, returns the asset id.
  static func upload(
    _ name: String, _ server: TestServer, input: String, type: String, extra: [String] = []
  ) async throws -> String {
    let path = server.dataDirectory.appendingPathComponent(name).path
    let made = try await Tool.run(
      "ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", input] + extra + [path])
    try #require(made.status == 0, "ffmpeg failed: \(made.output)")
    let response = try await server.request(
      .POST, "/v1/asset", body: try Data(contentsOf: URL(fileURLWithPath: path)),
      headers: [("Content-Type", type)])
    try #require(response.status == 200, "upload answered \(response.status): \(response.text)")
    return try #require(response.json["data"]["id"].string)
  }

  /// A frame of `path` (a video or picture) scaled to 16×9, as RGB bytes.
  static func frame(_ path: String, _ server: TestServer) async throws -> [UInt8] {
    let output = server.dataDirectory.appendingPathComponent("frame-\(UUID().uuidString).rgb").path
    let result = try await Tool.run(
      "ffmpeg",
      [
        "-v", "error", "-y", "-i", path, "-frames:v", "1", "-vf", "scale=16:9", "-f", "rawvideo",
        "-pix_fmt", "rgb24", output,
      ])
    try #require(result.status == 0, "ffmpeg failed: \(result.output)")
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
  }

  /// The top-left corner, where only the background shows.
  static func pixel(of path: String, _ server: TestServer) async throws -> Pixel {
    let rgb = try await frame(path, server)
    try #require(rgb.count >= 3)
    return Pixel(red: Int(rgb[0]), green: Int(rgb[1]), blue: Int(rgb[2]))
  }

  static func pixel(of data: Data, _ server: TestServer, name: String) async throws -> Pixel {
    let path = server.dataDirectory.appendingPathComponent(name).path
    try data.write(to: URL(fileURLWithPath: path))
    return try await pixel(of: path, server)
  }

  /// Mean absolute difference of the middle columns of two videos' first frames.
  static func centreDifference(_ first: String, _ second: String, _ server: TestServer) async throws
    -> Double
  {
    let a = try await frame(first, server)
    let b = try await frame(second, server)
    var total = 0
    var count = 0
    for row in 2..<9 {
      for column in 6..<10 {
        for channel in 0..<3 {
          let index = (row * 16 + column) * 3 + channel
          total += abs(Int(a[index]) - Int(b[index]))
          count += 1
        }
      }
    }
    return Double(total) / Double(count)
  }
}
