import ArgumentParser
import Foundation
import OratorKit

/// `--wait`, `--download FILE` and `--timeout`: what a command that starts a video does after.
struct DeliveryOptions: ParsableArguments {
  @Flag(help: "Wait until the video is ready (a progress bar on a terminal).") var wait = false
  @Option(help: "Download the finished MP4 to this file (implies --wait).") var download: String?
  @Option(help: "Seconds to wait before giving up.") var timeout = 3600

  var waits: Bool { wait || download != nil }

  /// Checks the `--download` folder before a video is submitted, so a typo costs no render.
  func checkDestination() throws(HeyGenError) {
    if let download { try HeyGenClient.checkDestination(URL(fileURLWithPath: download)) }
  }
}

/// Waits for a video, downloads it and prints the outcome: the shared ending of
/// `video create`, `video download` and `template generate`.
struct VideoDelivery {
  var client: HeyGenClient
  var json: Bool

  /// Prints the id, or waits per `options` and prints the finished video.
  func deliver(_ id: VideoID, _ options: DeliveryOptions) async throws {
    guard options.waits else {
      if json { return try printJSON(["video_id": id.rawValue]) }
      return print(id.rawValue)
    }
    // The id comes first, before any wait, so an interrupted wait loses nothing: on standard
    // output as the first line of the description, or on standard error beside --json.
    if json {
      FileHandle.standardError.write(Data("video_id: \(id.rawValue)\n".utf8))
    } else {
      // Unbuffered, so it is there at once even when standard output is a pipe.
      FileHandle.standardOutput.write(Data("video_id:  \(id.rawValue)\n".utf8))
    }
    let video = try await waitFor(id, timeout: options.timeout)
    if let path = options.download { try await download(video, to: path) }
    if json { return try printJSON(video) }
    VideoDelivery.describe(video, withID: false)
    if let path = options.download { print("file:      \(path)") }
  }

  func waitFor(_ id: VideoID, timeout: Int) async throws -> VideoStatus {
    let progress = TerminalProgress()
    defer { progress.finish() }
    return try await client.waitForVideo(id: id, timeout: .seconds(timeout)) {
      progress.show(waitingFor: $0.status, fraction: $0.progress)
    }
  }

  @discardableResult
  func download(_ video: VideoStatus, to path: String) async throws -> DownloadProgress {
    guard let link = video.videoUrl, let url = URL(string: link) else {
      throw ClientFailure("video \(video.id) is \(video.status) and has no video_url")
    }
    return try await download(url, to: path)
  }

  /// Downloads one media link; the SDK checks the folder first, so a missing one is said as
  /// such.
  @discardableResult
  func download(_ url: URL, to path: String) async throws -> DownloadProgress {
    let progress = TerminalProgress()
    defer { progress.finish() }
    return try await client.download(url, to: URL(fileURLWithPath: path)) { progress.show($0) }
  }

  /// The status as `key: value` lines, the keys a user looks for.
  static func describe(_ video: VideoStatus, withID: Bool = true) {
    if withID { print("video_id:  \(video.id)") }
    print("status:    \(video.status)")
    if let duration = video.duration { print("duration:  \(String(format: "%.1f", duration)) s") }
    if let url = video.videoUrl { print("video_url: \(url)") }
    if let url = video.thumbnailUrl { print("thumbnail: \(url)") }
    if let url = video.videoUrlCaption { print("captioned: \(url)") }
    if let error = video.error {
      print("error:     \(error.code) \(error.message)")
      if !error.detail.isEmpty { print("detail:    \(error.detail)") }
    }
  }
}
