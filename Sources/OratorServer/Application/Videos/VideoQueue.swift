import Foundation
import HeyGenAPI
import OratorCore

/// Queues checked work as new videos: the concurrency limit, the video, its job and credit
/// reservation in one transaction, and a wake-up for the workers. Shared by
/// `POST /v2/video/generate`, `POST /v2/template/<id>/generate` and `POST /v2/video_translate`.
struct VideoQueue {
  var environment: ServerEnvironment

  /// `body` is what the worker will decode; by default the request re-encoded.
  func submit(_ request: VideoGenerateRequest, body: Data? = nil, account: ResourceID) async throws
    -> ResourceID
  {
    // A template's stored body is the filled-in request, so the worker renders it like any other.
    let stored = try body ?? JSONEncoder().encode(request)
    let submission = VideoSubmission(
      request: request, body: stored, account: account, now: environment.clock.now(),
      random: environment.random)
    try await enqueue(submission.video, job: submission.job)
    return submission.video.id
  }

  /// Queues translations, one video each. All are admitted (limit and credit) before any is
  /// written, so a refused request leaves nothing behind; each write checks the limit again
  /// in its own transaction, so a concurrent submit cannot take the account over it.
  func submit(_ submissions: [TranslationSubmission], account: ResourceID) async throws {
    let active = try await environment.store.activeRenderCount(account: account)
    if active + submissions.count > limit {
      throw ApplicationError.tooManyActive(active: active)
    }
    let needed = submissions.reduce(0) { $0 + $1.video.reservedCredit }
    let remaining = try await environment.store.remainingCredit(account: account)
    if needed > remaining {
      throw ApplicationError.insufficientCredit(needed: needed, remaining: remaining)
    }
    for submission in submissions {
      try await enqueue(submission.video, job: submission.job)
    }
  }

  private var limit: Int { environment.configuration.maxActiveRendersPerAccount }

  /// Writes the video with its job and reservation; the store decides the account's limit
  /// in the same transaction.
  private func enqueue(_ video: VideoRecord, job: JobRecord) async throws {
    do {
      try await environment.store.createVideo(video, job: job, maxActive: limit)
    } catch .insufficientCredit(let needed, let remaining) {
      throw ApplicationError.insufficientCredit(needed: needed, remaining: remaining)
    } catch .tooManyActiveVideos(let active) {
      throw ApplicationError.tooManyActive(active: active)
    }
    environment.jobSignal.ring()
  }
}
