/// v3's success envelope for one object: `{"data": {...}}`.
public struct V3Envelope<T: Codable & Sendable>: Codable, Sendable {
  public var data: T

  public init(data: T) { self.data = data }
}

/// v3's list envelope: the cursor sits beside `data`, not inside it, and `next_token` is
/// written as `null` on the last page.
public struct V3ListEnvelope<T: Codable & Sendable>: Codable, Sendable {
  public var data: [T]
  public var hasMore: Bool
  public var nextToken: String?

  public init(data: [T], hasMore: Bool, nextToken: String?) {
    self.data = data
    self.hasMore = hasMore
    self.nextToken = nextToken
  }

  enum CodingKeys: String, CodingKey {
    case data
    case hasMore = "has_more"
    case nextToken = "next_token"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(data, forKey: .data)
    try container.encode(hasMore, forKey: .hasMore)
    try container.encode(nextToken, forKey: .nextToken)
  }
}

/// v3's error envelope: `{"error": {"code", "message", "param"?, "doc_url"}}`, with a real
/// HTTP status.
public struct V3ErrorBody: Codable, Sendable, Equatable {
  public var error: V3Error

  public init(error: V3Error) { self.error = error }
}

public struct V3Error: Codable, Sendable, Equatable {
  /// Lower-case string code: `invalid_parameter`, `video_not_found`, …
  public var code: String
  public var message: String
  /// The request field the error is about; only for errors about one field.
  public var param: String?
  public var docURL: String?

  public init(code: String, message: String, param: String? = nil, docURL: String? = nil) {
    self.code = code
    self.message = message
    self.param = param
    self.docURL = docURL
  }

  enum CodingKeys: String, CodingKey {
    case code, message, param
    case docURL = "doc_url"
  }
}

/// `{"id": …}`: what v3 deletes answer.
public struct V3DeletedResource: Codable, Sendable, Equatable {
  public var id: String
  public var deleted: Bool?

  public init(id: String, deleted: Bool? = nil) {
    self.id = id
    self.deleted = deleted
  }
}
