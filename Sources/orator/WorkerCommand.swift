import ArgumentParser
import Foundation
import Logging
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
  @Option(help: "The server's --worker-token. Also ORATOR_WORKER_TOKEN.") var token: String?
  @Option(help: "Videos rendered at once. Also ORATOR_WORKER_CONCURRENCY.") var concurrency: Int?
  @Option(help: "Scratch folder for renders before upload. Also ORATOR_WORKER_SCRATCH.")
  var scratchDir: String?
  @Flag(
    name: .customLong("allow-private-urls"),
    help: "Allow media URLs on private addresses. Also ORATOR_ALLOW_PRIVATE_URLS=1.")
  var allowPrivateURLs = false
  @OptionGroup var renderOptions: RenderLimitOptions
  @OptionGroup var speech: SpeechOptions

  func run() async throws {
    let env = ProcessInfo.processInfo.environment
    guard let server = server ?? env["ORATOR_SERVER"], !server.isEmpty else {
      throw ValidationError("--server is required")
    }
    guard let token = token ?? env["ORATOR_WORKER_TOKEN"], !token.isEmpty else {
      throw ValidationError("--token is required")
    }
    let slots = concurrency ?? env["ORATOR_WORKER_CONCURRENCY"].flatMap(Int.init) ?? 1
    guard slots >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    var settings = RemoteWorkerSettings(
      serverURL: server, token: token,
      scratchDirectory: scratchDir ?? env["ORATOR_WORKER_SCRATCH"]
        ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
          "orator-worker-\(ProcessInfo.processInfo.processIdentifier)"))
    settings.concurrency = slots
    settings.allowPrivateURLs =
      allowPrivateURLs
      || ["1", "true", "yes"].contains(env["ORATOR_ALLOW_PRIVATE_URLS"]?.lowercased() ?? "")

    try renderOptions.apply(to: &settings.maxVideoSeconds, &settings.renderLimits, env)
    settings.speech = try speech.settings(env)
    settings.speechRecognitionEnvironment =
      env["ORATOR_ASR_VENV"]
      ?? TranslationOptions.installedSidecarEnvironment(
        named: settings.speechRecognitionEnvironment)

    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    var logger = Logger(label: "orator-worker")
    logger.logLevel = .info
    try await RemoteWorkers.run(settings, logger: logger)
  }
}
