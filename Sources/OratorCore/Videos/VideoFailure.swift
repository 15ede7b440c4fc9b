import HeyGenAPI

/// Why a video failed, as `video_status.get` reports it in `data.error`. `code` is v1's
/// integer as HeyGen sends it (strict clients refuse a string); v3 reads the same failure's
/// lower-case name from the error catalogue (`kind`).
public struct VideoFailure: Error, Sendable, Equatable, Codable {
  public var code: Int
  public var message: String
  public var detail: String?

  public init(code: Int, message: String, detail: String? = nil) {
    self.code = code
    self.message = message
    self.detail = detail
  }

  /// A failure of one of the catalogue's kinds.
  public init(_ kind: HeyGenErrorCode, message: String, detail: String? = nil) {
    self.init(code: kind.v1, message: message, detail: detail)
  }

  /// The catalogue's entry for `code`. Several entries share a v1 integer (40031 is every
  /// "not found"), so the general one of each is chosen; a code from elsewhere is an
  /// internal error.
  public var kind: HeyGenErrorCode {
    Self.kindsByCode[code] ?? .internalError
  }

  private static let kindsByCode: [Int: HeyGenErrorCode] = {
    let general: [HeyGenErrorCode] = [
      .invalidParameter, .notFound, .insufficientCredit, .internalError, .renderInterrupted,
    ]
    var kinds: [Int: HeyGenErrorCode] = [:]
    for kind in general + HeyGenErrorCode.allCases where kinds[kind.v1] == nil {
      kinds[kind.v1] = kind
    }
    return kinds
  }()

  /// Every attempt's worker vanished (crashed or lost its lease) before finishing.
  public static func workerLost(attempts: Int) -> VideoFailure {
    VideoFailure(
      .renderInterrupted, message: "Rendering stopped unexpectedly",
      detail: "The render worker was lost \(attempts) times; the video was not finished.")
  }
}
