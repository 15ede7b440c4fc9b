import ArgumentParser
import Logging

/// `--log-level` and `--log-format` for the long-running commands (`serve`, `worker`).
struct LoggingOptions: ParsableArguments {
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  @Option(
    help:
      "trace, debug, info, notice, warning, error or critical (default info). Also ORATOR_LOG_LEVEL."
  )
  var logLevel: String?

  @Option(
    help:
      "text (default) or json: one JSON object per line, for log shippers. Also ORATOR_LOG_FORMAT."
  )
  var logFormat: Format?

  /// Sets up logging for the process and returns its logger. Call once, before any logging.
  func bootstrap(label: String, _ settings: Settings) async throws -> Logger {
    let levelText = try await settings.string(logLevel, "log-level") ?? "info"
    guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
      throw ValidationError(
        "log-level \"\(levelText)\" must be one of "
          + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let formatText = try await settings.string(logFormat?.rawValue, "log-format") ?? "text"
    guard let format = Format(rawValue: formatText.lowercased()) else {
      throw ValidationError("log-format \"\(formatText)\" must be text or json")
    }
    LoggingSystem.bootstrap { label in
      var handler: any LogHandler =
        switch format {
        case .text: StreamLogHandler.standardError(label: label)
        case .json: JSONLogHandler(label: label)
        }
      handler.logLevel = level
      return handler
    }
    var logger = Logger(label: label)
    logger.logLevel = level
    return logger
  }
}
