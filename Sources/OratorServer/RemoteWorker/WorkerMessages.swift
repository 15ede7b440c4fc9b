import Foundation
import OratorCore
import OratorRender

/// The JSON bodies of the internal worker API (`/internal/worker/…`), shared by the server's
/// routes and `orator worker`, so both ends always agree on the shape.
public enum WorkerMessages {
  /// `POST /internal/worker/claim`: who asks, and how long the server may hold the request
  /// open waiting for a job (long poll, at most `Claim.maxWait` seconds).
  public struct ClaimRequest: Codable, Sendable {
    public var owner: String
    public var waitSeconds: Double

    public init(owner: String, waitSeconds: Double) {
      self.owner = owner
      self.waitSeconds = waitSeconds
    }
  }

  /// The answer to a claim: `job` is nil when nothing was runnable before the wait ended.
  public struct ClaimResponse: Codable, Sendable {
    public var job: ClaimedJob?

    public init(job: ClaimedJob?) { self.job = job }

    /// `job` is always present, `null` when there is none, so the answer reads the same in
    /// any client.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(job, forKey: .job)
    }
  }

  /// A claimed job: the lease to present on every later call, and what to render.
  public struct ClaimedJob: Codable, Sendable {
    public var lease: JobLease
    public var kind: VideoKind
    /// The stored generate request, as JSON text.
    public var request: String
    /// The server's public base URL: media links in the request that start with it are the
    /// server's own signed files, fetched through the server the worker talks to.
    public var publicBase: String
    /// Seconds between heartbeats that keep the lease.
    public var heartbeatSeconds: Double
    /// The server's avatars beside the built-in ones (its `--avatars-dir`), so a worker
    /// renders every avatar the server offers.
    public var extraAvatars: [AvatarDefinition]?

    public init(
      lease: JobLease, kind: VideoKind, request: String, publicBase: String,
      heartbeatSeconds: Double, extraAvatars: [AvatarDefinition]? = nil
    ) {
      self.lease = lease
      self.kind = kind
      self.request = request
      self.publicBase = publicBase
      self.heartbeatSeconds = heartbeatSeconds
      self.extraAvatars = extraAvatars
    }
  }

  /// `POST /internal/worker/heartbeat`.
  public struct LeaseRequest: Codable, Sendable {
    public var lease: JobLease

    public init(lease: JobLease) { self.lease = lease }
  }

  /// How far the lease's render is, 0…1.
  public struct ProgressRequest: Codable, Sendable {
    public var lease: JobLease
    public var fraction: Double

    public init(lease: JobLease, fraction: Double) {
      self.lease = lease
      self.fraction = fraction
    }
  }

  /// The heartbeat's answer: the lease's new expiry (Unix seconds).
  public struct HeartbeatResponse: Codable, Sendable {
    public var expiresAt: Int

    public init(expiresAt: Int) { self.expiresAt = expiresAt }
  }

  /// `POST /internal/worker/complete`: the duration and the names of the files uploaded
  /// before with `PUT /internal/worker/files/<job>/<token>/<name>`.
  public struct CompleteRequest: Codable, Sendable {
    public var lease: JobLease
    public var duration: Double
    public var files: ResultFiles

    public init(lease: JobLease, duration: Double, files: VideoFiles) {
      self.lease = lease
      self.duration = duration
      self.files = ResultFiles(files)
    }
  }

  /// `VideoFiles` on the wire. Its own type because `captionsASS` does not survive the
  /// snake_case round trip (`captions_ass` reads back as `captionsAss`), so the caption files
  /// of remote renders were silently dropped; these names convert both ways.
  public struct ResultFiles: Codable, Sendable, Equatable {
    public var video: String?
    public var thumbnail: String?
    public var gif: String?
    public var captionsAss: String?
    public var captionsSrt: String?
    public var captionsVtt: String?
    public var captionedVideo: String?

    public init(_ files: VideoFiles) {
      video = files.video
      thumbnail = files.thumbnail
      gif = files.gif
      captionsAss = files.captionsASS
      captionsSrt = files.captionsSRT
      captionsVtt = files.captionsVTT
      captionedVideo = files.captionedVideo
    }

    public var videoFiles: VideoFiles {
      VideoFiles(
        video: video, thumbnail: thumbnail, gif: gif, captionsASS: captionsAss,
        captionsSRT: captionsSrt, captionsVTT: captionsVtt, captionedVideo: captionedVideo)
    }
  }

  /// `POST /internal/worker/fail`.
  public struct FailRequest: Codable, Sendable {
    public var lease: JobLease
    public var failure: VideoFailure
    public var retryable: Bool

    public init(lease: JobLease, failure: VideoFailure, retryable: Bool) {
      self.lease = lease
      self.failure = failure
      self.retryable = retryable
    }
  }

  /// `POST /internal/worker/asset`: an uploaded asset of the job's account.
  public struct AssetRequest: Codable, Sendable {
    public var lease: JobLease
    public var assetId: String

    public init(lease: JobLease, assetId: String) {
      self.lease = lease
      self.assetId = assetId
    }
  }

  /// A short-lived signed `/media/…` path (with its query) of the asset's file, relative to
  /// the server.
  public struct AssetResponse: Codable, Sendable {
    public var path: String

    public init(path: String) { self.path = path }
  }

  /// `POST /internal/worker/talking_photo`: one of the job's account's talking photos.
  public struct TalkingPhotoRequest: Codable, Sendable {
    public var lease: JobLease
    public var talkingPhotoId: String

    public init(lease: JobLease, talkingPhotoId: String) {
      self.lease = lease
      self.talkingPhotoId = talkingPhotoId
    }
  }

  /// The photo's face, which travels with the job so the worker needs no model, and a
  /// short-lived signed `/media/…` path of its picture.
  public struct TalkingPhotoResponse: Codable, Sendable {
    public var path: String
    public var face: FaceLandmarks

    public init(path: String, face: FaceLandmarks) {
      self.path = path
      self.face = face
    }
  }

  /// Names a worker may upload: one path component of plain characters, so a name can never
  /// climb out of the staging folder.
  public static func isSafeFileName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
  }

  /// snake_case on the wire; property names spell acronyms as words, since `publicURL`
  /// would not survive the round trip through `public_url`.
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return encoder
  }()

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }()
}
