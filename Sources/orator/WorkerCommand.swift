import ArgumentParser
import Foundation
import Logging
import OratorCore
import OratorServer

/// `orator worker`: renders on this machine for a server elsewhere, through the server's
/// internal worker API, so render capacity grows by adding machines.
struct WorkerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract:
      "Render videos for an Orator server on another machine (claims jobs over its worker API)."
  )

  @Option(help: "The server's base URL, e.g. http://render-queue:8080. Also ORATOR_SERVER.")
  var server: String?
  @Option(
    help: "The server's --worker-token. Also ORATOR_WORKER_TOKEN (or ORATOR_WORKER_TOKEN_FILE).")
  var token: String?
  @Option(help: "Videos rendered at once. Also ORATOR_WORKER_CONCURRENCY.") var concurrency: Int?
  @Option(help: "Scratch folder for renders before upload. Also ORATOR_WORKER_SCRATCH.")
  var scratchDir: String?
  @Flag(
    name: .customLong("allow-private-urls"),
    help: "Allow media URLs on private addresses. Also ORATOR_ALLOW_PRIVATE_URLS=1.")
  var allowPrivateURLs = false
  @OptionGroup var renderOptions: RenderLimitOptions
  @OptionGroup var speech: SpeechOptions
  @OptionGroup var config: ConfigFileOption
  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    let source = try await config.settings()
    guard let server = try await source.string(server, "server"), !server.isEmpty else {
      throw ValidationError("--server is required")
    }
    // The same variable as the server's --worker-token, so one secret file serves both.
    guard let token = try await source.string(token, "worker-token"), !token.isEmpty else {
      throw ValidationError("--token is required")
    }
    let slots =
      try await source.int(
        concurrency, "worker-concurrency", must: "at least 1", where: { $0 >= 1 }) ?? 1
    var settings = RemoteWorkerSettings(
      serverURL: server, token: token,
      scratchDirectory: try await source.string(scratchDir, "worker-scratch")
        ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
          "orator-worker-\(ProcessInfo.processInfo.processIdentifier)"))
    settings.concurrency = slots
    settings.allowPrivateURLs = try await source.bool(allowPrivateURLs, "allow-private-urls")

    try await renderOptions.apply(to: &settings.maxVideoSeconds, &settings.renderLimits, source)
    settings.speech = try await speech.settings(source)
    settings.speechRecognitionEnvironment =
      try await source.string(nil, "asr-venv")
      ?? TranslationOptions.installedSidecarEnvironment(
        named: settings.speechRecognitionEnvironment)

    let logger = try await logging.bootstrap(label: "orator-worker", source)
    do {
      try ResourceCheck.requireBundles()
    } catch {
      logger.critical("cannot start: \(error.description)")
      throw ExitCode.failure
    }
    logger.info(
      "Orator worker \(OratorVersion.current) starting",
      metadata: ["server": "\(server)", "concurrency": "\(slots)"])
    try await RemoteWorkers.run(settings, logger: logger)
  }
}
