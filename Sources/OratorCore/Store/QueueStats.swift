/// The state of the render queue and the webhook outbox across every node, for `/metrics`.
public struct QueueStats: Sendable, Equatable {
  /// Jobs waiting to be rendered, whether runnable now or waiting out a retry's backoff.
  public var queuedJobs: Int
  /// Seconds the oldest runnable job has waited since it was queued (0 with none).
  public var oldestQueuedSeconds: Int
  /// Jobs a worker holds a lease on: renders running now.
  public var runningJobs: Int
  /// Webhook events neither delivered nor given up on: the retry backlog.
  public var pendingWebhookEvents: Int

  public init(
    queuedJobs: Int, oldestQueuedSeconds: Int, runningJobs: Int, pendingWebhookEvents: Int
  ) {
    self.queuedJobs = queuedJobs
    self.oldestQueuedSeconds = oldestQueuedSeconds
    self.runningJobs = runningJobs
    self.pendingWebhookEvents = pendingWebhookEvents
  }
}
