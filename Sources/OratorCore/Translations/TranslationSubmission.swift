import Foundation

/// A translation turned into what the store writes in one transaction: a video of kind
/// `translated` (its request is the `TranslationSpec`), its credit reservation and its job.
/// Translations run through the same queue, leases and retries as renders.
public struct TranslationSubmission: Sendable, Equatable {
  public var video: VideoRecord
  public var job: JobRecord

  /// `reservedSeconds` is the expected length of the result: the source's duration when it is
  /// known, an estimate otherwise; completion charges the real length.
  public init(
    spec: TranslationSpec, account: ResourceID, callbackId: String?, callbackURL: String?,
    reservedSeconds: Int, now: Date, random: some RandomSource
  ) {
    video = VideoRecord(
      id: ResourceID(random: random), accountId: account, kind: .translated, title: spec.title,
      request: spec.encoded(), callbackId: callbackId, callbackUrl: callbackURL,
      caption: spec.captions, createdAt: now.unixSeconds, reservedCredit: max(1, reservedSeconds))
    job = JobRecord.queued(id: ResourceID(random: random), for: video)
  }
}
