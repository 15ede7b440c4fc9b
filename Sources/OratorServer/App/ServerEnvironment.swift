import Foundation
import HeyGenAPI
import OratorCore
import OratorPostgres
import OratorRender
import OratorSQLite
import Prometheus
import Synchronization

/// The long-lived parts every route and service shares. Built once by `buildApplication`.
public struct ServerEnvironment: Sendable {
  public var configuration: ServerConfiguration
  public var store: any Store
  public var signer: MediaURLSigner
  public var media: any MediaStore
  public var clock: WallClock
  public var random: any RandomSource
  public var avatars: [AvatarDefinition]
  public var speech: any SpeechSynthesizer
  public var fetcher: OutboundFetcher
  /// Wakes idle workers when a job is queued, so a video starts rendering at once.
  public var jobSignal: JobSignal
  /// The engines video translation runs on.
  public var translation: TranslationService

  /// The port the server really listens on, known once it has bound (`--port 0` asks for any
  /// free one): links handed out name that port, never 0.
  public let listener = BoundListener()
  /// In-process render workers running now.
  public let workers = WorkerCount()
  /// Where swift-metrics records, read by `/metrics` (`ServiceMetrics.bootstrap` wires it up).
  public let metrics = PrometheusCollectorRegistry()

  public var baseURL: String { configuration.baseURL(boundPort: listener.port) }

  /// Opens (or creates) the data folder: media folders, URL-signing secret, and the store
  /// (the SQLite file there, or the PostgreSQL database `databaseURL` names).
  public static func open(_ configuration: ServerConfiguration) async throws -> ServerEnvironment {
    try ResourceCheck.requireBundles()
    let manager = FileManager.default
    for directory in [
      configuration.dataDirectory, configuration.mediaDirectory, configuration.assetsDirectory,
      configuration.previewsDirectory, configuration.scratchDirectory,
    ] {
      try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let store = try await openStore(configuration)
    let secret = try await signingSecret(configuration, store: store)
    let (speech, translation) = SpeechEngineSetup.engines(
      configuration.speech, translation: configuration.translation)
    return ServerEnvironment(
      configuration: configuration, store: store, signer: MediaURLSigner(secret: secret),
      media: MediaFolder(root: configuration.mediaDirectory), clock: .system,
      random: SystemRandomSource(),
      avatars: AvatarCatalogue.preferringNeuralVoices(
        try avatars(configuration), voices: speech.voices),
      speech: speech,
      fetcher: OutboundFetcher(
        allowPrivateAddresses: configuration.allowPrivateURLs,
        maxBytes: configuration.maxDownloadBytes, timeout: configuration.downloadTimeout),
      jobSignal: JobSignal(),
      translation: translation)
  }

  /// The built-in avatars and the operator's. Starting with none at all (the binary copied
  /// without its resources folder, and no `--avatars-dir`) is refused: every video would fail.
  static func avatars(_ configuration: ServerConfiguration) throws -> [AvatarDefinition] {
    var avatars = AvatarCatalogue.builtIn
    if let folder = configuration.extraAvatarsDirectory {
      do {
        let extra = try AvatarCatalogue.load(directory: folder)
        let ids = Set(extra.map(\.id))
        avatars = avatars.filter { !ids.contains($0.id) } + extra
      } catch {
        throw StartupError("--avatars-dir \(folder): \(error)")
      }
    }
    guard !avatars.isEmpty else {
      throw StartupError(
        "no avatars: the built-in ones ship in \(ResourceCheck.renderBundleName) beside the orator binary (copy that folder with it), and --avatars-dir gave none"
      )
    }
    return avatars
  }

  /// The store the configuration names, its schema brought up to date.
  public static func openStore(_ configuration: ServerConfiguration) async throws -> any Store {
    if let url = configuration.databaseURL {
      return try await PostgresStore(
        url: url, maximumConnections: configuration.databaseMaxConnections)
    }
    try FileManager.default.createDirectory(
      atPath: configuration.dataDirectory, withIntermediateDirectories: true)
    return try SQLiteStore(path: configuration.databasePath)
  }

  /// The URL-signing secret. On PostgreSQL it lives in the database, so that every node signs
  /// with the same one and a link handed out by one node downloads from any other: the first
  /// node to start stores it (its old `url-signing.key`, if it has one, so links it handed
  /// out before keep working), and every node, then and later, reads that one. On SQLite it
  /// is the file in the data folder, beside the database.
  static func signingSecret(_ configuration: ServerConfiguration, store: any Store) async throws
    -> [UInt8]
  {
    guard configuration.databaseURL != nil else {
      return try loadOrCreateSecret(at: configuration.secretPath)
    }
    let local = FileManager.default.contents(atPath: configuration.secretPath).flatMap {
      $0.count >= 32 ? [UInt8]($0) : nil
    }
    return try await store.sharedSecret(
      name: "url-signing-key", candidate: local ?? SystemRandomSource().bytes(32))
  }

  /// The URL-signing secret survives restarts, so links handed out stay valid.
  static func loadOrCreateSecret(at path: String) throws -> [UInt8] {
    if let data = FileManager.default.contents(atPath: path), data.count >= 32 {
      return [UInt8](data)
    }
    let secret = SystemRandomSource().bytes(32)
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data(secret), attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteUnknown)
    }
    return secret
  }

  /// An absolute, signed URL for a file under the media folder.
  public func signedMediaURL(_ relativePath: String) -> String {
    SignedMediaURL.link(
      to: relativePath, base: baseURL, signer: signer, now: clock.now(),
      lifetime: configuration.mediaURLLifetime)
  }
}

/// The port a started server got, shared by everything that builds links.
public final class BoundListener: Sendable {
  private let bound = Mutex<Int?>(nil)

  public init() {}

  public var port: Int? { bound.withLock { $0 } }

  func bind(_ port: Int) { bound.withLock { $0 = port } }
}
