import Foundation
import Hummingbird
import OratorCore

/// v3's `limit` and `token` query parameters: the documented default when absent, a 400
/// naming `limit` when out of range.
struct V3Pagination {
  var limit: Int
  var token: String?

  init(_ request: Request, defaultLimit: Int, maxLimit: Int) throws {
    let query = request.uri.queryParameters
    limit = defaultLimit
    if let text = query.get("limit"), !text.isEmpty {
      guard let value = Int(text), (1...maxLimit).contains(value) else {
        throw ApplicationError.invalid(
          InvalidField(path: "limit", message: "must be an integer from 1 to \(maxLimit)"))
      }
      limit = value
    }
    token = query.get("token").flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The token of a video list (videos and translations page through the store by it).
  func videoPageToken() throws -> VideoPageToken? {
    guard let token else { return nil }
    guard let parsed = VideoPageToken(string: token) else {
      throw ApplicationError.invalid(
        InvalidField(path: "token", message: "is not a token from a previous page"))
    }
    return parsed
  }

  /// One page of an in-memory list, the token being the offset of its first item.
  func page<T>(of items: [T]) throws -> (items: [T], nextToken: String?) {
    var start = 0
    if let token {
      guard let offset = Int(token), offset >= 0 else {
        throw ApplicationError.invalid(
          InvalidField(path: "token", message: "is not a token from a previous page"))
      }
      start = min(offset, items.count)
    }
    let end = min(start + limit, items.count)
    return (Array(items[start..<end]), end < items.count ? String(end) : nil)
  }
}

extension Request {
  /// A query value with `+` read as a space: Go's `url.Values.Encode` (HeyGen's CLI) writes
  /// spaces that way.
  /// The raw query is read here because the `+` must become a space before percent-decoding:
  /// after it, `%2B` (a real plus, as in `C++`) could no longer be told from a space.
  func formValue(_ name: String) -> String? {
    guard let query = uri.query else { return nil }
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard Self.formDecoded(parts[0]) == name else { continue }
      let value = parts.count > 1 ? Self.formDecoded(parts[1]) : ""
      return value.isEmpty ? nil : value
    }
    return nil
  }

  /// `application/x-www-form-urlencoded` decoding: `+` is a space, then `%XX` escapes; a
  /// malformed escape is kept as written.
  private static func formDecoded(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
