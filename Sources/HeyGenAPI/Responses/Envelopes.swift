// HeyGen's two response envelopes. v1 endpoints answer `{"code":100,"data":…,"message":"Success"}`,
// v2 endpoints `{"error":null,"data":…}`; strict clients reject a missing `message` on v1 or an
// absent `data` key on either, so both always encode every key.

/// `{"code": 100, "data": …, "message": "Success", "msg": null}`.
public struct V1Envelope<Payload: Codable & Sendable>: Codable, Sendable {
  public var code: Int
  public var data: Payload?
  public var message: String?
  public var msg: String?

  public init(code: Int = 100, data: Payload?, message: String? = "Success", msg: String? = nil) {
    self.code = code
    self.data = data
    self.message = message
    self.msg = msg
  }

  enum CodingKeys: String, CodingKey { case code, data, message, msg }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(code, forKey: .code)
    try c.encode(data, forKey: .data)
    try c.encode(message, forKey: .message)
    try c.encode(msg, forKey: .msg)
  }
}

/// `{"error": null, "data": …}` or `{"error": {"code", "message"}, "data": null}`.
public struct V2Envelope<Payload: Codable & Sendable>: Codable, Sendable {
  public var error: V2Error?
  public var data: Payload?

  public init(data: Payload) {
    self.error = nil
    self.data = data
  }

  public init(error: V2Error) {
    self.error = error
    self.data = nil
  }

  enum CodingKeys: String, CodingKey { case error, data }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(error, forKey: .error)
    try c.encode(data, forKey: .data)
  }
}

/// The error object of a v2 response: a snake_case code and a sentence saying what, where, why.
public struct V2Error: Codable, Sendable, Equatable {
  public var code: String
  public var message: String

  public init(code: String, message: String) {
    self.code = code
    self.message = message
  }
}

/// The body of a 401, readable by v1 and v2 clients alike.
public struct UnauthorizedBody: Codable, Sendable, Equatable {
  public var code = HeyGenErrorCode.unauthorized.v1
  public var message = "Unauthorized"
  public var data: String? = nil
  public var error = V2Error(code: HeyGenErrorCode.unauthorized.v2, message: "Unauthorized")

  public init() {}

  enum CodingKeys: String, CodingKey { case code, message, data, error }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(code, forKey: .code)
    try c.encode(message, forKey: .message)
    try c.encode(data, forKey: .data)
    try c.encode(error, forKey: .error)
  }
}

/// A payload that is JSON `null` (delete answers `"data": null`).
public struct Empty: Codable, Sendable, Equatable {
  public init() {}
}
