/// One caption on screen from `start` to `end` (seconds). `text` holds at most one line break
/// per extra line ("\n"); writers convert it to each format's own line break.
public struct CaptionCue: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String

  public init(start: Double, end: Double, text: String) {
    self.start = start
    self.end = end
    self.text = text
  }
}
