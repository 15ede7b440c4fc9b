import ArgumentParser
import OratorServer

/// `orator serve`'s connection timeouts: how long a client may stay silent, take over a
/// request head, or take over a request body.
struct ConnectionTimeoutOptions: ParsableArguments {
  @Option(
    help:
      "Seconds a connection with no request in progress stays open (default 60). Also ORATOR_IDLE_TIMEOUT_SECONDS."
  )
  var idleTimeoutSeconds: Double?

  @Option(
    help:
      "Seconds a request's headers may take to arrive (default 30). Also ORATOR_HEADER_TIMEOUT_SECONDS."
  )
  var headerTimeoutSeconds: Double?

  @Option(
    help:
      "Seconds a request body may take to arrive, plus one per 64 KiB received (default 30): 408 after. Also ORATOR_BODY_TIMEOUT_SECONDS."
  )
  var bodyTimeoutSeconds: Double?

  /// Sets the timeouts given; refuses values that are not positive.
  func apply(to configuration: inout ServerConfiguration, _ settings: Settings) async throws {
    func seconds(_ flag: Double?, _ name: String) async throws -> Duration? {
      try await settings.double(flag, name, must: "above 0 and at most 86400") {
        $0 > 0 && $0 <= 86400
      }.map { .milliseconds(Int64($0 * 1000)) }
    }
    if let idle = try await seconds(idleTimeoutSeconds, "idle-timeout-seconds") {
      configuration.idleTimeout = idle
    }
    if let head = try await seconds(headerTimeoutSeconds, "header-timeout-seconds") {
      configuration.requestHeadTimeout = head
    }
    if let body = try await seconds(bodyTimeoutSeconds, "body-timeout-seconds") {
      configuration.requestBodyTimeout = body
    }
  }
}
