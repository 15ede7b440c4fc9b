/// Why a video failed, as `video_status.get` reports it in `data.error`. `code` is an
/// integer as HeyGen sends it; strict clients refuse a string.
public struct VideoFailure: Error, Sendable, Equatable, Codable {
  public var code: Int
  public var message: String
  public var detail: String?

  public init(code: Int, message: String, detail: String? = nil) {
    self.code = code
    self.message = message
    self.detail = detail
  }

  /// Every attempt's worker vanished (crashed or lost its lease) before finishing.
  public static func workerLost(attempts: Int) -> VideoFailure {
    VideoFailure(
      code: 50001, message: "Rendering stopped unexpectedly",
      detail: "The render worker was lost \(attempts) times; the video was not finished.")
  }
}
