import HeyGenAPI

extension VideoStatus {
  /// The status in translation vocabulary (`GET /v2/video_translate/<id>`), which differs
  /// from video statuses.
  public var translationState: VideoTranslateState {
    switch self {
    case .pending: .pending
    case .processing: .running
    case .completed: .success
    case .failed: .failed
    }
  }
}
