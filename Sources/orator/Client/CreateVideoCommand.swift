import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator video create`: one scene, one presenter, one script, without writing JSON; or,
/// with `-d`, any request body as a file or on stdin: a HeyGen v3 body (an object with a
/// `type`: avatar, image, studio, …) is sent as it is to `POST /v3/videos`; any other is read
/// as a v2 generate request (several scenes, overlays, …).
struct CreateVideo: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a video of an avatar speaking a script.",
    discussion: """
      Prints the video id, or with --wait the finished video (with --download, the MP4 too).
      Exit codes: 0 done, 1 the server refused or the render failed, 2 bad arguments, 3 the key
      was refused, 4 --wait ran out of time.
      """)

  @OptionGroup var server: ServerConnection
  @Option(
    name: [.customShort("d"), .customLong("data")],
    help:
      "A whole request body (JSON): a file, or - for standard input. A v3 body (with a \"type\") goes to POST /v3/videos as it is."
  )
  var data: String?
  @Option(help: "The avatar id (see `orator avatars`).") var avatar: String?
  @Option(help: "The voice id (see `orator voices`; default: the avatar's own voice).")
  var voice: String?
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
    if data != nil {
      let scene: [(String, Bool)] = [
        ("--avatar", avatar != nil), ("--voice", voice != nil), ("--text", text != nil),
        ("--script-file", scriptFile != nil), ("--background", background != nil),
        ("--dimension", dimension != nil),
      ]
      if let given = scene.first(where: \.1) {
        throw ValidationError("-d sends a whole request body; \(given.0) cannot be added to it")
      }
      return
    }
    guard avatar != nil else {
      throw ValidationError("give --avatar (see `orator avatars`), or a whole body with -d")
    }
    guard (text == nil) != (scriptFile == nil) else {
      throw ValidationError("give the script with either --text or --script-file")
    }
    if let dimension, Self.parseDimension(dimension) == nil {
      throw ValidationError("--dimension \(dimension): expected WIDTHxHEIGHT, e.g. 1280x720")
    }
    if let background, !Self.isBackgroundForm(background) {
      throw ValidationError(
        "--background \(background): expected a colour (#RRGGBB), an http(s) URL of a picture or video, or a file on this machine"
      )
    }
  }

  func run() async throws {
    let client = try server.client()
    var request: VideoGenerateRequest
    switch try data.map(Self.readBody) {
    case .v3(let body)?:
      return try await reportingFailures {
        try delivery.checkDestination()
        let id = try await client.videos.generate(v3Body: try withFlags(body))
        try await VideoDelivery(client: client, json: output.json).deliver(id, delivery)
      }
    case .v2(let body)?:
      request = body
      request.title = title ?? request.title
      if caption { request.caption = true }
      if test { request.test = true }
    case nil:
      request = try makeRequest()
    }
    try await reportingFailures {
      try delivery.checkDestination()
      if let file = localBackground {
        request.videoInputs[0].background = try await Self.upload(file, client: client)
      }
      if data == nil, voice == nil, let avatar {
        request.videoInputs[0].voice = .text(
          TextVoice(
            voiceId: try await Self.defaultVoice(of: avatar, client: client),
            inputText: try script()))
      }
      let id = try await client.videos.generate(request)
      try await VideoDelivery(client: client, json: output.json).deliver(id, delivery)
    }
  }

  /// What `-d` gave: a v3 body, kept as parsed JSON rather than decoded into a type, so that
  /// every field reaches the server, those this program does not know included; or a v2
  /// generate request.
  enum Body {
    case v3([String: Any])
    case v2(VideoGenerateRequest)
  }

  /// The body `-d` names: a file, or standard input for `-`. A JSON object with a `type`
  /// key is v3's (v2's generate has no such key at the top).
  static func readBody(_ source: String) throws -> Body {
    let bytes: Data
    if source == "-" {
      bytes = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: source) else {
        throw ValidationError("-d \(source): cannot read it (no such file, or not readable)")
      }
      bytes = contents
    }
    if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
      object["type"] is String
    {
      return .v3(object)
    }
    do {
      return .v2(try JSONDecoder().decode(VideoGenerateRequest.self, from: bytes))
    } catch {
      throw ValidationError(
        "-d \(source == "-" ? "(standard input)" : source): not a generate request body: \(error)")
    }
  }

  /// A v3 body with `--title`, `--caption` and `--test` set in it, as they are in a v2 one.
  private func withFlags(_ body: [String: Any]) throws(HeyGenError) -> Data {
    var body = body
    if let title { body["title"] = title }
    // v3's `style` burns the captions in: the captioned copy `--caption` asks for.
    if caption, body["caption"] == nil {
      body["caption"] = ["file_format": "srt", "style": "default"]
    }
    if test { body["test"] = true }
    do {
      return try JSONSerialization.data(withJSONObject: body)
    } catch {
      throw HeyGenError(kind: .invalidResponse, message: "cannot encode the request: \(error)")
    }
  }

  /// The voice an avatar speaks with when none is named (its look's `default_voice_id`).
  static func defaultVoice(of avatar: String, client: HeyGenClient) async throws -> String {
    guard let voice = try await client.avatars.details(id: avatar).defaultVoiceId else {
      throw ClientFailure("avatar \(avatar) has no default voice; give one with --voice")
    }
    return voice
  }

  /// What `--background` accepts: a colour, a URL, or a file that exists here.
  static func isBackgroundForm(_ text: String) -> Bool {
    if text.hasPrefix("#") {
      let hex = text.dropFirst()
      return (hex.count == 6 || hex.count == 3) && hex.allSatisfy(\.isHexDigit)
    }
    if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()) {
      return true
    }
    return FileManager.default.fileExists(atPath: text)
  }

  private func script() throws -> String {
    guard let scriptFile else { return text ?? "" }
    guard let data = FileManager.default.contents(atPath: scriptFile) else {
      throw ValidationError("--script-file \(scriptFile): cannot read it")
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The one-scene request the flags describe; without `--voice` the voice is filled in
  /// later, once the avatar's own voice is known.
  func makeRequest() throws -> VideoGenerateRequest {
    let scene = VideoInput(
      character: .avatar(AvatarCharacter(avatarId: avatar ?? "", avatarStyle: .normal)),
      voice: .text(TextVoice(voiceId: voice ?? "", inputText: try script())),
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
