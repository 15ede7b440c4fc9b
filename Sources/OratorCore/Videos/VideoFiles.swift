/// The files a finished video has, as names relative to the account's media folder
/// (`<video id>/video.mp4`). URLs are made from them on each request and signed then, so
/// nothing stored ever expires.
public struct VideoFiles: Sendable, Equatable, Codable {
  public var video: String?
  public var thumbnail: String?
  public var gif: String?
  /// `caption_url` in HeyGen's status: the `.ass` file.
  public var captionsASS: String?
  public var captionsSRT: String?
  public var captionsVTT: String?
  /// `video_url_caption`: a copy with the captions burned in.
  public var captionedVideo: String?

  public init(
    video: String? = nil, thumbnail: String? = nil, gif: String? = nil,
    captionsASS: String? = nil, captionsSRT: String? = nil, captionsVTT: String? = nil,
    captionedVideo: String? = nil
  ) {
    self.video = video
    self.thumbnail = thumbnail
    self.gif = gif
    self.captionsASS = captionsASS
    self.captionsSRT = captionsSRT
    self.captionsVTT = captionsVTT
    self.captionedVideo = captionedVideo
  }

  /// Every file named, for deleting a video's media.
  public var all: [String] {
    [video, thumbnail, gif, captionsASS, captionsSRT, captionsVTT, captionedVideo]
      .compactMap { $0 }
  }
}
