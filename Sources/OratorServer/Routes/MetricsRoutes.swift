import Hummingbird
import NIOCore
import OratorCore

/// `GET /metrics` in Prometheus' text format. The queue gauges are read from the store at each
/// scrape (every node's jobs); counters and histograms are this node's since it started.
/// Public like `/healthz`: it holds counts and durations, no account data; keep it off the
/// internet at the reverse proxy (see docs/operations.md).
struct MetricsRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    router.get("/metrics", metrics)
  }

  @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
    do {
      let stats = try await environment.store.queueStats(now: environment.clock.now())
      ServiceMetrics.queue(stats, workersRunning: environment.workers.running)
    } catch {
      // The rest of the metrics are still worth scraping; the queue gauges keep their last
      // values and `/readyz` says the database is away.
      context.logger.warning("metrics: queue figures unavailable", metadata: ["error": "\(error)"])
    }
    return Response(
      status: .ok,
      headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: environment.metrics.emitToBuffer())))
  }
}
