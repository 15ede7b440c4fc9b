import Foundation
import HeyGenAPI
import OratorCore
import OratorRender

/// Renders a generate request into the job's attempt folder: media fetched here under the
/// outbound rules, the render itself in a render process of its own (`RenderSandbox`), the
/// stored files as media-relative paths. Used for generated videos and for re-rendering
/// translated scripts.
struct VideoRendering {
  let environment: ServerEnvironment
  let job: JobLease

  /// This attempt's media folder, created if needed: (relative path, absolute path).
  func videoDirectory() throws -> (relative: String, absolute: String) {
    let directory = environment.media.attemptDirectory(for: job)
    let absolute = environment.media.absolutePath(directory)
    try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
    return (directory, absolute)
  }

  /// This attempt's scratch folder: where its render process writes, progress included.
  var scratchPath: String {
    (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent(job.jobId.rawValue + "-\(job.fencingToken)")
  }

  /// A scratch folder for this attempt, removed after `body`.
  func withScratch<T>(_ body: (String) async throws -> T) async throws -> T {
    let scratch = scratchPath
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    return try await body(scratch)
  }

  /// Renders `request`; `creditSeconds` is what the account can pay for it (nil: no charge).
  func render(_ request: VideoGenerateRequest, creditSeconds: Int? = nil) async throws
    -> VideoResult
  {
    let (directory, absolute) = try videoDirectory()
    return try await withScratch { scratch in
      let fetching = VideoRenderer(
        avatars: environment.avatars, speech: environment.speech,
        media: ServerMediaResolver(
          account: job.accountId, environment: environment, scratchDirectory: scratch))
      let rendered = try await RenderSandbox(
        executable: environment.configuration.renderExecutable,
        limits: environment.configuration.renderLimits
      ).render(
        request, fetchingWith: fetching,
        to: (absolute as NSString).appendingPathComponent("video.mp4"),
        budget: RenderBudget(
          maxVideoSeconds: environment.configuration.maxVideoSeconds,
          creditSeconds: creditSeconds),
        scratch: scratch, retryingACrash: true)
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
