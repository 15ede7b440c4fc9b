import Foundation
import Hummingbird
import NIOCore
import OratorCore

/// Where a remote worker's files wait until `complete`: one folder per job and fencing
/// token under the scratch folder, so uploads of a stale attempt never mix with the current.
struct WorkerStaging {
  let environment: ServerEnvironment

  func directory(job: ResourceID, token: Int64) -> String {
    (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent("worker-uploads/\(job.rawValue)-\(token)")
  }

  func remove(_ lease: JobLease) {
    try? FileManager.default.removeItem(
      atPath: directory(job: lease.jobId, token: lease.fencingToken))
  }

  /// Removes what earlier attempts of a job left (a worker that died mid-upload): once the
  /// job is claimed again under a new token, no older upload can complete.
  func removeEarlierAttempts(of lease: JobLease) {
    let root = (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent("worker-uploads")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    for name in names where name.hasPrefix(lease.jobId.rawValue + "-") {
      guard let token = Int64(name.dropFirst(lease.jobId.rawValue.count + 1)),
        token < lease.fencingToken
      else { continue }
      try? FileManager.default.removeItem(atPath: (root as NSString).appendingPathComponent(name))
    }
  }
}

extension WorkerRoutes {
  /// `PUT /internal/worker/files/<job>/<token>/<name>`: one result file, streamed to disk.
  @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
    guard let job = context.parameters.get("job").flatMap(ResourceID.init),
      let token = context.parameters.get("token").flatMap(Int64.init),
      let name = context.parameters.get("name"), WorkerMessages.isSafeFileName(name)
    else {
      throw APIError(
        .invalidParameter, "expected /internal/worker/files/<job>/<token>/<file name>",
        envelope: .v2)
    }
    let directory = WorkerStaging(environment: environment).directory(job: job, token: token)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = (directory as NSString).appendingPathComponent(name)
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw APIError.internal("cannot stage the upload", .v2)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var written = 0
    for try await buffer in request.body {
      written += buffer.readableBytes
      guard written <= Self.maxUploadBytes else {
        try? FileManager.default.removeItem(atPath: path)
        throw APIError(
          .payloadTooLarge, "upload is larger than \(Self.maxUploadBytes) bytes", envelope: .v2)
      }
      try handle.write(contentsOf: buffer.readableBytesView)
    }
    return try Self.json(["bytes": written])
  }

  /// Moves the staged files into this attempt's media folder and completes the job; when the
  /// lease no longer holds, this attempt's files are removed and the answer is 409. A
  /// completion that fails for another reason (the database is unreachable) keeps what was
  /// uploaded and moved, so the worker's retry of the same completion finds it and finishes,
  /// instead of the render being thrown away.
  @Sendable func complete(_ request: Request, context: AppRequestContext) async throws -> Response {
    let body: WorkerMessages.CompleteRequest = try await decode(request)
    let staging = WorkerStaging(environment: environment)
    do {
      try await complete(body, staging: staging)
    } catch let error as APIError where error.status == .conflict {
      staging.remove(body.lease)
      throw error
    }
    staging.remove(body.lease)
    context.logger.info(
      "remote render completed",
      metadata: ["video": "\(body.lease.videoId.rawValue)", "duration": "\(body.duration)"])
    return try Self.json(["ok": true])
  }

  private func complete(_ body: WorkerMessages.CompleteRequest, staging: WorkerStaging)
    async throws
  {
    let lease = body.lease
    // The lease must hold before anything lands in the media folder. Extending it here leaves
    // a whole lease period for the move and the completion.
    _ = try await extend(lease)
    let media = environment.media
    // This attempt's own folder: a worker that loses its lease later removes only that,
    // never what the worker that took over published.
    let directory = media.attemptDirectory(for: lease)
    let target = media.absolutePath(directory)
    let manager = FileManager.default
    let uploaded = body.files.videoFiles
    let names = uploaded.all
    let source = staging.directory(job: lease.jobId, token: lease.fencingToken)
    func staged(_ name: String) -> String { (source as NSString).appendingPathComponent(name) }
    func placed(_ name: String) -> String { (target as NSString).appendingPathComponent(name) }
    for name in names {
      // Already in place: moved by an earlier try of this completion, under this lease.
      guard WorkerMessages.isSafeFileName(name),
        manager.fileExists(atPath: staged(name)) || manager.fileExists(atPath: placed(name))
      else {
        throw APIError(
          .invalidParameter, "file \"\(name)\" was not uploaded for this lease", envelope: .v2)
      }
    }
    guard uploaded.video != nil else {
      throw APIError(
        .missingParameter, "files.video is required", envelope: .v2)
    }
    try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
    for name in names where manager.fileExists(atPath: staged(name)) {
      try? manager.removeItem(atPath: placed(name))
      try manager.moveItem(atPath: staged(name), toPath: placed(name))
    }
    func relative(_ name: String?) -> String? { name.map { directory + "/" + $0 } }
    let files = VideoFiles(
      video: relative(uploaded.video), thumbnail: relative(uploaded.thumbnail),
      gif: relative(uploaded.gif), captionsASS: relative(uploaded.captionsASS),
      captionsSRT: relative(uploaded.captionsSRT), captionsVTT: relative(uploaded.captionsVTT),
      captionedVideo: relative(uploaded.captionedVideo))
    let kept = try await environment.store.completeJob(
      lease, result: VideoResult(duration: body.duration, files: files),
      now: environment.clock.now())
    guard kept else {
      media.removeAttempt(lease)
      throw Self.leaseLost
    }
    // The render ran on the worker's machine: its time is not known here.
    await CompletionMetrics(store: environment.store).record(
      lease, renderTime: nil, videoSeconds: body.duration)
  }
}
