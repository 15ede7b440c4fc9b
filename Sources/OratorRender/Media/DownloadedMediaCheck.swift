import Foundation
import OratorCore

/// Checks a file fetched from a request's URL before any render opens it: it must be a
/// container ffmpeg may open for users (`FFmpeg.userMediaInput`: no playlists, no concat
/// lists) holding a stream of the kind the field asks for. A file that is not is the input's
/// fault, refused once with the field named, not a render failure retried.
public enum DownloadedMediaCheck {
  public static func verify(_ path: String, kind: MediaKind, field: String, url: String)
    async throws(InvalidField)
  {
    let output: String
    do {
      output = try await FFmpeg.probe(
        ["-protocol_whitelist", "file"] + FFmpeg.userMediaInput + [
          "-show_entries", "stream=codec_type", "-of", "csv=p=0", path,
        ])
    } catch {
      throw refusal(kind, field: field, url: url)
    }
    let types = Set(output.split(whereSeparator: \.isNewline).map(String.init))
    let wanted = kind == .audio ? "audio" : "video"
    guard types.contains(wanted) else { throw refusal(kind, field: field, url: url) }
  }

  private static func refusal(_ kind: MediaKind, field: String, url: String) -> InvalidField {
    let what =
      switch kind {
      case .image: "a picture"
      case .video: "a video"
      case .audio: "an audio file"
      }
    return InvalidField(
      path: field,
      message: "\"\(url)\" could not be read as \(what) (MP4, WebM, MP3, WAV, PNG, JPEG…)")
  }
}
