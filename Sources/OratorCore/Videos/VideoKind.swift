/// How a video came to be: rendered from a request, or translated from another video.
public enum VideoKind: String, Sendable, Codable, CaseIterable {
  case generated
  case translated

  /// The `type` value of `GET /v1/video.list`.
  public var listType: String {
    switch self {
    case .generated: "GENERATED"
    case .translated: "TRANSLATED"
    }
  }
}
