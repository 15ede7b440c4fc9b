import ArgumentParser
import Foundation
import Logging
import OratorCore
import OratorServer

/// Options shared by the commands that open the data folder and the store.
struct DataOptions: ParsableArguments {
  @OptionGroup var config: ConfigFileOption
  @Option(
    help:
      "Folder of media, the URL-signing key and (without --database-url) the SQLite file. Also ORATOR_DATA_DIR."
  )
  var dataDir: String?
  @Option(
    name: .customLong("database-url"),
    help:
      "A postgres://user:password@host:port/database URL to keep the store in PostgreSQL instead of SQLite. Also ORATOR_DATABASE_URL (or ORATOR_DATABASE_URL_FILE)."
  )
  var databaseURL: String?

  func directory(_ settings: Settings) async throws -> String {
    try await settings.string(dataDir, "data-dir") ?? "./orator-data"
  }

  /// The PostgreSQL URL, if one was given; nil means the SQLite file.
  func database(_ settings: Settings) async throws -> String? {
    try await settings.string(databaseURL, "database-url").flatMap { $0.isEmpty ? nil : $0 }
  }
}

/// `orator serve`: the HeyGen-compatible API with in-process render workers.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract:
      "Serve the HeyGen-compatible API (SQLite file or PostgreSQL, local media folder, in-process workers)."
  )

  @Option(help: "Address to listen on. Also ORATOR_HOST.") var host: String?
  @Option(help: "Port to listen on (0: any free one). Also ORATOR_PORT.") var port: Int?
  @OptionGroup var data: DataOptions
  @Option(
    name: .customLong("public-url"), help: "Base of the URLs handed out. Also ORATOR_PUBLIC_URL.")
  var publicURL: String?
  @Option(
    help:
      "PostgreSQL connections this node keeps at most (default 8, so ten nodes fit max_connections=100). Also ORATOR_DATABASE_MAX_CONNECTIONS."
  )
  var databaseMaxConnections: Int?
  @Option(help: "In-process render workers. Also ORATOR_WORKERS.") var workers: Int?
  @Option(
    name: .customLong("worker-token"),
    help:
      "Secret that `orator worker` processes on other machines present; without it the internal worker API is off. Also ORATOR_WORKER_TOKEN (or ORATOR_WORKER_TOKEN_FILE)."
  )
  var workerToken: String?
  @Option(
    help:
      "Create this API key at start if it does not exist. Also ORATOR_API_KEY (or ORATOR_API_KEY_FILE)."
  )
  var apiKey: String?
  @Flag(
    name: .customLong("allow-private-urls"),
    help: "Allow media URLs on private addresses. Also ORATOR_ALLOW_PRIVATE_URLS=1.")
  var allowPrivateURLs = false
  @Option(help: "Days a signed media URL stays valid. Also ORATOR_MEDIA_URL_DAYS.")
  var mediaURLDays: Double?
  @Option(
    help: "Seconds a worker's claim on a job lasts without a heartbeat. Also ORATOR_LEASE_SECONDS.")
  var leaseSeconds: Int?
  @Option(
    help:
      "Videos one account may have queued or rendering before 429. Also ORATOR_MAX_ACTIVE_RENDERS.")
  var maxActiveRenders: Int?
  @Option(
    help: "Seconds of video a new account may render (its credit). Also ORATOR_INITIAL_CREDIT.")
  var initialCredit: Int?
  @Option(
    help:
      "Hours a webhook event is retried before Orator gives up. Also ORATOR_WEBHOOK_RETRY_WINDOW_HOURS."
  )
  var webhookRetryWindowHours: Double?
  @Option(
    help:
      "Seconds before the first webhook retry; later ones double, up to an hour. Also ORATOR_WEBHOOK_FIRST_RETRY_SECONDS."
  )
  var webhookFirstRetrySeconds: Int?
  @Option(
    help: "Seconds a webhook receiver has to answer. Also ORATOR_WEBHOOK_TIMEOUT_SECONDS.")
  var webhookTimeoutSeconds: Double?
  @Option(
    help:
      "Seconds a new webhook URL has to answer the OPTIONS probe. Also ORATOR_WEBHOOK_PROBE_TIMEOUT_SECONDS."
  )
  var webhookProbeTimeoutSeconds: Double?
  @Option(
    help:
      "Virtual environment of the face-landmark finder for talking photos (scripts/setup-facemesh.sh). Also ORATOR_FACEMESH_VENV."
  )
  var facemeshVenv: String?
  @Option(
    help:
      "A folder of extra avatar definitions (JSON, see docs/avatars.md) offered beside the built-in ones. Also ORATOR_AVATARS_DIR."
  )
  var avatarsDir: String?
  @Option(
    help:
      "Days a finished video (record and media) is kept before it is deleted (default: keep all). Also ORATOR_MEDIA_RETENTION_DAYS."
  )
  var mediaRetentionDays: Double?
  @OptionGroup var logging: LoggingOptions
  @OptionGroup var translation: TranslationOptions
  @OptionGroup var speech: SpeechOptions
  @OptionGroup var timeouts: ConnectionTimeoutOptions
  @OptionGroup var renderOptions: RenderLimitOptions

  func run() async throws {
    let settings = try await data.config.settings()
    var configuration = ServerConfiguration()
    configuration.host = try await settings.string(host, "host") ?? configuration.host
    configuration.port =
      try await settings.int(
        port, "port", must: "a port number from 0 to 65535", where: (0...65535).contains)
      ?? configuration.port
    configuration.dataDirectory = try await data.directory(settings)
    configuration.databaseURL = try await data.database(settings)
    configuration.publicURL = try await settings.string(publicURL, "public-url")
    configuration.databaseMaxConnections =
      try await settings.int(
        databaseMaxConnections, "database-max-connections", must: "at least 1",
        where: { $0 >= 1 }) ?? configuration.databaseMaxConnections
    configuration.workers =
      try await settings.int(workers, "workers", must: "0 or more", where: { $0 >= 0 })
      ?? configuration.workers
    configuration.apiKey = try await settings.string(apiKey, "api-key")
    configuration.workerToken = try await settings.string(workerToken, "worker-token").flatMap {
      $0.isEmpty ? nil : $0
    }
    configuration.allowPrivateURLs = try await settings.bool(allowPrivateURLs, "allow-private-urls")
    if let days = try await settings.double(
      mediaURLDays, "media-url-days", must: "above 0", where: { $0 > 0 })
    {
      configuration.mediaURLLifetime = .seconds(days * 86400)
    }
    if let seconds = try await settings.int(
      leaseSeconds, "lease-seconds", must: "at least 1", where: { $0 >= 1 })
    {
      configuration.leaseDuration = .seconds(seconds)
    }
    configuration.initialCreditSeconds =
      try await settings.int(initialCredit, "initial-credit", must: "0 or more", where: { $0 >= 0 })
      ?? configuration.initialCreditSeconds
    configuration.maxActiveRendersPerAccount =
      try await settings.int(
        maxActiveRenders, "max-active-renders", must: "at least 1", where: { $0 >= 1 })
      ?? configuration.maxActiveRendersPerAccount

    let window = try await settings.double(
      webhookRetryWindowHours, "webhook-retry-window-hours", must: "0 or more",
      where: { $0 >= 0 })
    let firstRetry = try await settings.int(
      webhookFirstRetrySeconds, "webhook-first-retry-seconds", must: "at least 1",
      where: { $0 >= 1 })
    if window != nil || firstRetry != nil {
      let defaults = WebhookRetrySchedule()
      configuration.webhookRetry = WebhookRetrySchedule(
        firstDelaySeconds: firstRetry ?? defaults.firstDelay,
        maxDelaySeconds: defaults.maxDelay,
        windowSeconds: window.map { Int($0 * 3600) } ?? defaults.window)
    }
    if let timeout = try await settings.double(
      webhookTimeoutSeconds, "webhook-timeout-seconds", must: "positive", where: { $0 > 0 })
    {
      configuration.webhookTimeout = .milliseconds(Int64(timeout * 1000))
    }
    if let timeout = try await settings.double(
      webhookProbeTimeoutSeconds, "webhook-probe-timeout-seconds", must: "positive",
      where: { $0 > 0 })
    {
      configuration.webhookProbeTimeout = .milliseconds(Int64(timeout * 1000))
    }

    configuration.translation = try await translation.configuration(settings)
    configuration.faceMeshEnvironment =
      try await settings.string(facemeshVenv, "facemesh-venv")
      ?? TranslationOptions.installedSidecarEnvironment(named: ".venv-facemesh")
    configuration.mediaRetentionDays = try await settings.double(
      mediaRetentionDays, "media-retention-days", must: "above 0", where: { $0 > 0 })
    configuration.extraAvatarsDirectory = try await settings.string(avatarsDir, "avatars-dir")
    configuration.speech = try await speech.settings(settings)
    try await timeouts.apply(to: &configuration, settings)
    try await renderOptions.apply(
      to: &configuration.maxVideoSeconds, &configuration.renderLimits, settings)

    let logger = try await logging.bootstrap(label: "orator", settings)
    let environment: ServerEnvironment
    do {
      environment = try await ServerEnvironment.open(configuration)
    } catch let error as StartupError {
      logger.critical("cannot start: \(error.description)")
      throw ExitCode.failure
    }
    StartupReport(environment: environment).log(to: logger)
    ServiceMetrics.bootstrap(environment.metrics)
    if let issued = try await KeyBootstrap(environment: environment).ensureKey(configuration.apiKey)
    {
      FileHandle.standardOutput.write(Data("Created API key (shown once): \(issued)\n".utf8))
    }
    let app = buildApplication(environment: environment, logger: logger) { port in
      // One line a script (or a test) can wait for; written unbuffered.
      FileHandle.standardOutput.write(
        Data("Orator listening on \(environment.baseURL) (port \(port))\n".utf8))
    }
    try await app.runService()
    logger.info("Orator stopped")
  }
}

/// Makes sure the server can be used at once: `--api-key` is created if missing; on a first
/// start without one, a key is made and printed once. Both are one store transaction that
/// nodes starting together take in turn, so they end with one account and one key.
struct KeyBootstrap {
  let environment: ServerEnvironment

  /// Returns a newly created key to print, or nil when nothing new needs showing.
  func ensureKey(_ wanted: String?) async throws -> String? {
    let store = environment.store
    let now = environment.clock.now()
    let account = Account(
      id: ResourceID(random: environment.random), name: "default", createdAt: now.unixSeconds)
    let credit = environment.configuration.initialCreditSeconds
    if let wanted {
      let record = KeyRecord(
        id: ResourceID(random: environment.random), accountId: account.id, label: "--api-key",
        hint: String(wanted.suffix(4)), createdAt: now.unixSeconds)
      _ = try await store.addStartupKey(
        record, hash: APIKeyHash(key: wanted), newAccount: account, credit: credit,
        onlyIfNoAccount: false)
      return nil
    }
    let issued = APIKeyIssuer(random: environment.random).issue(
      for: account.id, label: "first start", createdAt: now.unixSeconds)
    let added = try await store.addStartupKey(
      issued.record, hash: issued.hash, newAccount: account, credit: credit,
      onlyIfNoAccount: true)
    return added == nil ? nil : issued.key
  }
}
