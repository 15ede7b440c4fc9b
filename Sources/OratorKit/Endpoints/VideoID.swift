import HeyGenAPI

/// The id of a video, as `POST /v3/videos` (or v2's generate) returns it.
public typealias VideoID = Identifier<IdentifierKind.Video>

/// What the server says about a video (read through `GET /v3/videos/<id>`), in v1's status type.
public typealias VideoStatus = VideoStatusData

/// Where a video is on its way: HeyGen's status vocabulary.
public enum VideoState: Sendable, Equatable, CustomStringConvertible {
  case pending, processing, completed, failed
  /// A value this SDK does not know yet (HeyGen's docs also name `waiting`).
  case other(String)

  public init(_ text: String) {
    switch text {
    case "pending", "waiting": self = .pending
    case "processing": self = .processing
    case "completed": self = .completed
    case "failed": self = .failed
    default: self = .other(text)
    }
  }

  /// True for `completed` and `failed`: nothing will change any more.
  public var isFinished: Bool { self == .completed || self == .failed }

  public var description: String {
    switch self {
    case .pending: "pending"
    case .processing: "processing"
    case .completed: "completed"
    case .failed: "failed"
    case .other(let text): text
    }
  }
}

extension VideoStatusData {
  /// ``status`` as a ``VideoState``.
  public var state: VideoState { VideoState(status) }
  /// The video's id as a ``VideoID``.
  public var videoID: VideoID { VideoID(id) }
}

/// One page of `GET /v1/video.list`; pass ``nextToken`` to get the next.
public struct VideoPage: Sendable, Equatable {
  public var videos: [VideoListItem]
  /// Nil on the last page.
  public var nextToken: String?
}
