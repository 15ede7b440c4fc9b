import Foundation
import HeyGenAPI
import Logging
import OratorCore
import OratorRender
import ServiceLifecycle

/// Claims render jobs and renders them: a lease with a fencing token, a heartbeat while the
/// render runs, completion that only counts if the lease still holds. A render whose lease is
/// lost (deleted video, a worker that stalled past its lease) is cancelled and its files removed.
struct RenderWorker: Service {
  let environment: ServerEnvironment
  let name: String
  let logger: Logger

  func run() async throws {
    // On SIGTERM the loop stops; a render in progress is cancelled and its job runs again
    // once the lease expires.
    await cancelWhenGracefulShutdown { await loop() }
  }

  private func loop() async {
    let lease = environment.configuration.leaseDuration
    while !Task.isCancelled {
      let claimed: JobLease?
      do {
        claimed = try await environment.store.claimJob(
          owner: name, leaseFor: lease, now: environment.clock.now())
      } catch {
        logger.error("claim failed", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: .seconds(1))
        continue
      }
      guard let job = claimed else {
        await environment.jobSignal.wait(timeout: .milliseconds(500))
        continue
      }
      await process(job)
    }
  }

  private func process(_ job: JobLease) async {
    let store = environment.store
    let clock = environment.clock
    let leaseDuration = environment.configuration.leaseDuration
    logger.info(
      "rendering", metadata: ["video": "\(job.videoId.rawValue)", "attempt": "\(job.attempt)"])
    let render = Task { try await renderVideo(job) }
    // Heartbeats keep the lease; a refused heartbeat means the video was deleted or another
    // worker took over, so this render stops.
    let heartbeat = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: leaseDuration / 3)
        if Task.isCancelled { return }
        let held =
          (try? await store.heartbeat(
            job, extendTo: clock.now().addingTimeInterval(leaseDuration.timeInterval))) ?? true
        if !held {
          render.cancel()
          return
        }
      }
    }
    let outcome = await withTaskCancellationHandler {
      await render.result
    } onCancel: {
      render.cancel()
    }
    heartbeat.cancel()
    switch outcome {
    case .success(let result):
      let kept = (try? await store.completeJob(job, result: result, now: clock.now())) ?? false
      if !kept {
        logger.notice(
          "render finished after its lease was lost; result discarded",
          metadata: ["video": "\(job.videoId.rawValue)"])
        environment.media.removeVideo(account: job.accountId, video: job.videoId)
      } else {
        logger.info(
          "completed",
          metadata: ["video": "\(job.videoId.rawValue)", "duration": "\(result.duration)"])
      }
    case .failure(let error):
      if render.isCancelled || error is CancellationError {
        environment.media.removeVideo(account: job.accountId, video: job.videoId)
        return
      }
      let (failure, retryable) = Self.failure(for: error)
      logger.warning(
        "render failed",
        metadata: ["video": "\(job.videoId.rawValue)", "error": "\(failure.message)"])
      environment.media.removeVideo(account: job.accountId, video: job.videoId)
      _ = try? await store.failJob(job, failure: failure, retryable: retryable, now: clock.now())
    }
  }

  /// Renders a generated video, or runs a translation; both end as a video with files.
  private func renderVideo(_ job: JobLease) async throws -> VideoResult {
    guard let video = try await environment.store.video(id: job.videoId, account: job.accountId)
    else {
      throw CancellationError()
    }
    switch video.kind {
    case .generated:
      let request = try JSONDecoder().decode(VideoGenerateRequest.self, from: video.request)
      return try await VideoRendering(environment: environment, job: job).render(request)
    case .translated:
      guard let spec = TranslationSpec.decode(video.request) else {
        throw RenderError.failed("the stored translation request cannot be read")
      }
      return try await TranslationJob(environment: environment, job: job).run(spec)
    }
  }

  /// Bad input found while rendering (a URL that answered 404) will fail again: no retry.
  static func failure(for error: any Error) -> (VideoFailure, retryable: Bool) {
    switch error {
    case let failure as TranslationFailure:
      (failure.failure, failure.retryable)
    case let field as InvalidField:
      (
        VideoFailure(
          code: 400175, message: "Invalid input: \(field.path)", detail: field.description), false
      )
    case RenderError.invalidInput(let field):
      (
        VideoFailure(
          code: 400175, message: "Invalid input: \(field.path)", detail: field.description), false
      )
    case RenderError.failed(let message):
      (VideoFailure(code: 500, message: "Rendering failed", detail: message), true)
    default:
      (VideoFailure(code: 500, message: "Rendering failed", detail: "\(error)"), true)
    }
  }
}

/// Takes back leases whose workers vanished, so their jobs run again (or fail after the
/// last attempt) even when no worker is asking for work.
struct LeaseReaper: Service {
  let environment: ServerEnvironment
  let logger: Logger
  var interval: Duration = .seconds(5)

  func run() async throws {
    await cancelWhenGracefulShutdown { await loop() }
  }

  private func loop() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      if let reaped = try? await environment.store.reapExpiredLeases(now: environment.clock.now()),
        !reaped.isEmpty
      {
        logger.notice(
          "took back expired leases", metadata: ["jobs": "\(reaped.map(\.jobId.rawValue))"])
        environment.jobSignal.ring()
      }
    }
  }
}
