import OratorCore

/// The files a render leaves beside each other, and what they contain.
public struct RenderedVideo: Codable, Sendable, Equatable {
  public var videoPath: String
  public var thumbnailPath: String
  public var gifPath: String
  public var srtPath: String
  public var vttPath: String
  /// Advanced SubStation Alpha captions, what HeyGen's `caption_url` serves.
  public var assPath: String
  /// The copy with captions burned in, when the request asked for `caption: true`.
  public var captionedVideoPath: String?
  public var duration: Double
  /// Seconds of sound the scenes hold before each is padded to a whole number of frames.
  public var speechDuration: Double
  public var width: Int
  public var height: Int
  public var fps: Double
  public var sceneCount: Int

  /// Every file written, video first.
  public var allPaths: [String] {
    [videoPath, thumbnailPath, gifPath, srtPath, vttPath, assPath]
      + (captionedVideoPath.map { [$0] } ?? [])
  }
}

/// Where a render is, for progress bars.
public struct RenderProgress: Sendable, Equatable {
  public enum Stage: String, Sendable {
    case preparing, speech, frames, previews, captions
  }

  public var stage: Stage
  /// 0…1 within the stage.
  public var fraction: Double
}

/// Why a render did not produce a video.
public enum RenderError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
  /// The request cannot be rendered as given; the field says where.
  case invalidInput(InvalidField)
  /// Something failed while rendering (an engine, ffmpeg, the disk).
  case failed(String)
  /// The finished video would cost `needed` seconds of credit; the account has `available`.
  case insufficientCredit(needed: Int, available: Int)

  public var description: String {
    switch self {
    case .invalidInput(let field): field.description
    case .failed(let message): message
    case .insufficientCredit(let needed, let available):
      "the video would cost \(needed) s of credit and the account can pay \(available) s"
    }
  }
}
