import AsyncHTTPClient
import Foundation
import NIOCore

extension HeyGenClient {
  /// Downloads a completed video's MP4 (`video_url`) to `file`.
  @discardableResult
  public func download(
    _ video: VideoStatus, to file: URL, progress: (@Sendable (DownloadProgress) -> Void)? = nil
  ) async throws(HeyGenError) -> DownloadProgress {
    guard let link = video.videoUrl, let url = URL(string: link) else {
      throw HeyGenError(
        kind: .invalidResponse, message: "video \(video.id) is \(video.status) and has no video_url"
      )
    }
    return try await download(url, to: file, progress: progress)
  }

  /// Downloads `url` to `file`, resuming an interrupted attempt.
  ///
  /// Bytes arrive in `<file>.part`, renamed to `file` once complete. When a `.part` file is
  /// already there, only the rest is asked for (`Range: bytes=<size>-`); a server that ignores
  /// the range sends the whole file, which then replaces the partial one. No API key is sent:
  /// media links are signed and may point at another host.
  /// - Returns: the final progress (size, and how much was kept from before).
  @discardableResult
  public func download(
    _ url: URL, to file: URL, progress: (@Sendable (DownloadProgress) -> Void)? = nil
  ) async throws(HeyGenError) -> DownloadProgress {
    let partial = file.appendingPathExtension("part")
    var existing = Self.size(of: partial)
    var request = HTTPClientRequest(url: url.absoluteString)
    if existing > 0 { request.headers.add(name: "Range", value: "bytes=\(existing)-") }
    let response: HTTPClientResponse
    do {
      response = try await transport.http.execute(request, timeout: .hours(6))
    } catch {
      throw HeyGenError(
        kind: .unreachable, message: "cannot download \(url): \(Transport.describe(error))")
    }
    let status = Int(response.status.code)
    var total = response.headers.first(name: "Content-Length").flatMap(Int64.init)
    switch status {
    case 206:
      total =
        Self.completeSize(response.headers.first(name: "Content-Range"))
        ?? total.map {
          $0 + existing
        }
    case 200:
      existing = 0
    case 416 where Self.completeSize(response.headers.first(name: "Content-Range")) == existing:
      // The earlier attempt had every byte; only the rename was missing.
      return try Self.finish(partial, as: file, total: existing, resumedFrom: existing)
    default:
      let body = try? await response.body.collect(upTo: 64 << 10)
      if status == 416 { try? FileManager.default.removeItem(at: partial) }
      throw HeyGenError(
        kind: .api, status: status, code: nil,
        message: "download of \(url) answered \(status)"
          + (body.map { ": " + String(buffer: $0).prefix(200) } ?? ""))
    }

    let handle = try Self.open(partial, keeping: existing)
    var written = existing
    var report = DownloadProgress(bytesWritten: written, totalBytes: total, resumedFrom: existing)
    progress?(report)
    do {
      for try await chunk in response.body {
        try handle.write(contentsOf: Data(chunk.readableBytesView))
        written += Int64(chunk.readableBytes)
        report.bytesWritten = written
        progress?(report)
      }
      try handle.close()
    } catch {
      try? handle.close()
      // The `.part` file stays, so the next attempt resumes where this one stopped.
      throw HeyGenError(
        kind: .unreachable, message: "download of \(url) stopped after \(written) bytes: \(error)")
    }
    if let total, written != total {
      throw HeyGenError(
        kind: .unreachable, message: "download of \(url) ended at \(written) of \(total) bytes")
    }
    return try Self.finish(partial, as: file, total: written, resumedFrom: existing)
  }

  private static func size(of file: URL) -> Int64 {
    let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
    return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
  }

  /// The total of `Content-Range: bytes a-b/total` or `bytes */total`.
  private static func completeSize(_ header: String?) -> Int64? {
    header?.split(separator: "/").last.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
  }

  private static func open(_ file: URL, keeping bytes: Int64) throws(HeyGenError) -> FileHandle {
    do {
      if bytes == 0 {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
          throw CocoaError(.fileWriteNoPermission)
        }
      }
      let handle = try FileHandle(forWritingTo: file)
      try handle.truncate(atOffset: UInt64(bytes))
      try handle.seekToEnd()
      return handle
    } catch {
      throw HeyGenError(kind: .file, message: "cannot write \(file.path): \(error)")
    }
  }

  private static func finish(_ partial: URL, as file: URL, total: Int64, resumedFrom: Int64)
    throws(HeyGenError) -> DownloadProgress
  {
    do {
      if FileManager.default.fileExists(atPath: file.path) {
        try FileManager.default.removeItem(at: file)
      }
      try FileManager.default.moveItem(at: partial, to: file)
    } catch {
      throw HeyGenError(kind: .file, message: "cannot move the download to \(file.path): \(error)")
    }
    return DownloadProgress(bytesWritten: total, totalBytes: total, resumedFrom: resumedFrom)
  }
}
