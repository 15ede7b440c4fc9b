import Foundation
import Hummingbird
import Logging
import NIOCore
import OratorCore
import OratorRender
import ServiceLifecycle

/// The internal API `orator worker` processes render through: claim a job (long poll), keep
/// its lease with heartbeats, fetch the account's assets, upload the files and complete, or
/// fail. Every call after the claim presents the lease; its fencing token decides whether the
/// call still counts, exactly as for in-process workers. Registered only when the server has
/// a worker token.
struct WorkerRoutes {
  let environment: ServerEnvironment

  /// The longest a claim is held open waiting for a job.
  static let maxClaimWait: Double = 20
  /// How long the signed link to an asset handed to a worker stays valid.
  static let assetLinkLifetime: Duration = .seconds(600)
  /// The largest file a worker may upload.
  static let maxUploadBytes = 4 << 30

  func register(on router: inout RouterRegistry) {
    router.post("/internal/worker/claim", claim)
    router.post("/internal/worker/heartbeat", heartbeat)
    router.post("/internal/worker/progress", progress)
    router.post("/internal/worker/asset", asset)
    router.post("/internal/worker/talking_photo", talkingPhoto)
    router.put("/internal/worker/files/{job}/{token}/{name}", upload)
    router.post("/internal/worker/complete", complete)
    router.post("/internal/worker/fail", fail)
    router.post("/internal/worker/release", release)
  }

  @Sendable func claim(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.ClaimRequest = try await decode(request)
    let wait = min(max(body.waitSeconds, 0), Self.maxClaimWait)
    let deadline = ContinuousClock.now + .milliseconds(Int64(wait * 1000))
    let lease = environment.configuration.leaseDuration
    // A worker that hung up (stopped, killed, or its request timed out) must not be handed a
    // job it will never see: that job would wait out a whole lease and lose an attempt. And a
    // server that is stopping answers its polls at once instead of holding its shutdown up.
    guard let observer = await HangUpObserver.attach(to: context.channel) else {
      return try Self.json(WorkerMessages.ClaimResponse(job: nil))
    }
    defer { observer.detach() }
    while !observer.hasHungUp && !Task.isShuttingDownGracefully && !Task.isCancelled {
      // Remote workers render generated videos only; translations need the server's
      // engines and stay with in-process workers.
      if let job = try await environment.store.claimJob(
        owner: body.owner, leaseFor: lease, now: environment.clock.now(), kinds: [.generated])
      {
        guard !observer.hasHungUp else {
          await handBack(job, logger: context.logger)
          break
        }
        WorkerStaging(environment: environment).removeEarlierAttempts(of: job)
        environment.media.removeEarlierAttempts(than: job)
        let video = try await environment.store.video(id: job.videoId, account: job.accountId)
        let claimed = WorkerMessages.ClaimedJob(
          lease: job, kind: video?.kind ?? .generated,
          request: video.map { String(decoding: $0.request, as: UTF8.self) } ?? "",
          publicBase: environment.baseURL, heartbeatSeconds: lease.timeInterval / 3,
          extraAvatars: AvatarCatalogue.notBuiltIn(environment.avatars))
        context.logger.info(
          "remote worker claimed a job",
          metadata: ["video": "\(job.videoId.rawValue)", "owner": "\(body.owner)"])
        return try deliver(claimed, observer: observer, logger: context.logger)
      }
      let left = deadline - ContinuousClock.now
      if left <= .zero { break }
      // Short naps, so a hang-up or a shutdown is noticed within a quarter of a second.
      await environment.jobSignal.wait(timeout: min(left, .milliseconds(250)))
    }
    return try Self.json(WorkerMessages.ClaimResponse(job: nil))
  }

  /// The claim's answer, written by the response itself so that an answer that cannot be
  /// written hands its job straight back: a worker that left between the claim and the
  /// answer (seen by the observer, or by the write failing) gets nothing, and the job is
  /// queued again at once instead of waiting out the lease.
  private func deliver(
    _ claimed: WorkerMessages.ClaimedJob, observer: HangUpObserver, logger: Logger
  ) throws -> Response {
    let data = try WorkerMessages.encoder.encode(WorkerMessages.ClaimResponse(job: claimed))
    let job = claimed.lease
    return Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: ResponseBody(contentLength: data.count) { writer in
        do {
          if observer.hasHungUp { throw ChannelError.ioOnClosedChannel }
          try await writer.write(ByteBuffer(bytes: data))
          try await writer.finish(nil)
        } catch {
          await handBack(job, logger: logger)
          throw error
        }
      })
  }

  /// A worker that is stopping hands its job back: queued again at once, the attempt not
  /// counted; 409 once the lease no longer holds.
  @Sendable func release(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.LeaseRequest = try await decode(request)
    WorkerStaging(environment: environment).remove(body.lease)
    guard try await environment.store.releaseJob(body.lease, now: environment.clock.now()) else {
      throw Self.leaseLost
    }
    environment.jobSignal.ring()
    context.logger.notice(
      "a stopping remote worker handed its job back",
      metadata: ["video": "\(body.lease.videoId.rawValue)", "owner": "\(body.lease.owner)"])
    return try Self.json(["released": true])
  }

  /// Releases a claimed job nobody will render, without counting the attempt.
  private func handBack(_ job: JobLease, logger: Logger) async {
    do {
      if try await environment.store.releaseJob(job, now: environment.clock.now()) {
        environment.jobSignal.ring()
        logger.notice(
          "the remote worker left before its claim was answered; job handed back",
          metadata: ["video": "\(job.videoId.rawValue)", "owner": "\(job.owner)"])
      }
    } catch {
      // The lease then runs out as for any vanished worker.
      logger.error(
        "could not hand back an undelivered job",
        metadata: ["video": "\(job.videoId.rawValue)", "error": "\(error)"])
    }
  }

  @Sendable func heartbeat(_ request: Request, context: AppRequestContext) async throws -> Response
  {
    let body: WorkerMessages.LeaseRequest = try await decode(request)
    return try Self.json(WorkerMessages.HeartbeatResponse(expiresAt: try await extend(body.lease)))
  }

  /// Records how far a remote render is; 409 once the lease no longer holds.
  @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.ProgressRequest = try await decode(request)
    guard try await environment.store.recordProgress(body.lease, fraction: body.fraction) else {
      throw Self.leaseLost
    }
    return try Self.json(["recorded": true])
  }

  /// A signed link to one of the job's account's assets; the lease must still hold, so a
  /// worker can only read what a job it runs needs.
  @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.AssetRequest = try await decode(request)
    _ = try await extend(body.lease)
    guard
      let asset = AssetLibrary(media: environment.media).find(
        account: body.lease.accountId, id: body.assetId)
    else {
      throw APIError.notFound("unknown asset \"\(body.assetId)\"", .v2)
    }
    let path = SignedMediaURL.link(
      to: asset.relativePath, base: "", signer: environment.signer, now: environment.clock.now(),
      lifetime: Self.assetLinkLifetime)
    return try Self.json(WorkerMessages.AssetResponse(path: path))
  }

  /// One of the job's account's talking photos: its face and a signed link to its picture,
  /// under the same lease rule as assets.
  @Sendable func talkingPhoto(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let body: WorkerMessages.TalkingPhotoRequest = try await decode(request)
    _ = try await extend(body.lease)
    guard let id = ResourceID(body.talkingPhotoId),
      let photo = try await environment.store.talkingPhoto(id: id, account: body.lease.accountId)
    else {
      throw APIError.notFound("unknown talking photo \"\(body.talkingPhotoId)\"", .v2)
    }
    let path = SignedMediaURL.link(
      to: photo.imageFile, base: "", signer: environment.signer, now: environment.clock.now(),
      lifetime: Self.assetLinkLifetime)
    return try Self.json(WorkerMessages.TalkingPhotoResponse(path: path, face: photo.face))
  }

  @Sendable func fail(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.FailRequest = try await decode(request)
    WorkerStaging(environment: environment).remove(body.lease)
    let outcome = try await environment.store.failJob(
      body.lease, failure: body.failure, retryable: body.retryable, now: environment.clock.now())
    if outcome == .leaseLost { throw Self.leaseLost }
    ServiceMetrics.renderFailed(code: body.failure.code)
    context.logger.warning(
      "remote render failed",
      metadata: ["video": "\(body.lease.videoId.rawValue)", "error": "\(body.failure.message)"])
    return try Self.json(["ok": true])
  }

  /// Extends the lease by the lease duration; 409 when it no longer holds.
  func extend(_ lease: JobLease) async throws -> Int {
    let expiry = environment.clock.now().addingTimeInterval(
      environment.configuration.leaseDuration.timeInterval)
    guard try await environment.store.heartbeat(lease, extendTo: expiry) else {
      throw Self.leaseLost
    }
    return expiry.unixSeconds
  }

  func decode<T: Decodable>(_ request: Request) async throws -> T {
    let bytes = try await RequestBody.collect(
      request, limit: environment.configuration.maxRequestBytes, envelope: .v2)
    do {
      return try WorkerMessages.decoder.decode(T.self, from: Data(bytes))
    } catch {
      throw APIError(
        .invalidParameter, "not a worker message: \(error)", envelope: .v2)
    }
  }

  static func json(_ value: some Encodable) throws -> Response {
    let data = try WorkerMessages.encoder.encode(value)
    return Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The answer when the fencing token no longer holds: the worker stops and discards.
  static let leaseLost = APIError(
    .leaseLost, "the job's lease no longer holds", envelope: .v2)
}
