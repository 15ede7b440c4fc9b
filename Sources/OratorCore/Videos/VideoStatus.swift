/// Where a video is on its way, with HeyGen's names: `pending` (queued), `processing`
/// (rendering, including retries after a failed attempt), `completed`, `failed`.
/// HeyGen's newer `waiting` is never used: strict clients cannot decode it.
public enum VideoStatus: String, Sendable, Codable, CaseIterable {
  case pending
  case processing
  case completed
  case failed

  /// True while the video still counts against an account's concurrency limit.
  public var isActive: Bool { self == .pending || self == .processing }
}
