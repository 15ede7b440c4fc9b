import Foundation
import HeyGenAPI
import OratorCore

/// Queues a checked generate request as a new video: the concurrency limit, the video, its
/// job and credit reservation in one transaction, and a wake-up for the workers. What
/// `POST /v2/template/<id>/generate` does once the template is filled in.
struct VideoQueue {
  var environment: ServerEnvironment

  func submit(_ request: VideoGenerateRequest, account: ResourceID) async throws -> ResourceID {
    let active = try await environment.store.activeRenderCount(account: account)
    if active >= environment.configuration.maxActiveRendersPerAccount {
      throw APIError(
        .tooManyRequests, code: "rate_limited", numericCode: 429,
        message: "\(active) videos are already queued or rendering for this account; retry later",
        envelope: .v2, retryAfter: 5)
    }
    // The stored body is the filled-in request, so the worker renders it like any other.
    let body = try JSONEncoder().encode(request)
    let submission = VideoSubmission(
      request: request, body: body, account: account, now: environment.clock.now(),
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
