import OratorCore

/// Records a completed video's metrics, with the credit its settlement really charged (read
/// back from the store: it may be less than the length when the balance ran short).
struct CompletionMetrics {
  let store: any Store

  func record(_ job: JobLease, renderTime: Duration?, videoSeconds: Double) async {
    let video = try? await store.video(id: job.videoId, account: job.accountId)
    ServiceMetrics.renderCompleted(
      kind: video?.kind ?? .generated, renderTime: renderTime, videoSeconds: videoSeconds,
      creditCharged: video?.chargedCredit ?? 0)
  }
}
