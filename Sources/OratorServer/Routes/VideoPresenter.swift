import HeyGenAPI
import OratorCore

/// A stored video as clients see it: status with freshly signed URLs (re-signed on every
/// call, so a link is always valid for the full lifetime from the last poll), list rows.
struct VideoPresenter {
  let environment: ServerEnvironment

  func status(_ video: VideoRecord) -> VideoStatusData {
    let completed = video.status == .completed
    func url(_ file: String?) -> String? {
      guard completed, let file else { return nil }
      return environment.signedMediaURL(file)
    }
    return VideoStatusData(
      id: video.id.rawValue, status: video.status.rawValue, videoUrl: url(video.files.video),
      thumbnailUrl: url(video.files.thumbnail), gifUrl: url(video.files.gif),
      captionUrl: url(video.files.captionsASS), videoUrlCaption: url(video.files.captionedVideo),
      duration: completed ? video.duration : nil, createdAt: video.createdAt,
      callbackId: video.callbackId,
      error: video.failure.map {
        VideoErrorDetail(code: $0.code, message: $0.message, detail: $0.detail ?? $0.message)
      })
  }

  func listItem(_ video: VideoRecord) -> VideoListItem {
    VideoListItem(
      videoId: video.id.rawValue, videoTitle: video.title, status: video.status.rawValue,
      createdAt: video.createdAt, type: video.kind.listType)
  }
}
