import Foundation
import Logging
import OratorCore
import OratorPostgres

/// The lines `orator serve` logs once it has opened its store: the release, the settings that
/// matter to an operator (never a secret: the database URL without its password, no keys or
/// tokens), and what it found: engines, voices, avatars, ffmpeg.
public struct StartupReport {
  let environment: ServerEnvironment

  public init(environment: ServerEnvironment) { self.environment = environment }

  public func log(to logger: Logger) {
    let configuration = environment.configuration
    logger.info(
      "Orator \(OratorVersion.current) starting",
      metadata: [
        "listen": "\(configuration.host):\(configuration.port)",
        "public_url": "\(configuration.publicURL ?? "(the listen address)")",
        "data_dir": "\(configuration.dataDirectory)",
        "store": "\(configuration.databaseURL.map(PostgresURL.redacted) ?? "sqlite")",
        "workers": "\(configuration.workers)",
        "remote_workers": "\(configuration.workerToken == nil ? "off" : "on")",
        "max_video_minutes": "\(configuration.maxVideoSeconds / 60)",
        "media_retention_days":
          "\(configuration.mediaRetentionDays.map { "\($0)" } ?? "keep")",
      ])
    let readiness = ReadinessCheck(environment: environment, workers: environment.workers)
    let ffmpeg = ToolLookup.path(of: "ffmpeg")
    logger.info(
      "found",
      metadata: [
        "avatars": "\(environment.avatars.count)",
        "voices": "\(readiness.voiceSummary)",
        "ffmpeg": "\(ffmpeg ?? "missing")",
        "translator": "\(configuration.translation.translatorSummary)",
      ])
    if ffmpeg == nil {
      logger.error("ffmpeg is not on PATH: every render will fail until it is installed")
    }
  }
}
