import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator video create`: one scene, one presenter, one script, without writing JSON.
struct CreateVideo: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a video of an avatar speaking a script.",
    discussion: """
      Prints the video id, or with --wait the finished video (with --download, the MP4 too).
      Exit codes: 0 done, 1 the server refused or the render failed, 2 bad arguments.
      """)

  @OptionGroup var server: ServerConnection
  @Option(help: "The avatar id (see `orator avatars`).") var avatar: String
  @Option(help: "The voice id (see `orator voices`).") var voice: String
  @Option(help: "The script to speak.") var text: String?
  @Option(help: "A file holding the script to speak.") var scriptFile: String?
  @Option(help: "A colour (#RRGGBB), or a picture or video: a URL or a local file (uploaded).")
  var background: String?
  @Option(help: "WIDTHxHEIGHT, e.g. 1280x720 (default 1920x1080).") var dimension: String?
  @Option(help: "The video's title.") var title: String?
  @Flag(help: "Also render a copy with burned-in captions.") var caption = false
  @Flag(help: "A free test video, watermarked.") var test = false
  @OptionGroup var delivery: DeliveryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (text == nil) != (scriptFile == nil) else {
      throw ValidationError("give the script with either --text or --script-file")
    }
    if let dimension, Self.parseDimension(dimension) == nil {
      throw ValidationError("--dimension \(dimension): expected WIDTHxHEIGHT, e.g. 1280x720")
    }
  }

  func run() async throws {
    let client = try server.client()
    var request = try makeRequest()
    try await reportingFailures {
      if let file = localBackground {
        request.videoInputs[0].background = try await Self.upload(file, client: client)
      }
      let id = try await client.videos.generate(request)
      try await VideoDelivery(client: client, json: output.json).deliver(id, delivery)
    }
  }

  func makeRequest() throws -> VideoGenerateRequest {
    var script = text ?? ""
    if let scriptFile {
      guard let data = FileManager.default.contents(atPath: scriptFile) else {
        throw ValidationError("--script-file \(scriptFile): cannot read it")
      }
      script = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let scene = VideoInput(
      character: .avatar(AvatarCharacter(avatarId: avatar, avatarStyle: .normal)),
      voice: .text(TextVoice(voiceId: voice, inputText: script)),
      background: background.map(Self.background))
    return VideoGenerateRequest(
      videoInputs: [scene], dimension: dimension.flatMap(Self.parseDimension),
      caption: caption ? true : nil, title: title, test: test ? true : nil)
  }

  /// `#hex` is a colour; a URL ending in a video extension a video; any other URL a picture.
  static func background(_ text: String) -> Background {
    if text.hasPrefix("#") { return .color(text) }
    if isVideo(text) { return .video(VideoBackground(url: text)) }
    return .image(ImageBackground(url: text))
  }

  /// `--background` when it names a file on this machine: the server cannot read it, so it is
  /// uploaded first.
  var localBackground: URL? {
    guard let background, !background.hasPrefix("#"), !background.contains("://"),
      FileManager.default.fileExists(atPath: background)
    else { return nil }
    return URL(fileURLWithPath: background)
  }

  static func upload(_ file: URL, client: HeyGenClient) async throws -> Background {
    let asset = try await client.assets.upload(file: file)
    return isVideo(file.path)
      ? .video(VideoBackground(videoAssetId: asset.id))
      : .image(ImageBackground(imageAssetId: asset.id))
  }

  static func isVideo(_ text: String) -> Bool {
    let path = URL(string: text)?.path.lowercased() ?? text.lowercased()
    return [".mp4", ".webm", ".mov", ".mkv"].contains(where: path.hasSuffix)
  }

  static func parseDimension(_ text: String) -> HeyGenAPI.Dimension? {
    let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2, parts.allSatisfy({ $0 > 0 }) else { return nil }
    return HeyGenAPI.Dimension(width: parts[0], height: parts[1])
  }
}
