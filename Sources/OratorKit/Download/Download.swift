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
  /// already there, only the rest is asked for (`Range: bytes=<size>-`). A server that ignores
  /// the range sends the whole file, which then replaces the partial one; one that cannot
  /// continue it (the range starts elsewhere, or the partial file is longer than the whole)
  /// gets asked for the whole file again. No API key is sent: media links are signed and may
  /// point at another host. A folder of `file` that is missing or not writable is reported
  /// (``checkDestination(_:)``) before anything is asked for.
  /// - Returns: the final progress (size, and how much was kept from before).
  @discardableResult
  public func download(
    _ url: URL, to file: URL, progress: (@Sendable (DownloadProgress) -> Void)? = nil
  ) async throws(HeyGenError) -> DownloadProgress {
    try Self.checkDestination(file)
    let partial = file.appendingPathExtension("part")
    if case .done(let result) = try await fetch(url, into: partial, as: file, progress: progress) {
      return result
    }
    try? FileManager.default.removeItem(at: partial)
    guard case .done(let result) = try await fetch(url, into: partial, as: file, progress: progress)
    else {
      throw HeyGenError(
        kind: .invalidResponse,
        message: "download of \(url) answered with a part of the file it was not asked for")
    }
    return result
  }

  private enum Fetched {
    case done(DownloadProgress)
    /// The partial file cannot be continued from this answer.
    case startOver
  }

  /// One request for the rest of `partial` (all of it when there is none).
  private func fetch(
    _ url: URL, into partial: URL, as file: URL,
    progress: (@Sendable (DownloadProgress) -> Void)?
  ) async throws(HeyGenError) -> Fetched {
    var existing = Self.size(of: partial)
    var request = HTTPClientRequest(url: url.absoluteString)
    request.headers.add(name: "User-Agent", value: transport.userAgent)
    if existing > 0 { request.headers.add(name: "Range", value: "bytes=\(existing)-") }
    let response: HTTPClientResponse
    do {
      response = try await transport.http.execute(request, timeout: .hours(6))
    } catch {
      throw HeyGenError(
        kind: .unreachable, message: "cannot download \(url): \(Transport.describe(error))")
    }
    let status = Int(response.status.code)
    let range = ContentRange(response.headers.first(name: "Content-Range"))
    var total = response.headers.first(name: "Content-Length").flatMap(Int64.init)
    switch status {
    case 206:
      // Appending bytes that start anywhere but the partial file's end would corrupt it.
      guard let range, range.start == existing else { return .startOver }
      total = range.total ?? total.map { $0 + existing }
    case 200:
      existing = 0
    case 416 where existing > 0:
      guard range?.total == existing else { return .startOver }
      // The earlier attempt had every byte; only the rename was missing.
      return .done(try Self.finish(partial, as: file, total: existing, resumedFrom: existing))
    default:
      let body = try? await response.body.collect(upTo: 64 << 10)
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
    return .done(try Self.finish(partial, as: file, total: written, resumedFrom: existing))
  }

  /// Throws a ``HeyGenError/Kind/file`` error when `file` cannot be written because its folder
  /// does not exist, is not a folder, or is not writable: said as such, rather than as the
  /// "permission denied" or "no such file" a failed write reports. Call it before starting
  /// work whose result is to be downloaded there.
  public static func checkDestination(_ file: URL) throws(HeyGenError) {
    let folder = file.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw HeyGenError(
        kind: .file, message: "cannot write \(file.path): the folder \(folder) does not exist")
    }
    guard isFolder.boolValue else {
      throw HeyGenError(
        kind: .file, message: "cannot write \(file.path): \(folder) is not a folder")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw HeyGenError(
        kind: .file, message: "cannot write \(file.path): the folder \(folder) is not writable")
    }
  }

  private static func size(of file: URL) -> Int64 {
    let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
    return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
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

/// `Content-Range: bytes <start>-<end>/<total>` (`*` for an unknown total), or
/// `bytes */<total>` on a 416.
struct ContentRange: Equatable {
  /// The first byte's offset; nil in the `*/<total>` form.
  var start: Int64?
  var total: Int64?

  init?(_ header: String?) {
    guard let header, let space = header.firstIndex(of: " "),
      header[..<space].lowercased() == "bytes"
    else { return nil }
    let spec = header[header.index(after: space)...].split(separator: "/", maxSplits: 1)
    guard spec.count == 2 else { return nil }
    let span = spec[0].trimmingCharacters(in: .whitespaces)
    if span == "*" {
      start = nil
    } else {
      guard let dash = span.firstIndex(of: "-"), let first = Int64(span[..<dash]) else {
        return nil
      }
      start = first
    }
    total = Int64(spec[1].trimmingCharacters(in: .whitespaces))
  }

  init(start: Int64?, total: Int64?) {
    self.start = start
    self.total = total
  }
}
