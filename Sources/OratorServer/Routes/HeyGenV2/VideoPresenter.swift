import HeyGenAPI
import OratorCore

/// A video in v1's shapes: the status of `video_status.get`, the rows of `video.list`.
enum VideoPresenter {
  static func status(_ view: VideoView) -> VideoStatusData {
    let video = view.record
    return VideoStatusData(
      id: video.id.rawValue, status: video.status.rawValue, videoUrl: view.links.video,
      thumbnailUrl: view.links.thumbnail, gifUrl: view.links.gif,
      captionUrl: view.links.captionsASS, videoUrlCaption: view.links.captionedVideo,
      duration: video.status == .completed ? video.duration : nil, createdAt: video.createdAt,
      callbackId: video.callbackId,
      error: video.failure.map {
        VideoErrorDetail(code: $0.code, message: $0.message, detail: $0.detail ?? $0.message)
      }, progress: view.progress)
  }

  static func listItem(_ view: VideoView) -> VideoListItem {
    let video = view.record
    return VideoListItem(
      videoId: video.id.rawValue, videoTitle: video.title, status: video.status.rawValue,
      createdAt: video.createdAt, type: video.kind.listType)
  }
}
