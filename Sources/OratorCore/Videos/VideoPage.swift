import Foundation

/// One page of `GET /v1/video.list`, newest first.
public struct VideoPage: Sendable, Equatable {
  public var videos: [VideoRecord]
  /// Where the next page starts; nil on the last page.
  public var next: VideoPageToken?

  public init(videos: [VideoRecord], next: VideoPageToken?) {
    self.videos = videos
    self.next = next
  }

  /// The page sizes `video.list` accepts.
  public static let limits = 1...100
}

/// HeyGen's `token`: opaque to clients, it names the last video of the previous page so that
/// a page starts after it even while new videos arrive.
public struct VideoPageToken: Sendable, Equatable {
  /// Unix seconds of the last video shown.
  public var createdAt: Int
  public var videoId: ResourceID

  public init(createdAt: Int, videoId: ResourceID) {
    self.createdAt = createdAt
    self.videoId = videoId
  }

  public init(after video: VideoRecord) {
    self.init(createdAt: video.createdAt, videoId: video.id)
  }

  /// Reads a token a client sent back; nil when it was not made here.
  public init?(string: String) {
    var base64 = string.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64) else { return nil }
    let parts = String(decoding: data, as: UTF8.self).split(separator: ".")
    guard parts.count == 2, let createdAt = Int(parts[0]),
      let id = ResourceID(String(parts[1]))
    else { return nil }
    self.init(createdAt: createdAt, videoId: id)
  }

  /// URL-safe base64 without padding, so it can go in a query string as it is.
  public var string: String {
    Data("\(createdAt).\(videoId.rawValue)".utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
