import AsyncHTTPClient
import Foundation
import OratorRelease

/// A client of the HeyGen REST API, as served by Orator or by api.heygen.com.
///
/// ```swift
/// let client = HeyGenClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
/// let id = try await client.videos.generate(request)
/// let video = try await client.waitForVideo(id: id)
/// try await client.download(video, to: URL(fileURLWithPath: "hello.mp4"))
/// ```
///
/// Calls are grouped by area (``avatars``, ``voices``, ``videos``, ``templates``, ``assets``,
/// ``translations``, ``webhooks``, ``account``) and return domain values, not envelopes. Every failure is a
/// ``HeyGenError``. Rate-limited calls and failed idempotent calls are retried per ``retry``.
public struct HeyGenClient: Sendable {
  /// The server's base URL, e.g. `http://127.0.0.1:8080` or `https://api.heygen.com`.
  public let baseURL: URL
  public let retry: RetryPolicy
  /// How often ``waitForVideo(id:timeout:progress:)`` asks for the status.
  public let polling: PollingSchedule

  let transport: Transport

  /// - Parameters:
  ///   - apiKey: sent as `X-Api-Key` on every API call (never with downloads of media links,
  ///     which are signed and may live on another host).
  ///   - httpClient: the AsyncHTTPClient to send with; by default one shared by every
  ///     ``HeyGenClient`` that reports a refused connection at once (``retry`` decides what
  ///     happens next) instead of retrying it until the call's deadline.
  ///   - timeout: the longest one call may take.
  ///   - userAgent: sent as `User-Agent` on every request, downloads included; an app may put
  ///     its own product in front, e.g. `"MyApp/2.1 " + HeyGenClient.defaultUserAgent`.
  public init(
    baseURL: URL, apiKey: String, retry: RetryPolicy = .default,
    polling: PollingSchedule = .default, timeout: Duration = .seconds(120),
    httpClient: HTTPClient = .oratorKit, userAgent: String = HeyGenClient.defaultUserAgent
  ) {
    self.baseURL = baseURL
    self.retry = retry
    self.polling = polling
    var base = baseURL.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    transport = Transport(
      baseURL: base, apiKey: apiKey, userAgent: userAgent, http: httpClient, retry: retry,
      timeout: timeout)
  }

  /// `OratorKit/<release> (<system>; <architecture>)`, e.g. `OratorKit/0.9.0 (Linux; x86_64)`:
  /// tells a server's access log which SDK release sent a call.
  public static let defaultUserAgent =
    "OratorKit/\(OratorVersion.current) (\(system); \(architecture))"

  private static var system: String {
    #if os(Linux)
      "Linux"
    #elseif os(macOS)
      "macOS"
    #elseif os(iOS)
      "iOS"
    #elseif os(Windows)
      "Windows"
    #else
      "unknown"
    #endif
  }

  private static var architecture: String {
    #if arch(x86_64)
      "x86_64"
    #elseif arch(arm64)
      "arm64"
    #else
      "unknown"
    #endif
  }

  /// Presenters: `/v3/avatars` (groups) and `/v3/avatars/looks`.
  public var avatars: Avatars { Avatars(transport: transport) }
  /// `/v3/voices`.
  public var voices: Voices { Voices(transport: transport) }
  /// Generate, status, list, delete and share.
  public var videos: Videos { Videos(transport: transport) }
  /// `/v3/templates[/<id>]`, and Orator's `/v2/template` to make and change them.
  public var templates: Templates { Templates(transport: transport) }
  /// `POST /v3/assets`.
  public var assets: Assets { Assets(transport: transport) }
  /// `/v3/video-translations`.
  public var translations: Translations { Translations(transport: transport) }
  /// `/v3/webhooks/...`: receivers of video events.
  public var webhooks: Webhooks { Webhooks(transport: transport) }
  /// `/v3/users/me`.
  public var account: AccountEndpoints { AccountEndpoints(transport: transport) }

  /// The status of one video: `GET /v3/videos/<id>`.
  public func video(id: VideoID) async throws(HeyGenError) -> VideoStatus {
    try await videos.status(id: id)
  }
}

extension HTTPClient {
  /// The client ``HeyGenClient`` uses unless given one. Lives as long as the process.
  public static let oratorKit: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout.connect = .seconds(10)
    return HTTPClient(
      eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
  }()
}
