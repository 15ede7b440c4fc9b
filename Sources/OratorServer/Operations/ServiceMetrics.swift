import CoreMetrics
import Foundation
import OratorCore
import OratorTranslate
import Prometheus

/// What `/metrics` shows beside Hummingbird's HTTP request counts and latencies: renders,
/// the queue, webhooks, translations and credit, recorded through swift-metrics so any backend
/// can take them; `orator serve` bootstraps the Prometheus one.
public enum ServiceMetrics {
  /// Makes swift-metrics record into `registry`. Once per process, before the server starts.
  public static func bootstrap(_ registry: PrometheusCollectorRegistry) {
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.durationHistogramBuckets["orator_render_duration_seconds"] = [
      1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800,
    ].map { Duration.seconds($0) }
    factory.valueHistogramBuckets["orator_render_realtime_ratio"] = [
      0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 4,
    ]
    factory.durationHistogramBuckets["orator_translation_stage_duration_seconds"] = [
      0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300,
    ].map { Duration.seconds($0) }
    MetricsSystem.bootstrap(factory)
  }

  /// A render (or translation) that finished: how long it took (when it ran on this node),
  /// against the video's length, and the credit charged for it.
  static func renderCompleted(
    kind: VideoKind, renderTime: Duration?, videoSeconds: Double, creditCharged: Int
  ) {
    let kindLabel = [("kind", kind.rawValue)]
    Counter(label: "orator_renders_completed_total", dimensions: kindLabel).increment()
    if let renderTime {
      Timer(label: "orator_render_duration_seconds", dimensions: kindLabel)
        .recordNanoseconds(renderTime.nanoseconds)
      if videoSeconds > 0 {
        Recorder(label: "orator_render_realtime_ratio", dimensions: kindLabel)
          .record(renderTime.timeInterval / videoSeconds)
      }
    }
    Counter(label: "orator_credit_consumed_seconds_total").increment(by: max(0, creditCharged))
  }

  /// A failed render attempt, by its API error code (retried or final).
  static func renderFailed(code: Int) {
    Counter(label: "orator_render_failures_total", dimensions: [("code", String(code))])
      .increment()
  }

  /// One webhook delivery attempt.
  static func webhookDelivery(delivered: Bool) {
    Counter(
      label: "orator_webhook_deliveries_total",
      dimensions: [("outcome", delivered ? "delivered" : "failed")]
    ).increment()
  }

  /// A webhook event given up on after its retry window.
  static func webhookGaveUp() {
    Counter(label: "orator_webhook_gave_up_total").increment()
  }

  /// The stages of a finished video translation.
  static func translationStages(_ times: DubStageTimes) {
    let stages: [(String, Double)] = [
      ("extract", times.extract), ("recognition", times.recognition),
      ("translation", times.translation), ("speech", times.speech), ("fitting", times.fitting),
      ("muxing", times.muxing),
    ]
    for (stage, seconds) in stages {
      Timer(label: "orator_translation_stage_duration_seconds", dimensions: [("stage", stage)])
        .recordNanoseconds(Int64(seconds * 1e9))
    }
  }

  /// The queue as the store sees it (every node's jobs), and this node's workers.
  static func queue(_ stats: QueueStats, workersRunning: Int) {
    Gauge(label: "orator_queue_jobs").record(stats.queuedJobs)
    Gauge(label: "orator_queue_oldest_job_age_seconds").record(stats.oldestQueuedSeconds)
    Gauge(label: "orator_renders_running").record(stats.runningJobs)
    Gauge(label: "orator_webhook_backlog_events").record(stats.pendingWebhookEvents)
    Gauge(label: "orator_workers_running").record(workersRunning)
  }
}

extension Duration {
  var nanoseconds: Int64 {
    components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
  }
}
