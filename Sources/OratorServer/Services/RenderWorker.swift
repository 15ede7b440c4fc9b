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
    // On SIGTERM the loop stops; a render in progress is cancelled and its job handed back to
    // the queue at once, so another worker (another node) starts it without waiting for the
    // lease to run out.
    await environment.workers.whileRunning {
      await cancelWhenGracefulShutdown { await loop() }
    }
  }

  private func loop() async {
    let lease = environment.configuration.leaseDuration
    var pause = ResourcePause()
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
      let trouble = await process(job)
      // A full disk or exhausted memory fails every render on this machine alike: rather than
      // burn through the queue, this worker waits longer after each such failure, and other
      // workers (other nodes) take the jobs meanwhile.
      if let wait = pause.after(resourceTrouble: trouble) {
        logger.warning(
          "resource trouble; pausing before the next claim",
          metadata: ["seconds": "\(wait.components.seconds)"])
        try? await Task.sleep(for: wait)
      }
    }
  }

  /// Renders one job; true when it failed for want of a resource (disk, memory).
  @discardableResult
  private func process(_ job: JobLease) async -> Bool {
    let store = environment.store
    let clock = environment.clock
    let media = environment.media
    let leaseDuration = environment.configuration.leaseDuration
    logger.info(
      "rendering", metadata: ["video": "\(job.videoId.rawValue)", "attempt": "\(job.attempt)"])
    // What an attempt killed mid-render left behind goes before this one starts.
    media.removeEarlierAttempts(than: job)
    let started = ContinuousClock.now
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
    let reporter = RenderProgressReporter(
      progressFile: RenderProgressFile.path(
        inScratch: VideoRendering(environment: environment, job: job).scratchPath)
    ).start { fraction in
      _ = try? await store.recordProgress(job, fraction: fraction)
    }
    defer { reporter.cancel() }
    let outcome = await withTaskCancellationHandler {
      await render.result
    } onCancel: {
      render.cancel()
    }
    switch outcome {
    case .success(let result):
      let kept = await complete(job, result: result)
      heartbeat.cancel()
      if !kept {
        logger.notice(
          "render finished after its lease was lost; result discarded",
          metadata: ["video": "\(job.videoId.rawValue)"])
        // Only this attempt's folder: the worker that took over owns the video's files.
        media.removeAttempt(job)
      } else {
        logger.info(
          "completed",
          metadata: ["video": "\(job.videoId.rawValue)", "duration": "\(result.duration)"])
        await CompletionMetrics(store: store).record(
          job, renderTime: ContinuousClock.now - started, videoSeconds: result.duration)
      }
      return false
    case .failure(let error):
      heartbeat.cancel()
      media.removeAttempt(job)
      if Task.isCancelled {
        await handBack(job)
        return false
      }
      if render.isCancelled || error is CancellationError { return false }
      let (failure, retryable) = Self.failure(for: error)
      ServiceMetrics.renderFailed(code: failure.code)
      logger.warning(
        "render failed",
        metadata: ["video": "\(job.videoId.rawValue)", "error": "\(failure.message)"])
      let trouble = ResourcePause.isResourceTrouble(error)
      _ = try? await store.failJob(
        job, failure: failure, retryable: retryable,
        notBefore: trouble ? ResourcePause.jobDelay(afterAttempt: job.attempt) : nil,
        now: clock.now())
      return trouble
    }
  }

  /// Gives a job whose render this worker stopped (the server is shutting down) back to the
  /// queue, its attempt not counted. Run as a task of its own: this one is cancelled, and a
  /// cancelled task's database calls would be refused.
  private func handBack(_ job: JobLease) async {
    let store = environment.store
    let now = environment.clock.now()
    let released = await Task { (try? await store.releaseJob(job, now: now)) ?? false }.value
    logger.notice(
      released
        ? "shutting down: render stopped and its job handed back to the queue"
        : "shutting down: render stopped; its lease had already lapsed",
      metadata: ["video": "\(job.videoId.rawValue)", "attempt": "\(job.attempt)"])
  }

  /// Records a finished render. A database error is not a lost lease: the finished video is
  /// worth keeping, so the completion is tried again (the heartbeat keeps the lease meanwhile)
  /// until the store answers or the lease is past saving. True when the video was completed.
  private func complete(_ job: JobLease, result: VideoResult) async -> Bool {
    let deadline = environment.clock.now().addingTimeInterval(
      environment.configuration.leaseDuration.timeInterval * 10)
    var wait = Duration.milliseconds(250)
    while true {
      do {
        return try await environment.store.completeJob(
          job, result: result, now: environment.clock.now())
      } catch {
        guard environment.clock.now() < deadline, !Task.isCancelled else {
          logger.error(
            "completion failed; giving up", metadata: ["video": "\(job.videoId.rawValue)"])
          return false
        }
        logger.warning(
          "completion failed; retrying",
          metadata: ["video": "\(job.videoId.rawValue)", "error": "\(error)"])
        try? await Task.sleep(for: wait)
        wait = min(wait * 2, .seconds(5))
      }
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
      // The reservation came off the balance at submit; together they are what the video may
      // cost. A test video costs nothing.
      let credit =
        video.isTest
        ? nil
        : try await environment.store.remainingCredit(account: job.accountId)
          + video.reservedCredit
      return try await VideoRendering(environment: environment, job: job).render(
        request, creditSeconds: credit)
    case .translated:
      guard let spec = TranslationSpec.decode(video.request) else {
        throw RenderError.failed("the stored translation request cannot be read")
      }
      return try await TranslationJob(environment: environment, job: job).run(spec)
    }
  }

  /// Bad input found while rendering (a URL that answered 404) will fail again: no retry.
  /// Nothing that reaches the video's owner names a server path.
  static func failure(for error: any Error) -> (VideoFailure, retryable: Bool) {
    switch error {
    case let failure as TranslationFailure:
      return (failure.failure, failure.retryable)
    case let field as InvalidField:
      return (invalidInput(field), false)
    case let error as RenderError:
      return failure(for: error)
    case RenderSandboxError.render(let error):
      return failure(for: error)
    case let error as RenderSandboxError:
      // A crash twice over, or a render over its CPU or wall time, would do the same again.
      let retryable = if case .broken = error { true } else { false }
      return (
        VideoFailure(
          .internalError, message: "Rendering failed", detail: FailureText.scrub(error.description)),
        retryable
      )
    default:
      return (
        VideoFailure(
          .internalError, message: "Rendering failed", detail: FailureText.scrub("\(error)")), true
      )
    }
  }

  private static func failure(for error: RenderError) -> (VideoFailure, retryable: Bool) {
    switch error {
    case .invalidInput(let field):
      (invalidInput(field), false)
    case .failed(let message):
      (
        VideoFailure(
          .internalError, message: "Rendering failed", detail: FailureText.scrub(message)),
        true
      )
    case .insufficientCredit:
      (
        VideoFailure(
          .insufficientCredit, message: "Insufficient credit", detail: error.description), false
      )
    }
  }

  private static func invalidInput(_ field: InvalidField) -> VideoFailure {
    VideoFailure(
      .invalidParameter, message: "Invalid input: \(field.path)",
      detail: FailureText.scrub(field.description))
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
        // What their workers left half-written goes; the next attempt starts clean.
        for lease in reaped { environment.media.removeAttempt(lease) }
        environment.jobSignal.ring()
      }
    }
  }
}
