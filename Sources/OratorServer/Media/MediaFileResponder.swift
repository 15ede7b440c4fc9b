import Foundation
import Hummingbird

/// Serves one file with `Accept-Ranges`, single-range `Range` requests (206 with
/// `Content-Range`, 416 when unsatisfiable) and a content type from the extension.
enum MediaFileResponder {
  static let contentTypes = [
    "mp4": "video/mp4", "webm": "video/webm", "mov": "video/quicktime", "jpg": "image/jpeg",
    "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
    "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "m4a": "audio/mp4",
    "aac": "audio/aac", "srt": "application/x-subrip", "vtt": "text/vtt",
    "ass": "text/x-ssa; charset=utf-8",
  ]

  static func respond(to request: Request, context: AppRequestContext, file path: String)
    async throws -> Response
  {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      (attributes[.type] as? FileAttributeType) == .typeRegular,
      let size = (attributes[.size] as? NSNumber)?.intValue
    else {
      throw APIError.notFound("no such file", .v2)
    }
    let ext = (path as NSString).pathExtension.lowercased()
    var headers: HTTPFields = [
      .contentType: contentTypes[ext] ?? "application/octet-stream",
      .acceptRanges: "bytes",
      .cacheControl: "private, max-age=3600",
    ]
    let io = FileIO()
    if let rangeHeader = request.headers[.range] {
      guard let range = byteRange(rangeHeader, size: size) else {
        headers[.contentRange] = "bytes */\(size)"
        return Response(status: .rangeNotSatisfiable, headers: headers)
      }
      headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
      headers[.contentLength] = String(range.count)
      let body = try await io.loadFile(path: path, range: range, context: context)
      return Response(status: .partialContent, headers: headers, body: body)
    }
    headers[.contentLength] = String(size)
    if request.method == .head { return Response(status: .ok, headers: headers) }
    return Response(
      status: .ok, headers: headers, body: try await io.loadFile(path: path, context: context))
  }

  /// Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` against a file of `size` bytes.
  static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
    guard header.hasPrefix("bytes="), size > 0 else { return nil }
    let spec = header.dropFirst(6)
    guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
    let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
    let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
    if first.isEmpty {
      guard let suffix = Int(last), suffix > 0 else { return nil }
      return max(0, size - suffix)...(size - 1)
    }
    guard let start = Int(first), start < size else { return nil }
    let end = last.isEmpty ? size - 1 : min(Int(last) ?? -1, size - 1)
    return end >= start ? start...end : nil
  }
}
