import Foundation
import Testing

/// Generate bodies and polling shared by the server suites. Renders are kept tiny so the
/// whole suite stays quick on a small machine.
enum VideoRequest {
  static let avatarID = "amara_navy_blazer"
  static let voiceID = "en-us-female"

  /// One scene: the built-in avatar speaking `text` over a plain background.
  static func body(
    text: String = "Hello there.", width: Int = 320, height: Int = 180, caption: Bool = false,
    title: String = "Test video"
  ) -> [String: Any] {
    [
      "video_inputs": [
        [
          "character": ["type": "avatar", "avatar_id": avatarID, "avatar_style": "normal"],
          "voice": ["type": "text", "input_text": text, "voice_id": voiceID, "speed": 1.0],
          "background": ["type": "color", "value": "#FFFFFF"],
        ]
      ],
      "dimension": ["width": width, "height": height],
      "caption": caption,
      "title": title,
    ]
  }

  /// One scene whose voice is an audio file at `url`.
  static func audioBody(url: String, title: String = "Audio video") -> [String: Any] {
    [
      "video_inputs": [
        [
          "character": ["type": "avatar", "avatar_id": avatarID],
          "voice": ["type": "audio", "audio_url": url],
        ]
      ],
      "dimension": ["width": 320, "height": 180],
      "title": title,
    ]
  }
}

extension TestServer {
  /// Submits a generate request that must be accepted; returns the video id.
  func generate(_ body: [String: Any] = VideoRequest.body(), key: String = TestServer.apiKey)
    async throws -> String
  {
    let response = try await post("/v2/video/generate", json: body, key: key)
    try #require(response.status == 200, "generate answered \(response.status): \(response.text)")
    return try #require(response.json["data"]["video_id"].string)
  }

  /// The `data` of `GET /v1/video_status.get`.
  func status(_ id: String) async throws -> JSONValue {
    let response = try await get("/v1/video_status.get?video_id=\(id)")
    try #require(response.status == 200, "status answered \(response.status): \(response.text)")
    return response.json["data"]
  }

  /// Polls the status every 100 ms until it is one of `states` (default: finished).
  func waitForStatus(
    _ id: String, in states: Set<String> = ["completed", "failed"],
    timeout: Duration = .seconds(180)
  ) async throws -> JSONValue {
    let deadline = ContinuousClock.now + timeout
    while true {
      let data = try await status(id)
      if let state = data["status"].string, states.contains(state) { return data }
      guard ContinuousClock.now < deadline else {
        throw TestServerError(
          "video \(id) still \(data["status"]) after \(timeout); log:\n\(log.suffix(3000))")
      }
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  /// Downloads `url` into the server's data folder and returns the file's path.
  func download(_ url: String, as name: String) async throws -> String {
    let response = try await get(url, key: nil)
    try #require(response.status == 200, "download answered \(response.status)")
    let path = dataDirectory.appendingPathComponent(name).path
    try response.body.write(to: URL(fileURLWithPath: path))
    return path
  }
}

/// What ffprobe says about a media file.
struct MediaProbe {
  var videoCodec: String?
  var audioCodec: String?
  var width: Int?
  var height: Int?
  var frameRate: Double?
  var duration: Double?

  init(path: String) async throws {
    let result = try await Tool.run(
      "ffprobe",
      [
        "-v", "error", "-show_entries",
        "stream=codec_type,codec_name,width,height,avg_frame_rate:format=duration",
        "-of", "json", path,
      ])
    try #require(result.status == 0, "ffprobe failed: \(result.output)")
    let json = try JSONValue(data: Data(result.output.utf8))
    for stream in json["streams"].array ?? [] {
      switch stream["codec_type"].string {
      case "video":
        videoCodec = stream["codec_name"].string
        width = stream["width"].int
        height = stream["height"].int
        if let rate = stream["avg_frame_rate"].string?.split(separator: "/").compactMap({
          Double($0)
        }),
          rate.count == 2, rate[1] > 0
        {
          frameRate = rate[0] / rate[1]
        }
      case "audio":
        audioCodec = stream["codec_name"].string
      default:
        break
      }
    }
    duration = json["format"]["duration"].string.flatMap(Double.init)
  }
}
