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
      func relative(_ path: String) -> String {
        directory + "/" + (path as NSString).lastPathComponent
      }
      return VideoResult(
        duration: rendered.duration,
        files: VideoFiles(
          video: relative(rendered.videoPath), thumbnail: relative(rendered.thumbnailPath),
          gif: relative(rendered.gifPath), captionsASS: relative(rendered.assPath),
          captionsSRT: relative(rendered.srtPath), captionsVTT: relative(rendered.vttPath),
          captionedVideo: rendered.captionedVideoPath.map(relative)))
    }
  }
}
