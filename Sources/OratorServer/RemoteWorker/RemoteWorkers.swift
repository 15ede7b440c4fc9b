import AsyncHTTPClient
import Foundation
import Logging
import OratorRender
import OratorTranslate
import ServiceLifecycle

/// What `orator worker` is told.
public struct RemoteWorkerSettings: Sendable {
  /// The server's base URL (`--server`).
  public var serverURL: String
  /// The server's worker token (`--token`).
  public var token: String
  /// Videos rendered at once.
  public var concurrency = 1
  /// Where renders write before uploading; each job's folder is removed afterwards.
  public var scratchDirectory: String
  /// Allow media URLs on private addresses (tests, LANs), as `serve --allow-private-urls`.
  public var allowPrivateURLs = false
  public var maxDownloadBytes = 100 << 20
  public var downloadTimeout: Duration = .seconds(60)
  /// The longest video rendered (as `serve --max-video-minutes`).
  public var maxVideoSeconds: Double = 30 * 60
  /// What one render process may use (as on the server).
  public var renderLimits = RenderLimits()
  /// The speech engines beside espeak-ng; a worker needs the voices its server lists.
  public var speech = SpeechSettings()
  /// The speech-recognition environment (`scripts/setup-asr.sh`) that aligns a speech
  /// server's captions, when it is installed.
  public var speechRecognitionEnvironment = ".venv-asr"

  public init(serverURL: String, token: String, scratchDirectory: String) {
    self.serverURL = serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
    self.token = token
    self.scratchDirectory = scratchDirectory
  }
}

/// Runs `concurrency` remote render slots until SIGTERM or SIGINT.
public enum RemoteWorkers {
  public static func run(_ settings: RemoteWorkerSettings, logger: Logger) async throws {
    try FileManager.default.createDirectory(
      atPath: settings.scratchDirectory, withIntermediateDirectories: true)
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    let client = WorkerClient(server: settings.serverURL, token: settings.token, http: http)
    let fetcher = OutboundFetcher(
      allowPrivateAddresses: settings.allowPrivateURLs, maxBytes: settings.maxDownloadBytes,
      timeout: settings.downloadTimeout)
    let host = ProcessInfo.processInfo.hostName
    let pid = ProcessInfo.processInfo.processIdentifier
    // One set of engines for every slot, so that they share one warm Piper sidecar.
    let whisper = WhisperSidecar(
      environment: URL(fileURLWithPath: settings.speechRecognitionEnvironment))
    let speech = SpeechEngineSetup.engines(settings.speech, recognizer: whisper?.recognizer)
    let workers: [any Service] = (0..<max(1, settings.concurrency)).map { index in
      RemoteWorker(
        settings: settings, client: client, fetcher: fetcher, speech: speech,
        name: "\(host):\(pid):remote-\(index)",
        logger: logger)
    }
    let group = ServiceGroup(
      configuration: .init(
        services: workers.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    logger.info(
      "worker started",
      metadata: ["server": "\(settings.serverURL)", "concurrency": "\(workers.count)"])
    do {
      try await group.run()
    } catch {
      await speech.piperSidecar?.stop()
      await whisper?.stop()
      try? await http.shutdown()
      throw error
    }
    await speech.piperSidecar?.stop()
    await whisper?.stop()
    try await http.shutdown()
  }
}
