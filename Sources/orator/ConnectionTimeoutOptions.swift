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

  /// Sets the timeouts given by flag or environment; refuses values that are not positive.
  func apply(to configuration: inout ServerConfiguration, _ env: [String: String]) throws {
    func seconds(_ flag: Double?, _ variable: String, _ name: String) throws -> Duration? {
      guard let value = flag ?? env[variable].flatMap(Double.init) else { return nil }
      guard value > 0, value <= 86400 else {
        throw ValidationError("--\(name) must be above 0 and at most 86400")
      }
      return .milliseconds(Int64(value * 1000))
    }
    if let idle = try seconds(
      idleTimeoutSeconds, "ORATOR_IDLE_TIMEOUT_SECONDS", "idle-timeout-seconds")
    {
      configuration.idleTimeout = idle
    }
    if let head = try seconds(
      headerTimeoutSeconds, "ORATOR_HEADER_TIMEOUT_SECONDS", "header-timeout-seconds")
    {
      configuration.requestHeadTimeout = head
    }
    if let body = try seconds(
      bodyTimeoutSeconds, "ORATOR_BODY_TIMEOUT_SECONDS", "body-timeout-seconds")
    {
      configuration.requestBodyTimeout = body
    }
  }
}
