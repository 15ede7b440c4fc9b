/// What a worker hands back when a render succeeds.
public struct VideoResult: Sendable, Equatable, Codable {
  /// Seconds of video; credits are charged for this.
  public var duration: Double
  public var files: VideoFiles

  public init(duration: Double, files: VideoFiles) {
    self.duration = duration
    self.files = files
  }
}
