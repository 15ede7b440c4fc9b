/// A request field that cannot be used, with the path a user can find it by
/// (`video_inputs[2].voice.voice_id`) and what is wrong with it.
public struct InvalidField: Error, Codable, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String
  /// True when the field is absent rather than wrong (HeyGen's `missing_parameter`).
  public var isMissing: Bool

  public init(path: String, message: String, isMissing: Bool = false) {
    self.path = path
    self.message = message
    self.isMissing = isMissing
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension InvalidField {
  /// Turns a JSON decoding failure into the field it happened at.
  public init(_ error: DecodingError) {
    switch error {
    case .keyNotFound(let key, let context):
      self.init(
        path: FieldPath.string(context.codingPath + [key]), message: "is required",
        isMissing: true)
    case .valueNotFound(let type, let context):
      self.init(
        path: FieldPath.string(context.codingPath),
        message: "must not be null (expected \(FieldPath.typeName(type)))",
        isMissing: true)
    case .typeMismatch(let type, let context):
      self.init(
        path: FieldPath.string(context.codingPath), message: "must be \(FieldPath.typeName(type))")
    case .dataCorrupted(let context):
      let path = FieldPath.string(context.codingPath)
      let reason =
        context.underlyingError.map { _ in "is not valid JSON" } ?? context.debugDescription
      self.init(path: path, message: path.isEmpty ? "request body is not valid JSON" : reason)
    @unknown default:
      self.init(path: "", message: "request body could not be read")
    }
  }
}

/// Formats coding paths the way users write them: `video_inputs[0].voice.input_text`.
enum FieldPath {
  static func string(_ path: [any CodingKey]) -> String {
    var result = ""
    for key in path {
      if let index = key.intValue {
        result += "[\(index)]"
      } else {
        result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return result
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is Int.Type, is Double.Type, is Float.Type: "a number"
    case is [Any].Type: "an array"
    default: "an object"
    }
  }
}
