import ArgumentParser
import Foundation
import Logging
import OratorCore
import OratorServer

/// Options shared by the commands that open the data folder and the store.
struct DataOptions: ParsableArguments {
  @Option(
    help:
      "Folder of media, the URL-signing key and (without --database-url) the SQLite file. Also ORATOR_DATA_DIR."
  )
  var dataDir: String?
  @Option(
    name: .customLong("database-url"),
    help:
      "A postgres://user:password@host:port/database URL to keep the store in PostgreSQL instead of SQLite. Also ORATOR_DATABASE_URL."
  )
  var databaseURL: String?

  func directory(_ environment: [String: String]) -> String {
    dataDir ?? environment["ORATOR_DATA_DIR"] ?? "./orator-data"
  }

  /// The PostgreSQL URL, if one was given; nil means the SQLite file.
  func database(_ environment: [String: String]) -> String? {
    (databaseURL ?? environment["ORATOR_DATABASE_URL"]).flatMap { $0.isEmpty ? nil : $0 }
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
  @Option(help: "Port to listen on. Also ORATOR_PORT.") var port: Int?
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
      "Secret that `orator worker` processes on other machines present; without it the internal worker API is off. Also ORATOR_WORKER_TOKEN."
  )
  var workerToken: String?
  @Option(help: "Create this API key at start if it does not exist. Also ORATOR_API_KEY.")
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
  @OptionGroup var translation: TranslationOptions
  @OptionGroup var speech: SpeechOptions
  @OptionGroup var timeouts: ConnectionTimeoutOptions
  @OptionGroup var renderOptions: RenderLimitOptions

  func run() async throws {
    let env = ProcessInfo.processInfo.environment
    var configuration = ServerConfiguration()
    configuration.host = host ?? env["ORATOR_HOST"] ?? configuration.host
    configuration.port =
      try ListenPort.parse(flag: port, environment: env["ORATOR_PORT"]) ?? configuration.port
    configuration.dataDirectory = data.directory(env)
    configuration.databaseURL = data.database(env)
    configuration.publicURL = publicURL ?? env["ORATOR_PUBLIC_URL"]
    if let connections =
      databaseMaxConnections ?? env["ORATOR_DATABASE_MAX_CONNECTIONS"].flatMap(Int.init)
    {
      guard connections >= 1 else {
        throw ValidationError("--database-max-connections must be at least 1")
      }
      configuration.databaseMaxConnections = connections
    }
    configuration.workers =
      workers ?? env["ORATOR_WORKERS"].flatMap(Int.init) ?? configuration.workers
    configuration.apiKey = apiKey ?? env["ORATOR_API_KEY"]
    configuration.workerToken = (workerToken ?? env["ORATOR_WORKER_TOKEN"]).flatMap {
      $0.isEmpty ? nil : $0
    }
    configuration.allowPrivateURLs =
      allowPrivateURLs
      || ["1", "true", "yes"].contains(env["ORATOR_ALLOW_PRIVATE_URLS"]?.lowercased() ?? "")
    if let days = mediaURLDays ?? env["ORATOR_MEDIA_URL_DAYS"].flatMap(Double.init) {
      configuration.mediaURLLifetime = .seconds(days * 86400)
    }
    if let seconds = leaseSeconds ?? env["ORATOR_LEASE_SECONDS"].flatMap(Int.init) {
      guard seconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
      configuration.leaseDuration = .seconds(seconds)
    }
    if let credit = initialCredit ?? env["ORATOR_INITIAL_CREDIT"].flatMap(Int.init) {
      configuration.initialCreditSeconds = credit
    }
    if let limit = maxActiveRenders ?? env["ORATOR_MAX_ACTIVE_RENDERS"].flatMap(Int.init) {
      guard limit >= 1 else { throw ValidationError("--max-active-renders must be at least 1") }
      configuration.maxActiveRendersPerAccount = limit
    }

    let window =
      webhookRetryWindowHours ?? env["ORATOR_WEBHOOK_RETRY_WINDOW_HOURS"].flatMap(Double.init)
    let firstRetry =
      webhookFirstRetrySeconds ?? env["ORATOR_WEBHOOK_FIRST_RETRY_SECONDS"].flatMap(Int.init)
    if window != nil || firstRetry != nil {
      let defaults = WebhookRetrySchedule()
      guard (window ?? 1) >= 0, (firstRetry ?? 1) >= 1 else {
        throw ValidationError(
          "--webhook-retry-window-hours must be at least 0 and --webhook-first-retry-seconds at least 1"
        )
      }
      configuration.webhookRetry = WebhookRetrySchedule(
        firstDelaySeconds: firstRetry ?? defaults.firstDelay,
        maxDelaySeconds: defaults.maxDelay,
        windowSeconds: window.map { Int($0 * 3600) } ?? defaults.window)
    }
    if let timeout =
      webhookTimeoutSeconds ?? env["ORATOR_WEBHOOK_TIMEOUT_SECONDS"].flatMap(Double.init)
    {
      guard timeout > 0 else { throw ValidationError("--webhook-timeout-seconds must be positive") }
      configuration.webhookTimeout = .milliseconds(Int64(timeout * 1000))
    }
    if let timeout =
      webhookProbeTimeoutSeconds
      ?? env["ORATOR_WEBHOOK_PROBE_TIMEOUT_SECONDS"].flatMap(Double.init)
    {
      guard timeout > 0 else {
        throw ValidationError("--webhook-probe-timeout-seconds must be positive")
      }
      configuration.webhookProbeTimeout = .milliseconds(Int64(timeout * 1000))
    }

    configuration.translation = try translation.configuration(env)
    configuration.faceMeshEnvironment =
      facemeshVenv ?? env["ORATOR_FACEMESH_VENV"]
      ?? TranslationOptions.installedSidecarEnvironment(named: ".venv-facemesh")
    configuration.speech = try speech.settings(env)
    try timeouts.apply(to: &configuration, env)
    try renderOptions.apply(to: &configuration.maxVideoSeconds, &configuration.renderLimits, env)

    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    var logger = Logger(label: "orator")
    logger.logLevel = .info
    let environment = try await ServerEnvironment.open(configuration)
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
