import Foundation
import HeyGenAPI
import OratorCore

/// Queues a checked generate request as a new video: the concurrency limit, the video, its
/// job and credit reservation in one transaction, and a wake-up for the workers. Shared by
/// `POST /v2/video/generate` and `POST /v2/template/<id>/generate`.
struct VideoQueue {
  var environment: ServerEnvironment

  /// `body` is what the worker will decode; by default the request re-encoded.
  func submit(_ request: VideoGenerateRequest, body: Data? = nil, account: ResourceID) async throws
    -> ResourceID
  {
    let active = try await environment.store.activeRenderCount(account: account)
    if active >= environment.configuration.maxActiveRendersPerAccount {
      throw APIError(
        .tooManyRequests, code: "rate_limited", numericCode: 429,
        message: "\(active) videos are already queued or rendering for this account; retry later",
        envelope: .v2, retryAfter: 5)
    }
    // A template's stored body is the filled-in request, so the worker renders it like any other.
    let stored = try body ?? JSONEncoder().encode(request)
    let submission = VideoSubmission(
      request: request, body: stored, account: account, now: environment.clock.now(),
      random: environment.random)
    do {
      try await environment.store.createVideo(submission.video, job: submission.job)
    } catch .insufficientCredit(let needed, let remaining) {
      throw APIError(
        .init(code: 402, reasonPhrase: "Payment Required"), code: "insufficient_credit",
        numericCode: 400599,
        message: "this video needs about \(needed) s of credit and \(max(remaining, 0)) s remain",
        envelope: .v2)
    }
    environment.jobSignal.ring()
    return submission.video.id
  }
}
