import Foundation
import HeyGenAPI
import OratorCore
import OratorRender

/// Renders a generate request into a job's video folder: the scratch folder for downloads,
/// the media resolver of the job's account, and the stored files as media-relative paths.
/// Used for generated videos and for re-rendering translated scripts.
struct VideoRendering {
  let environment: ServerEnvironment
  let job: JobLease

  /// The job's media folder, created if needed: (relative path, absolute path).
  func videoDirectory() throws -> (relative: String, absolute: String) {
    let directory = environment.media.videoDirectory(account: job.accountId, video: job.videoId)
    let absolute = environment.media.absolutePath(directory)
    try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
    return (directory, absolute)
  }

  /// A scratch folder for this attempt, removed after `body`.
  func withScratch<T>(_ body: (String) async throws -> T) async throws -> T {
    let scratch = (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent(job.jobId.rawValue + "-\(job.fencingToken)")
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    return try await body(scratch)
  }

  func render(_ request: VideoGenerateRequest) async throws -> VideoResult {
    let (directory, absolute) = try videoDirectory()
    return try await withScratch { scratch in
      let renderer = VideoRenderer(
        avatars: environment.avatars, speech: environment.speech,
        media: ServerMediaResolver(
          account: job.accountId, environment: environment, scratchDirectory: scratch))
      let rendered = try await renderer.render(
        request, to: (absolute as NSString).appendingPathComponent("video.mp4"))
      return VideoResult(
        duration: rendered.duration,
        files: rendered.files { directory + "/" + (($0 as NSString).lastPathComponent) })
    }
  }
}

extension RenderedVideo {
  /// The rendered files as the store records them, each path turned into a stored name by
  /// `name` (media-relative for in-process workers, a bare file name for remote uploads).
  func files(_ name: (String) -> String) -> VideoFiles {
    VideoFiles(
      video: name(videoPath), thumbnail: name(thumbnailPath), gif: name(gifPath),
      captionsASS: name(assPath), captionsSRT: name(srtPath), captionsVTT: name(vttPath),
      captionedVideo: captionedVideoPath.map(name))
  }
}
