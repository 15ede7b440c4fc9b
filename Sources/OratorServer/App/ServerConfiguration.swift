import Foundation
import OratorCore
import OratorPostgres
import OratorRender

/// Everything `orator serve` can be told, read from flags > environment (`ORATOR_*`) >
/// defaults. Every default works on one machine with nothing else running.
public struct ServerConfiguration: Sendable {
  public var host = "127.0.0.1"
  public var port = 8080
  public var dataDirectory = "./orator-data"
  /// A `postgres://` URL: the store lives in that database instead of the SQLite file, so
  /// several API nodes can share it (the URL-signing key too). Media stays in `dataDirectory`.
  public var databaseURL: String?
  /// PostgreSQL connections this node keeps at most: the default lets ten nodes share a
  /// server with PostgreSQL's default `max_connections` of 100.
  public var databaseMaxConnections = PostgresStore.defaultMaximumConnections
  /// Base of the URLs handed out (media, previews, share pages); defaults to the listen address.
  public var publicURL: String?
  /// In-process render workers; 0 leaves rendering to `orator worker` processes.
  public var workers = 1
  /// The shared secret `orator worker` processes present to `/internal/worker/…`; without
  /// one those routes do not exist.
  public var workerToken: String?
  /// A key to create at start if it does not exist (for scripts and containers).
  public var apiKey: String?
  /// Allow media URLs that resolve to private, loopback or link-local addresses (tests, LANs).
  public var allowPrivateURLs = false
  /// How long signed media URLs stay valid.
  public var mediaURLLifetime: Duration = .seconds(7 * 24 * 3600)
  /// Credit (seconds of video) a new account starts with.
  public var initialCreditSeconds = 1_000_000
  /// Renders one account may have queued or running at once before 429.
  public var maxActiveRendersPerAccount = 20
  /// Largest JSON body accepted (413 above it).
  public var maxRequestBytes = 2 << 20
  /// Largest asset upload accepted.
  public var maxAssetBytes = 100 << 20
  /// How long a worker's claim on a job lasts without a heartbeat.
  public var leaseDuration: Duration = .seconds(30)
  /// Largest file fetched from a URL in a request.
  public var maxDownloadBytes = 100 << 20
  public var downloadTimeout: Duration = .seconds(60)
  /// When failed webhook deliveries are tried again, and for how long (24 h by default).
  public var webhookRetry = WebhookRetrySchedule()
  /// How long a webhook receiver has to answer before the attempt counts as failed.
  public var webhookTimeout: Duration = .seconds(10)
  /// How long a new webhook URL has to answer the OPTIONS probe at `endpoint.add` (HeyGen
  /// allows about a second; a little more forgives a busy receiver).
  public var webhookProbeTimeout: Duration = .seconds(2)
  /// Which engines translate videos (`/v2/video_translate`).
  public var translation = TranslationConfiguration()
  /// Which speech engines speak beside espeak-ng (Piper, a speech server).
  public var speech = SpeechSettings()
  /// How long a connection with no request in progress stays open.
  public var idleTimeout: Duration = .seconds(60)
  /// How long a request head may take to arrive once it has begun.
  public var requestHeadTimeout: Duration = .seconds(30)
  /// How long a request body may take to arrive (a long one earns more time at a steady
  /// pace; see `ConnectionTimeouts`).
  public var requestBodyTimeout: Duration = .seconds(30)
  /// The longest video the service makes: longer requests are refused at submit (from their
  /// estimated length) and renders that run over fail before their frames are drawn.
  public var maxVideoSeconds: Double = 30 * 60
  /// What one render process may use: memory, CPU time, file size and wall time.
  public var renderLimits = RenderLimits()
  /// Days a finished video (its record and media) is kept; nil keeps everything.
  public var mediaRetentionDays: Double?
  /// A folder of avatar definitions (JSON, as `docs/avatars.md` describes) offered beside the
  /// built-in ones.
  public var extraAvatarsDirectory: String?
  /// The binary that runs render processes (`orator render-job`); by default the running one.
  public var renderExecutable: String?

  /// The virtual environment of the face-landmark finder (`scripts/setup-facemesh.sh`), run
  /// once per uploaded talking photo.
  public var faceMeshEnvironment = ".venv-facemesh"

  public init() {}

  /// The public base URL without a trailing slash, for a server listening on `boundPort`
  /// (the port it really got, which differs from `port` when that is 0).
  public func baseURL(boundPort: Int? = nil) -> String {
    let url = publicURL ?? "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(boundPort ?? port)"
    return url.hasSuffix("/") ? String(url.dropLast()) : url
  }

  var databasePath: String { (dataDirectory as NSString).appendingPathComponent("orator.sqlite") }
  var mediaDirectory: String { (dataDirectory as NSString).appendingPathComponent("media") }
  var assetsDirectory: String { (dataDirectory as NSString).appendingPathComponent("assets") }
  var previewsDirectory: String { (dataDirectory as NSString).appendingPathComponent("previews") }
  var scratchDirectory: String { (dataDirectory as NSString).appendingPathComponent("scratch") }
  var secretPath: String { (dataDirectory as NSString).appendingPathComponent("url-signing.key") }
}
