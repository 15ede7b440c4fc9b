import Foundation
import HeyGenAPI
import Logging
import OratorCore
import OratorRender
import ServiceLifecycle

/// One render slot of `orator worker`: claims a generated video from the server (long poll),
/// renders it here in a render process as in-process workers do, heartbeats while it
/// renders, uploads the files and completes. A lost lease (409) cancels the render and
/// discards it; on SIGTERM it stops claiming and leaves the job's lease to expire, so the
/// server hands the job to another worker.
struct RemoteWorker: Service {
  let settings: RemoteWorkerSettings
  let client: WorkerClient
  let fetcher: OutboundFetcher
  let speech: any SpeechSynthesizer
  let name: String
  let logger: Logger

  func run() async throws {
    await cancelWhenGracefulShutdown { await loop() }
  }

  private func loop() async {
    var backoff = Duration.milliseconds(500)
    while !Task.isCancelled {
      let job: WorkerMessages.ClaimedJob?
      do {
        job = try await client.claim(owner: name, wait: WorkerRoutes.maxClaimWait)
        backoff = .milliseconds(500)
      } catch {
        if Task.isCancelled { return }
        logger.error("claim failed", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: backoff)
        backoff = min(backoff * 2, .seconds(30))
        continue
      }
      if let job { await process(job) }
    }
  }

  private func process(_ job: WorkerMessages.ClaimedJob) async {
    let lease = job.lease
    let video = lease.videoId.rawValue
    logger.info("rendering", metadata: ["video": "\(video)", "attempt": "\(lease.attempt)"])
    let render = Task { try await renderAndComplete(job) }
    // A refused heartbeat means the video was deleted or another worker took over: stop.
    let heartbeat = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(Int64(job.heartbeatSeconds * 1000)))
        if Task.isCancelled { return }
        do {
          _ = try await client.heartbeat(lease)
        } catch WorkerClientError.leaseLost {
          render.cancel()
          return
        } catch {
          logger.warning("heartbeat failed", metadata: ["error": "\(error)"])
        }
      }
    }
    let reporter = RenderProgressReporter(
      progressFile: RenderProgressFile.path(inScratch: scratchPath(of: lease))
    ).start { [client] fraction in
      try? await client.progress(lease, fraction: fraction)
    }
    let outcome = await withTaskCancellationHandler {
      await render.result
    } onCancel: {
      render.cancel()
    }
    heartbeat.cancel()
    reporter.cancel()
    switch outcome {
    case .success:
      logger.info("completed", metadata: ["video": "\(video)"])
    case .failure(let error):
      if case .leaseLost? = error as? WorkerClientError {
        logger.notice("lease lost; render discarded", metadata: ["video": "\(video)"])
        return
      }
      // Stopping (SIGTERM): the job goes back to the queue at once, for another worker.
      if Task.isCancelled {
        let client = self.client
        let released = await Task { (try? await client.release(lease)) != nil }.value
        logger.notice(
          released
            ? "stopping: render stopped and its job handed back to the server"
            : "stopping: render stopped; the server did not take the job back (its lease runs out)",
          metadata: ["video": "\(video)"])
        return
      }
      // Cancelled after a lost lease: nothing to say.
      if render.isCancelled || error is CancellationError { return }
      let (failure, retryable) = Self.failure(for: error)
      logger.warning(
        "render failed", metadata: ["video": "\(video)", "error": "\(failure.message)"])
      do {
        try await client.fail(
          WorkerMessages.FailRequest(lease: lease, failure: failure, retryable: retryable))
      } catch {
        logger.error("could not report the failure", metadata: ["error": "\(error)"])
      }
    }
  }

  /// The server being unreachable is the worker's trouble, not the video's: retry later.
  static func failure(for error: any Error) -> (VideoFailure, retryable: Bool) {
    if let clientError = error as? WorkerClientError {
      return (
        VideoFailure(.internalError, message: "Rendering failed", detail: clientError.description),
        true
      )
    }
    return RenderWorker.failure(for: error)
  }

  /// Where one attempt's render writes, its progress file included.
  private func scratchPath(of lease: JobLease) -> String {
    (settings.scratchDirectory as NSString)
      .appendingPathComponent("\(lease.jobId.rawValue)-\(lease.fencingToken)")
  }

  private func renderAndComplete(_ job: WorkerMessages.ClaimedJob) async throws {
    let lease = job.lease
    guard job.kind == .generated else {
      throw RenderError.failed("a remote worker only renders generated videos")
    }
    let request = try JSONDecoder().decode(VideoGenerateRequest.self, from: Data(job.request.utf8))
    let scratch = scratchPath(of: lease)
    let output = (scratch as NSString).appendingPathComponent("out")
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    // Media is fetched here; the render itself runs in a render process of its own, so a
    // crash in it fails this video, not the worker and its other slots.
    let fetching = VideoRenderer(
      avatars: AvatarCatalogue.preferringNeuralVoices(
        AvatarCatalogue.builtIn + (job.extraAvatars ?? []), voices: speech.voices),
      speech: speech,
      media: RemoteMediaResolver(
        client: client, lease: lease, publicBase: job.publicBase, fetcher: fetcher,
        scratchDirectory: scratch))
    let rendered = try await RenderSandbox(limits: settings.renderLimits).render(
      request, fetchingWith: fetching,
      to: (output as NSString).appendingPathComponent("video.mp4"),
      budget: RenderBudget(maxVideoSeconds: settings.maxVideoSeconds), scratch: scratch,
      retryingACrash: true)
    for path in rendered.allPaths {
      try Task.checkCancellation()
      try await client.upload(lease, name: (path as NSString).lastPathComponent, file: path)
    }
    try await client.complete(
      WorkerMessages.CompleteRequest(
        lease: lease, duration: rendered.duration,
        files: rendered.files { ($0 as NSString).lastPathComponent }))
  }
}
