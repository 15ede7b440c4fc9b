import Foundation
import Subprocess

/// A failure of ffmpeg or ffprobe, with the last line it printed.
public struct FFmpegError: Error, Sendable, Equatable, CustomStringConvertible {
  public var tool: String
  public var message: String

  public var description: String { "\(tool): \(message)" }
}

/// Runs ffmpeg and ffprobe (Debian's `ffmpeg` package) as subprocesses.
public enum FFmpeg {
  static let quietFlags = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"]

  /// Put before `-i` of every file a user supplied: only these containers are opened. A
  /// playlist (HLS, concat) sent as "an MP4" would otherwise make ffmpeg read other files on
  /// the server, another account's videos among them, into the user's video.
  public static let userMediaInput = [
    "-format_whitelist",
    "mov,mp4,matroska,webm,avi,flv,mpegts,mpeg,ogg,mp3,wav,flac,aac,aiff,w64,caf,asf,"
      + "image2,png_pipe,jpeg_pipe,webp_pipe,gif,gif_pipe,bmp_pipe,tiff_pipe",
  ]

  /// Runs ffmpeg to completion (quiet, overwriting outputs); throws its last error line when
  /// it fails.
  public static func run(_ arguments: [String]) async throws(FFmpegError) {
    _ = try await collect("ffmpeg", quietFlags + arguments, outputLimit: 1 << 16)
  }

  /// Runs ffprobe and returns what it printed on standard output.
  public static func probe(_ arguments: [String]) async throws(FFmpegError) -> String {
    let bytes = try await collect("ffprobe", ["-v", "error"] + arguments, outputLimit: 1 << 20)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Duration of a media file in seconds.
  public static func duration(of path: String) async throws(FFmpegError) -> Double {
    let text = try await probe(
      userMediaInput + [
        "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", path,
      ])
    guard let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), seconds > 0
    else {
      throw FFmpegError(tool: "ffprobe", message: "\(path) has no duration")
    }
    return seconds
  }

  /// Whether a media file has a sound stream.
  public static func hasAudio(_ path: String) async throws(FFmpegError) -> Bool {
    let text = try await probe(
      userMediaInput + [
        "-select_streams", "a", "-show_entries", "stream=index", "-of", "csv=p=0", path,
      ])
    return text.contains { $0.isNumber }
  }

  static func collect(_ tool: String, _ arguments: [String], outputLimit: Int)
    async throws(FFmpegError) -> [UInt8]
  {
    do {
      let result = try await Subprocess.run(
        .name(tool), arguments: Arguments(arguments),
        output: .bytes(limit: outputLimit), error: .string(limit: 1 << 16))
      guard result.terminationStatus.isSuccess else {
        throw FFmpegError(tool: tool, message: lastLine(result.standardError))
      }
      return result.standardOutput
    } catch let error as FFmpegError {
      throw error
    } catch {
      throw FFmpegError(tool: tool, message: "could not run \(tool): \(error)")
    }
  }

  static func lastLine(_ text: String?) -> String {
    let lines = (text ?? "").split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return lines.last(where: { !$0.isEmpty }) ?? "failed without a message"
  }
}
