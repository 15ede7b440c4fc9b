import Foundation
import OratorRender

/// What the dubber needs to know about the input file, from ffprobe.
struct SourceMedia {
  var duration: Double
  var videoCodec: String?
  var width: Int
  var height: Int
  var hasAudio: Bool

  static func probe(_ file: URL) async throws(TranslationError) -> SourceMedia {
    let json: String
    do {
      json = try await FFmpeg.probe(
        FFmpeg.userMediaInput + [
          "-show_entries", "stream=codec_type,codec_name,width,height:format=duration",
          "-of", "json", file.path,
        ])
    } catch {
      throw .unreadableMedia(error.message)
    }
    struct Output: Decodable {
      struct Stream: Decodable {
        var codecType: String?
        var codecName: String?
        var width: Int?
        var height: Int?

        enum CodingKeys: String, CodingKey {
          case codecType = "codec_type"
          case codecName = "codec_name"
          case width, height
        }
      }
      struct Format: Decodable { var duration: String? }
      var streams: [Stream]?
      var format: Format?
    }
    guard let output = try? JSONDecoder().decode(Output.self, from: Data(json.utf8)) else {
      throw .unreadableMedia("ffprobe could not read \(file.lastPathComponent)")
    }
    let streams = output.streams ?? []
    // Cover art in audio files shows as a one-frame "video" stream; it is not a picture to dub.
    let video = streams.first {
      $0.codecType == "video" && $0.codecName != "mjpeg" && $0.codecName != "png"
    }
    guard let video, let width = video.width, let height = video.height else {
      throw .unreadableMedia("\(file.lastPathComponent) has no video stream")
    }
    guard let duration = output.format?.duration.flatMap(Double.init), duration > 0 else {
      throw .unreadableMedia("\(file.lastPathComponent) has no duration")
    }
    return SourceMedia(
      duration: duration, videoCodec: video.codecName, width: width, height: height,
      hasAudio: streams.contains { $0.codecType == "audio" })
  }
}
