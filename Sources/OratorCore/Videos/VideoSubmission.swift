import Foundation
import HeyGenAPI

/// A generate request turned into what the store writes in one transaction: the video (with
/// its credit reservation) and its render job. The request body is kept byte for byte.
public struct VideoSubmission: Sendable, Equatable {
  public var video: VideoRecord
  public var job: JobRecord

  public init(
    request: VideoGenerateRequest, body: Data, account: ResourceID, now: Date,
    random: some RandomSource, estimate: CreditEstimate = CreditEstimate()
  ) {
    let isTest = request.test ?? false
    video = VideoRecord(
      id: ResourceID(random: random), accountId: account, kind: .generated,
      title: request.title ?? "", request: body, callbackId: request.callbackId,
      callbackUrl: request.callbackUrl, isTest: isTest, caption: request.caption ?? false,
      createdAt: now.unixSeconds, reservedCredit: isTest ? 0 : estimate.seconds(for: request))
    job = JobRecord.queued(id: ResourceID(random: random), for: video)
  }
}
