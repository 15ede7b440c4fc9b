import Logging
import OratorCore
import ServiceLifecycle

/// With `--media-retention-days`, deletes finished videos older than that at start and then
/// regularly (hourly, or more often for a retention under four hours), and logs what it freed.
struct MediaRetentionService: Service {
  let environment: ServerEnvironment
  let retention: Duration
  let logger: Logger

  var interval: Duration { min(.seconds(3600), max(.seconds(1), retention / 4)) }

  func run() async throws {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          let report = try await MediaPruner(environment: environment).prune(olderThan: retention)
          if report.videos > 0 {
            logger.info(
              "media retention: deleted old videos",
              metadata: ["videos": "\(report.videos)", "bytes": "\(report.bytes)"])
          }
        } catch {
          logger.error("media retention pass failed", metadata: ["error": "\(error)"])
        }
        try? await Task.sleep(for: interval)
      }
    }
  }
}
