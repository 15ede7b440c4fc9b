import Foundation
import Subprocess

/// How the MP4 is encoded. The defaults are measured in the rendering notes: x264 `veryfast`
/// at CRF 23 is visually lossless for flat vector art and 5–6× smaller than `ultrafast`.
public struct EncoderSettings: Sendable, Equatable {
  public var preset: String
  public var crf: Int
  public var audioBitrate: String
  /// Extra x264 options over the preset. A presenter moves little over a still background, so
  /// the cheapest motion search (diamond, subpixel level 1) finds the same motion: measured
  /// on a 1080p render, 20 % less encoder CPU for 5 % more bytes at the same SSIM (0.9995).
  public var x264Options: String?

  public init(
    preset: String = "veryfast", crf: Int = 23, audioBitrate: String = "128k",
    x264Options: String? = "me=dia:subme=1"
  ) {
    self.preset = preset
    self.crf = crf
    self.audioBitrate = audioBitrate
    self.x264Options = x264Options
  }

  /// The libx264 arguments of these settings.
  var videoArguments: [String] {
    ["-c:v", "libx264", "-preset", preset, "-tune", "stillimage", "-crf", String(crf)]
      + (x264Options.map { ["-x264-params", $0] } ?? [])
  }

  /// 20 % faster, 5× larger files; for drafts.
  public static let draft = EncoderSettings(preset: "ultrafast")
}

/// One scene's sound: a WAV file and the exact length the scene lasts on screen.
struct SceneAudio {
  var path: String
  var duration: Double
}

/// Receives raw I420 frames for ffmpeg's standard input.
struct FrameSink: Sendable {
  fileprivate let pipe: FramePipe

  /// Not inlined into the frame loops: see `FrameStream.drawWhole`.
  @inline(never)
  func write(_ frame: I420Frame) async throws {
    try await pipe.write(frame.bytes)
  }
}

/// Makes the MP4: the frames streamed into ffmpeg as they are drawn (libx264 yuv420p BT.709,
/// a picture overlay laid on) and the scenes' sound (AAC 48 kHz), each scene's padded or
/// trimmed to the scene's length so sound and picture stay together across scene cuts.
/// When all speech is made before the first frame, both go through one ffmpeg pass; when the
/// frames are drawn while the speech is still being made, the picture is encoded alone, the
/// sound apart once it is all known, and both are muxed as they are (`+faststart`).
enum VideoEncoder {
  /// Encodes the frames `frames` writes into an MP4 at `outputPath`, with `sound` under them,
  /// or picture only when `sound` is nil.
  static func encode(
    width: Int, height: Int, fps: Double, sound: [SceneAudio]?, overlay: PictureOverlay? = nil,
    settings: EncoderSettings, to outputPath: String, frames: (FrameSink) async throws -> Void
  ) async throws {
    var arguments =
      FFmpeg.quietFlags + [
        "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "\(width)x\(height)",
        // One whole frame per read of the pipe (see `FramePipe`).
        "-framerate", fpsString(fps), "-blocksize", String(width * height * 3 / 2),
        "-i", "pipe:0",
      ]
    let audio = sound ?? []
    for scene in audio { arguments += ["-i", scene.path] }
    var filters: [String] = []
    var video = "0:v"
    if let overlay {
      // A user's picture: opened only as a picture container, and held for the whole video.
      arguments += FFmpeg.userMediaInput + ["-loop", "1", "-i", overlay.path]
      var filter = overlay.filter(input: audio.count + 1, main: "0:v", output: "vout")
      if filter.hasSuffix(";") { filter.removeLast() }
      filters.append(filter)
      video = "[vout]"
    }
    if !audio.isEmpty { filters.append(soundFilter(audio, firstInput: 1)) }
    if !filters.isEmpty { arguments += ["-filter_complex", filters.joined(separator: ";")] }
    arguments += ["-map", video] + (audio.isEmpty ? [] : ["-map", "[aout]"])
    arguments +=
      settings.videoArguments + [
        "-pix_fmt", "yuv420p",
        "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-color_range", "tv",
      ]
    if !audio.isEmpty {
      arguments += [
        "-c:a", "aac", "-b:a", settings.audioBitrate, "-ar", "48000", "-movflags", "+faststart",
      ]
    }
    arguments += ["-f", "mp4", outputPath]
    let pipe = try FramePipe()
    do {
      let result = try await Subprocess.run(
        .name("ffmpeg"), arguments: Arguments(arguments),
        input: .fileDescriptor(pipe.readEnd, closeAfterSpawningProcess: true),
        output: .discarded, error: .string(limit: 1 << 16)
      ) { _ in
        let sink = FrameSink(pipe: pipe)
        do {
          try await frames(sink)
        } catch {
          await pipe.finish()
          throw error
        }
        await pipe.finish()
      }
      guard result.terminationStatus.isSuccess else {
        throw FFmpegError(tool: "ffmpeg", message: FFmpeg.lastLine(result.standardError))
      }
    } catch {
      // ffmpeg may never have started, and then the write end is still open here.
      await pipe.finish()
      throw error
    }
  }

  /// The scenes' sound from inputs `firstInput`… one after the other as `[aout]`, each resampled
  /// to 48 kHz mono and padded or trimmed to its scene's length.
  private static func soundFilter(_ audio: [SceneAudio], firstInput: Int) -> String {
    var filter = ""
    for (index, scene) in audio.enumerated() {
      filter +=
        "[\(firstInput + index):a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=mono,"
        + "apad,atrim=end=\(String(format: "%.6f", scene.duration)),asetpts=N/SR/TB[a\(index)];"
    }
    return filter
      + (0..<audio.count).map { "[a\($0)]" }.joined() + "concat=n=\(audio.count):v=0:a=1[aout]"
  }

  /// Encodes the scenes' sound, one after the other, into an AAC file at `outputPath`. It runs
  /// while the frames are still being drawn: speech is all known long before they are.
  static func encodeSound(
    _ audio: [SceneAudio], settings: EncoderSettings, to outputPath: String
  ) async throws(FFmpegError) {
    var arguments: [String] = []
    for scene in audio { arguments += ["-i", scene.path] }
    let filter = soundFilter(audio, firstInput: 0)
    arguments += [
      "-filter_complex", filter, "-map", "[aout]", "-c:a", "aac", "-b:a", settings.audioBitrate,
      "-ar", "48000", "-f", "mp4", outputPath,
    ]
    try await FFmpeg.run(arguments)
  }

  /// Lays `sound` under the video-only `picture`, both copied as they are.
  static func mux(picture: String, sound: String, to outputPath: String)
    async throws(FFmpegError)
  {
    try await FFmpeg.run([
      "-i", picture, "-i", sound, "-map", "0:v", "-map", "1:a", "-c", "copy",
      "-movflags", "+faststart", "-f", "mp4", outputPath,
    ])
  }

  static func fpsString(_ fps: Double) -> String {
    fps == fps.rounded() ? String(Int(fps)) : String(format: "%.3f", fps)
  }
}
