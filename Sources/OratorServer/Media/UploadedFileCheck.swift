import Foundation
import OratorCore
import OratorRender

/// Checks that an uploaded file is what its `Content-Type` says by decoding it: a picture's
/// header is parsed, a video or audio file must give ffprobe a decodable stream of its kind.
/// What is refused is never stored, so it can never be served back (as HTML, say).
struct UploadedFileCheck {
  var mime: String
  var ext: String
  var kind: AssetLibrary.Kind
  /// The request part that carried the file, as refusals name it.
  var field = "body"

  /// Why a file was refused, or that it could not be checked at all.
  enum Failure: Error {
    case mismatch(InvalidField)
    case checkerUnavailable(String)
  }

  /// The demuxer each stored extension must open with. Forcing it keeps ffprobe from guessing
  /// a format, in particular one that reads other files or URLs (playlists, concat lists).
  static let demuxers = [
    "mp4": "mov", "mov": "mov", "m4a": "mov", "webm": "webm", "mp3": "mp3", "wav": "wav",
    "ogg": "ogg", "aac": "aac",
  ]

  func verify(bytes: [UInt8], storedAt path: String) async throws(Failure) {
    switch kind {
    case .image:
      guard ImageHeader.size(of: bytes, ext: ext) != nil else {
        throw .mismatch(refusal("a \(ext.uppercased()) picture"))
      }
    case .video, .audio:
      try await probe(path)
    }
  }

  private func probe(_ path: String) async throws(Failure) {
    guard let demuxer = Self.demuxers[ext] else {
      throw .checkerUnavailable("no demuxer for .\(ext)")
    }
    let output: String
    do {
      output = try await FFmpeg.probe([
        "-protocol_whitelist", "file", "-f", demuxer,
        // Decodes the first packets, so a stream that is only declared does not count.
        "-count_frames", "-read_intervals", "%+#5",
        "-show_entries",
        "stream=codec_type,width,height,nb_read_frames:stream_disposition=attached_pic",
        "-of", "json", path,
      ])
    } catch {
      // ffprobe's message names the file on disk; the user learns only what is wrong.
      if error.message.hasPrefix("could not run") { throw .checkerUnavailable(error.message) }
      throw .mismatch(refusal(what))
    }
    let streams = (try? JSONDecoder().decode(Probe.self, from: Data(output.utf8)))?.streams ?? []
    let decodable = streams.contains { stream in
      guard stream.codecType == kind.rawValue, Int(stream.nbReadFrames ?? "") ?? 0 > 0 else {
        return false
      }
      // A video needs moving pictures with a size; a cover image in a music file is not one.
      return kind == .audio
        || ((stream.width ?? 0) > 0 && (stream.height ?? 0) > 0
          && stream.disposition?.attachedPic != 1)
    }
    guard decodable else { throw .mismatch(refusal(what)) }
  }

  private var what: String {
    kind == .video ? "a video with a decodable video stream" : "audio with a decodable stream"
  }

  private func refusal(_ expected: String) -> InvalidField {
    InvalidField(path: field, message: "is not \(expected), as Content-Type \"\(mime)\" says")
  }

  private struct Probe: Decodable {
    struct Stream: Decodable {
      struct Disposition: Decodable {
        var attachedPic: Int?
        enum CodingKeys: String, CodingKey { case attachedPic = "attached_pic" }
      }
      var codecType: String?
      var width: Int?
      var height: Int?
      var nbReadFrames: String?
      var disposition: Disposition?
      enum CodingKeys: String, CodingKey {
        case codecType = "codec_type"
        case width, height
        case nbReadFrames = "nb_read_frames"
        case disposition
      }
    }
    var streams: [Stream]?
  }
}
