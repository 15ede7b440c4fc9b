import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OratorCore

/// Why a call to the server's worker API did not succeed.
public enum WorkerClientError: Error, CustomStringConvertible {
  /// 409: the job's lease no longer holds; the work is discarded.
  case leaseLost
  /// 401: the server does not accept this worker token.
  case unauthorized
  /// Another 4xx: the server understood and refused; trying again will not help.
  case refused(status: Int, message: String)
  /// The server could not be reached or answered 5xx, even after retries.
  case unavailable(String)

  public var description: String {
    switch self {
    case .leaseLost: "the job's lease no longer holds"
    case .unauthorized: "the server refused the worker token (401)"
    case .refused(let status, let message): "the server refused (\(status)): \(message)"
    case .unavailable(let reason): "the server is unavailable: \(reason)"
    }
  }
}

/// Talks to `/internal/worker/…` of one server with the worker token. Network errors and 5xx
/// answers are retried with exponential backoff; what the server refuses is not.
struct WorkerClient: Sendable {
  /// The server's base URL, without a trailing slash.
  let server: String
  let token: String
  let http: HTTPClient
  /// Tries per call before giving up (waits 0.5 s, 1 s, 2 s, … between them).
  var attempts = 6

  func claim(owner: String, wait: Double) async throws(WorkerClientError)
    -> WorkerMessages.ClaimedJob?
  {
    let answer: WorkerMessages.ClaimResponse = try await post(
      "/internal/worker/claim", WorkerMessages.ClaimRequest(owner: owner, waitSeconds: wait),
      timeout: .seconds(Int64(wait) + 30), attempts: 1)
    return answer.job
  }

  /// Extends the lease; returns its new expiry.
  func heartbeat(_ lease: JobLease) async throws(WorkerClientError) -> Int {
    let answer: WorkerMessages.HeartbeatResponse = try await post(
      "/internal/worker/heartbeat", WorkerMessages.LeaseRequest(lease: lease))
    return answer.expiresAt
  }

  /// Hands the lease's job back to the queue (this worker is stopping).
  func release(_ lease: JobLease) async throws(WorkerClientError) {
    let _: [String: Bool] = try await post(
      "/internal/worker/release", WorkerMessages.LeaseRequest(lease: lease),
      timeout: .seconds(5), attempts: 2)
  }

  /// Tells the server how far the lease's render is.
  func progress(_ lease: JobLease, fraction: Double) async throws(WorkerClientError) {
    let _: [String: Bool] = try await post(
      "/internal/worker/progress", WorkerMessages.ProgressRequest(lease: lease, fraction: fraction))
  }

  /// A short-lived signed `/media/…` path of an asset of the job's account.
  func assetPath(_ lease: JobLease, id: String) async throws(WorkerClientError) -> String {
    let answer: WorkerMessages.AssetResponse = try await post(
      "/internal/worker/asset", WorkerMessages.AssetRequest(lease: lease, assetId: id))
    return answer.path
  }

  /// One of the job's account's talking photos: its face and a signed path of its picture.
  func talkingPhoto(_ lease: JobLease, id: String) async throws(WorkerClientError)
    -> WorkerMessages.TalkingPhotoResponse
  {
    try await post(
      "/internal/worker/talking_photo",
      WorkerMessages.TalkingPhotoRequest(lease: lease, talkingPhotoId: id))
  }

  func upload(_ lease: JobLease, name: String, file: String) async throws(WorkerClientError) {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .refused(status: 0, message: "cannot read \(file)")
    }
    let path =
      "/internal/worker/files/\(lease.jobId.rawValue)/\(lease.fencingToken)/\(name)"
    let _: [String: Int] = try await send(
      .PUT, path, body: ByteBuffer(bytes: data), contentType: "application/octet-stream",
      timeout: .seconds(600), attempts: attempts)
  }

  /// Tries for about five minutes: a finished render is worth waiting out a database or
  /// server outage for, and a lease that lapsed meanwhile still completes unless another
  /// worker took the job (the server decides that by the fencing token).
  func complete(_ message: WorkerMessages.CompleteRequest) async throws(WorkerClientError) {
    let _: [String: Bool] = try await post(
      "/internal/worker/complete", message, attempts: Self.completionAttempts)
  }

  /// 0.5 + 1 + 2 + 4 + 8 s, then every 10 s: about five minutes in all.
  static let completionAttempts = 35

  func fail(_ message: WorkerMessages.FailRequest) async throws(WorkerClientError) {
    let _: [String: Bool] = try await post("/internal/worker/fail", message)
  }

  /// Downloads a server-relative path (a signed `/media/…` link) to `destination`, up to
  /// `maxBytes`.
  func download(_ path: String, to destination: String, maxBytes: Int)
    async throws(WorkerClientError)
  {
    var request = HTTPClientRequest(url: server + path)
    request.method = .GET
    let bytes: ByteBuffer
    do {
      let response = try await http.execute(request, timeout: .seconds(300))
      let status = Int(response.status.code)
      guard (200..<300).contains(status) else {
        throw WorkerClientError.refused(status: status, message: "GET \(path) answered \(status)")
      }
      bytes = try await response.body.collect(upTo: maxBytes)
    } catch let error as WorkerClientError {
      throw error
    } catch {
      throw .unavailable("\(error)")
    }
    guard
      FileManager.default.createFile(atPath: destination, contents: Data(bytes.readableBytesView))
    else {
      throw .refused(status: 0, message: "cannot write \(destination)")
    }
  }

  private func post<Body: Encodable, Answer: Decodable>(
    _ path: String, _ body: Body, timeout: Duration = .seconds(60), attempts: Int? = nil
  ) async throws(WorkerClientError) -> Answer {
    let data: Data
    do {
      data = try WorkerMessages.encoder.encode(body)
    } catch {
      throw .refused(status: 0, message: "cannot encode the request: \(error)")
    }
    return try await send(
      .POST, path, body: ByteBuffer(bytes: data), contentType: "application/json",
      timeout: timeout, attempts: attempts ?? self.attempts)
  }

  private func send<Answer: Decodable>(
    _ method: HTTPMethod, _ path: String, body: ByteBuffer, contentType: String,
    timeout: Duration, attempts: Int
  ) async throws(WorkerClientError) -> Answer {
    var delay = Duration.milliseconds(500)
    var lastError = WorkerClientError.unavailable("no attempt made")
    for attempt in 1...max(1, attempts) {
      if attempt > 1 {
        do {
          try await Task.sleep(for: delay)
        } catch {
          throw .unavailable("cancelled")
        }
        delay = min(delay * 2, .seconds(10))
      }
      do {
        var request = HTTPClientRequest(url: server + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(body)
        let response = try await http.execute(
          request, timeout: .seconds(timeout.components.seconds))
        let answer = try await response.body.collect(upTo: 16 << 20)
        let status = Int(response.status.code)
        switch status {
        case 200..<300:
          do {
            return try WorkerMessages.decoder.decode(
              Answer.self, from: Data(answer.readableBytesView))
          } catch {
            throw WorkerClientError.refused(status: status, message: "unreadable answer: \(error)")
          }
        case 401: throw WorkerClientError.unauthorized
        case 409: throw WorkerClientError.leaseLost
        case 400..<500:
          throw WorkerClientError.refused(
            status: status, message: String(decoding: answer.readableBytesView, as: UTF8.self))
        default:
          lastError = .unavailable("\(method.rawValue) \(path) answered \(status)")
        }
      } catch let error as WorkerClientError {
        throw error
      } catch {
        if Task.isCancelled { throw .unavailable("cancelled") }
        lastError = .unavailable("\(error)")
      }
    }
    throw lastError
  }
}
