/// What a worker hands back when a render succeeds.
public struct VideoResult: Sendable, Equatable, Codable {
  /// Seconds of video; credits are charged for this.
  public var duration: Double
  public var files: VideoFiles
  /// ISO 639-1 code of the language the source video spoke, when a translation had to
  /// recognise it (status `input_language`).
  public var spokenLanguage: String?

  public init(duration: Double, files: VideoFiles, spokenLanguage: String? = nil) {
    self.duration = duration
    self.files = files
    self.spokenLanguage = spokenLanguage
  }
}
