import Foundation
import HeyGenAPI
import OratorCore

/// Video translation, as both dialects ask for it: one translated video per target
/// language, queued together (all admitted or none), read back as videos of kind
/// `translated`.
struct TranslationRequests {
  let environment: ServerEnvironment
  let account: ResourceID

  /// Checks the request once and queues a translation per language; returns their ids in
  /// the order the languages were asked for. `envelope` is the asking dialect's.
  func submit(_ request: VideoTranslateRequest, envelope: APIError.Envelope) async throws
    -> [ResourceID]
  {
    let checked = try await TranslateRequestCheck(
      environment: environment, translation: environment.translation, account: account,
      envelope: envelope
    ).check(request)
    let submissions = checked.specs.map { spec in
      TranslationSubmission(
        spec: spec, account: account, callbackId: request.callbackId,
        callbackURL: request.callbackUrl, reservedSeconds: checked.reservedSeconds,
        now: environment.clock.now(), random: environment.random)
    }
    try await VideoQueue(environment: environment).submit(submissions, account: account)
    return submissions.map(\.video.id)
  }

  /// A translation of the account, with what it was asked to be.
  func translation(_ id: String) async throws -> (video: VideoRecord, spec: TranslationSpec) {
    guard let resourceID = ResourceID(id),
      let video = try await environment.store.video(id: resourceID, account: account),
      video.kind == .translated, let spec = TranslationSpec.decode(video.request)
    else {
      throw ApplicationError.notFound(.translation, id: id)
    }
    return (video, spec)
  }
}
