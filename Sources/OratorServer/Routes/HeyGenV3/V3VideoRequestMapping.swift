import Foundation
import HeyGenAPI
import OratorCore

/// Turns a `POST /v3/videos` body into the scene list Orator renders (the same request v2
/// generate queues), naming v3's fields in every refusal. Files given inline (`base64`)
/// become assets of the account first, so the render reads them like any upload.
struct V3VideoRequestMapping {
  let assets: AssetService
  /// What this request stored on its way (inline files, portraits), so that a refused request
  /// can take it away again and leave nothing behind.
  let made = MadeForRequest()

  func request(for body: V3VideoCreateRequest) async throws -> VideoGenerateRequest {
    switch body {
    case .avatar(let video):
      try refuseUnsupported(video.options)
      if video.removeBackground == true {
        throw invalid("remove_background", "is not supported: presenters are drawn, not filmed")
      }
      let scene = VideoInput(
        character: try await character(lookID: video.avatarId),
        voice: try voice(video.speech, path: ""),
        background: try await background(video.background, fit: video.fit))
      return try await request(scenes: [scene], options: video.options)
    case .image(let video):
      try refuseUnsupported(video.options)
      let speech = try voice(video.speech, path: "")
      let backdrop = try await background(video.background, fit: video.fit)
      // The portrait becomes one of the account's photo looks, found once like an upload, so
      // the same face can be used again by its look id.
      let photo = try await talkingPhoto(
        from: video.image, name: video.options.title, field: "image")
      let scene = VideoInput(
        character: .talkingPhoto(TalkingPhotoCharacter(talkingPhotoId: photo.id.rawValue)),
        voice: speech, background: backdrop)
      return try await request(scenes: [scene], options: video.options)
    case .studio(let studio):
      try refuseUnsupported(studio.options)
      var scenes: [VideoInput] = []
      for (index, scene) in studio.scenes.enumerated() {
        scenes.append(try await input(for: scene, path: "scenes[\(index)]"))
      }
      return try await request(scenes: scenes, options: studio.options)
    case .unsupported(let type):
      let reason =
        type == "cinematic_avatar"
        ? "\"\(type)\" videos are not available on this server yet; use avatar, image or studio"
        : "must be avatar, image, cinematic_avatar or studio, got \"\(type)\""
      throw invalid("type", reason)
    }
  }

  private func request(scenes: [VideoInput], options: V3VideoOptions) async throws
    -> VideoGenerateRequest
  {
    var watermark: ImageWatermark?
    if let given = options.watermark {
      guard let image = given.image else {
        throw InvalidField(path: "watermark.image", message: "is required", isMissing: true)
          .asApplicationError
      }
      let file = try await reference(image, field: "watermark.image")
      watermark = ImageWatermark(
        url: file.url, assetId: file.assetId, scale: given.scale, opacity: given.opacity,
        position: given.placement?.position, offsetX: given.placement?.offsetX,
        offsetY: given.placement?.offsetY)
    }
    return VideoGenerateRequest(
      videoInputs: scenes, dimension: try frameSize(options),
      caption: options.caption?.style != nil ? true : nil,
      title: options.title, callbackId: options.callbackId, callbackUrl: options.callbackUrl,
      folderId: options.folderId, test: options.test, watermark: watermark)
  }

  private func input(for scene: V3Scene, path: String) async throws -> VideoInput {
    switch scene {
    case .avatarVideo(let avatar):
      let character: Character
      switch (avatar.input.type, avatar.input.avatarId, avatar.input.image) {
      case ("avatar", let avatarId?, _):
        character = try await self.character(lookID: avatarId)
      case ("image", _, let image?):
        // A portrait in a scene becomes a photo look, as a whole `image` video's does.
        let photo = try await talkingPhoto(from: image, name: nil, field: "\(path).input.image")
        character = .talkingPhoto(TalkingPhotoCharacter(talkingPhotoId: photo.id.rawValue))
      case ("avatar", nil, _):
        throw invalid("\(path).input.avatar_id", "is required for an avatar input")
      case ("image", nil, _):
        throw invalid("\(path).input.image", "is required for an image input")
      default:
        throw invalid(
          "\(path).input.type", "must be avatar or image, got \"\(avatar.input.type)\"")
      }
      var background: Background?
      if let studio = avatar.input.background {
        guard studio.type == "color", let color = studio.color else {
          throw invalid(
            "\(path).input.background", "must be {\"type\": \"color\", \"color\": \"#RRGGBB\"}")
        }
        background = .color(color)
      }
      return VideoInput(
        character: character, voice: try voice(avatar.input.speech, path: "\(path).input."),
        background: background)
    case .image(let image):
      let file = try await reference(image.source, field: "\(path).source")
      let narrated =
        image.speech.script != nil || image.speech.audioUrl != nil
        || image.speech.audioAssetId != nil
      if let duration = image.duration, !(0.1...300).contains(duration) {
        throw invalid("\(path).duration", "must be between 0.1 and 300 seconds, got \(duration)")
      }
      return VideoInput(
        voice: narrated
          ? try voice(image.speech, path: "\(path).")
          : .silence(SilenceVoice(duration: image.duration ?? 5)),
        background: .image(
          ImageBackground(url: file.url, imageAssetId: file.assetId, fit: .contain)))
    case .video(let video):
      let file = try await reference(video.source, field: "\(path).source")
      // The clip plays with its own sound, at its source level unless `playback` says less.
      let volume = video.playback?.volume ?? 1
      guard (0...1).contains(volume) else {
        throw invalid("\(path).playback.volume", "must be between 0 and 1, got \(volume)")
      }
      return VideoInput(
        voice: .silence(SilenceVoice()),
        background: .video(
          VideoBackground(
            url: file.url, videoAssetId: file.assetId, playStyle: .fullVideo, fit: .contain,
            soundVolume: video.playback?.mute == true ? 0 : volume)))
    }
  }

  /// A look id names a built-in look or one of the account's photo looks (a talking photo).
  private func character(lookID: String) async throws -> Character {
    if let id = ResourceID(lookID),
      try await assets.environment.store.talkingPhoto(id: id, account: assets.account) != nil
    {
      return .talkingPhoto(TalkingPhotoCharacter(talkingPhotoId: lookID))
    }
    return .avatar(AvatarCharacter(avatarId: lookID))
  }

  /// The talking photo a v3 `image` names: fetched, its face found and stored.
  private func talkingPhoto(from input: V3AssetInput, name: String?, field: String) async throws
    -> TalkingPhotoRecord
  {
    let photos = TalkingPhotoService(environment: assets.environment, account: assets.account)
    switch input {
    case .url(let url):
      return await made.photo(
        try await photos.create(fromURL: url, asset: nil, name: name, field: "\(field).url"))
    case .assetId(let id):
      return await made.photo(
        try await photos.create(
          fromURL: nil, asset: id, name: name, field: "\(field).asset_id"))
    case .base64(let mediaType, let data):
      guard let bytes = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
        throw invalid("\(field).data", "is not base64")
      }
      return await made.photo(
        try await photos.upload(
          [UInt8](bytes), mime: mediaType.lowercased(), name: name,
          typeField: "\(field).media_type", bytesField: "\(field).data"))
    }
  }

  /// Deletes what this request stored: called when the request is refused.
  func undo() async {
    let (assetIDs, photoIDs) = await made.all
    for id in assetIDs { try? assets.delete(id) }
    let photos = TalkingPhotoService(environment: assets.environment, account: assets.account)
    for id in photoIDs { _ = try? await photos.delete(id) }
  }

  /// A script in a voice, or a recording; v3's `voice_settings` carry speed and pitch.
  private func voice(_ speech: V3Speech, path: String) throws -> Voice {
    let hasAudio = speech.audioUrl != nil || speech.audioAssetId != nil
    if let script = speech.script {
      if hasAudio {
        throw invalid("\(path)script", "give either script or audio_url/audio_asset_id, not both")
      }
      guard let voiceId = speech.voiceId, !voiceId.isEmpty else {
        throw InvalidField(
          path: "\(path)voice_id", message: "is required with script; GET /v3/voices lists them",
          isMissing: true
        ).asApplicationError
      }
      return .text(
        TextVoice(
          voiceId: voiceId, inputText: script, speed: speech.voiceSettings?.speed,
          pitch: speech.voiceSettings?.pitch, locale: speech.voiceSettings?.locale,
          volume: speech.voiceSettings?.volume))
    }
    if hasAudio {
      return .audio(
        AudioVoice(
          audioUrl: speech.audioUrl, audioAssetId: speech.audioAssetId,
          volume: speech.voiceSettings?.volume))
    }
    throw InvalidField(
      path: "\(path)script", message: "is required (or audio_url / audio_asset_id)",
      isMissing: true
    ).asApplicationError
  }

  private func background(_ background: V3Background?, fit: String?) async throws -> Background? {
    guard let background else { return nil }
    switch background.type {
    case "color":
      guard let value = background.value else {
        throw InvalidField(
          path: "background.value", message: "is required for a colour background",
          isMissing: true
        ).asApplicationError
      }
      return .color(value)
    case "image":
      guard background.url != nil || background.assetId != nil else {
        throw InvalidField(
          path: "background.url", message: "is required (or background.asset_id)",
          isMissing: true
        ).asApplicationError
      }
      let fit: BackgroundFit = fit == "contain" ? .contain : .cover
      // n8n's HeyGen node sends a background video as an `image` (v3 has no other type), so
      // a moving picture, named by its asset or by a video file's URL, plays behind the
      // presenter as v2's video background would.
      if isVideo(url: background.url, assetID: background.assetId) {
        return .video(
          VideoBackground(
            url: background.url, videoAssetId: background.assetId, playStyle: .loop, fit: fit))
      }
      return .image(
        ImageBackground(url: background.url, imageAssetId: background.assetId, fit: fit))
    default:
      throw invalid("background.type", "must be color or image, got \"\(background.type)\"")
    }
  }

  /// Whether a background `image` is really a video: an uploaded video, or a URL whose path
  /// ends in a video file's extension.
  private func isVideo(url: String?, assetID: String?) -> Bool {
    // An unknown asset is refused by the request check, naming the field.
    if let assetID { return (try? assets.asset(assetID))?.kind == .video }
    guard let url, let path = URLComponents(string: url)?.path.lowercased() else { return false }
    return [".mp4", ".m4v", ".mov", ".webm"].contains { path.hasSuffix($0) }
  }

  /// Where a file comes from: a URL, an asset, or inline bytes stored as a new asset.
  private func reference(_ input: V3AssetInput, field: String) async throws -> (
    url: String?, assetId: String?
  ) {
    switch input {
    case .url(let url): return (url, nil)
    case .assetId(let id): return (nil, id)
    case .base64(let mediaType, let data):
      guard let bytes = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
        throw invalid("\(field).data", "is not base64")
      }
      let asset = try await assets.upload(
        [UInt8](bytes), mime: mediaType.lowercased(), field: "\(field).media_type",
        bytesField: "\(field).data")
      await made.asset(asset.id.rawValue)
      return (nil, asset.id.rawValue)
    }
  }

  /// `aspect_ratio` and `resolution` as a frame size: the resolution is the short side
  /// (720, 1080 or 2160 rows for landscape).
  private func frameSize(_ options: V3VideoOptions) throws -> HeyGenAPI.Dimension {
    let short: Int
    switch options.resolution ?? "1080p" {
    case "720p": short = 720
    case "1080p": short = 1080
    case "4k": short = 2160
    case let other: throw invalid("resolution", "must be 720p, 1080p or 4k, got \"\(other)\"")
    }
    switch options.aspectRatio ?? "16:9" {
    case "16:9", "auto": return Dimension(width: short * 16 / 9, height: short)
    case "9:16": return Dimension(width: short, height: short * 16 / 9)
    case "1:1": return Dimension(width: short, height: short)
    case "4:5": return Dimension(width: short, height: short * 5 / 4)
    case "5:4": return Dimension(width: short * 5 / 4, height: short)
    case let other:
      throw invalid("aspect_ratio", "must be 16:9, 9:16, 4:5, 5:4, 1:1 or auto, got \"\(other)\"")
    }
  }

  private func refuseUnsupported(_ options: V3VideoOptions) throws {
    if let format = options.outputFormat, format != "mp4" {
      throw invalid(
        "output_format", "only mp4 is available on this server (webm with alpha is not)")
    }
    if let format = options.caption?.fileFormat, format != "srt" {
      throw invalid("caption.file_format", "must be srt, got \"\(format)\"")
    }
    if let style = options.caption?.style, style != "default" {
      throw invalid("caption.style", "must be default, got \"\(style)\"")
    }
  }

  private func invalid(_ path: String, _ message: String) -> ApplicationError {
    .invalid(InvalidField(path: path, message: message))
  }
}

extension V3VideoRequestMapping {
  /// The v3 name of a field the shared checks found at its v2 path
  /// (`video_inputs[0].voice.speed` is `voice_settings.speed` of an avatar video, and
  /// `scenes[0].input.voice_settings.speed` of a studio one).
  static func v3Field(_ path: String, in body: V3VideoCreateRequest) -> String {
    guard path.hasPrefix("video_inputs") else {
      if path.hasPrefix("watermark.") && path != "watermark.scale" && path != "watermark.opacity" {
        return [
          "watermark.offset_x": "watermark.placement.offset_x",
          "watermark.offset_y": "watermark.placement.offset_y",
        ][path] ?? "watermark.image"
      }
      return path.hasPrefix("dimension") ? "resolution" : path
    }
    guard let close = path.firstIndex(of: "]"),
      let index = Int(path.dropFirst(13).prefix { $0.isNumber })
    else { return path == "video_inputs" ? Self.scenesField(body) : path }
    var rest = String(path[path.index(after: close)...])
    if rest.hasPrefix(".") { rest.removeFirst() }
    let renamed: [String: String] = [
      "character.avatar_id": "avatar_id", "voice.voice_id": "voice_id",
      "voice.input_text": "script",
      "voice.speed": "voice_settings.speed", "voice.pitch": "voice_settings.pitch",
      "voice.volume": "voice_settings.volume", "voice.locale": "voice_settings.locale",
      "voice.audio_url": "audio_url", "voice.audio_asset_id": "audio_asset_id",
      "background.value": "background.value", "background.url": "background.url",
      "background.image_asset_id": "background.asset_id",
    ]
    switch body {
    case .avatar, .image:
      if rest.hasPrefix("character.") { return body.isImage ? "image" : "avatar_id" }
      return renamed[rest] ?? rest
    case .studio(let studio):
      guard index < studio.scenes.count else { return "scenes[\(index)]" }
      switch studio.scenes[index] {
      case .avatarVideo(let scene):
        if rest.hasPrefix("character.") {
          return "scenes[\(index)].input.\(scene.input.type == "image" ? "image" : "avatar_id")"
        }
        let field = rest.hasPrefix("background") ? "background" : (renamed[rest] ?? rest)
        return "scenes[\(index)].input.\(field)"
      case .image, .video:
        if rest.hasPrefix("background") { return "scenes[\(index)].source" }
        return "scenes[\(index)].\(renamed[rest] ?? rest)"
      }
    case .unsupported:
      return path
    }
  }

  private static func scenesField(_ body: V3VideoCreateRequest) -> String {
    if case .studio = body { return "scenes" }
    return "type"
  }
}

extension V3VideoCreateRequest {
  fileprivate var isImage: Bool {
    if case .image = self { return true }
    return false
  }
}

extension InvalidField {
  var asApplicationError: ApplicationError { .invalid(self) }
}

/// The ids of what one request stored before it was accepted.
actor MadeForRequest {
  private(set) var assets: [String] = []
  private(set) var photos: [String] = []

  var all: (assets: [String], photos: [String]) { (assets, photos) }

  func asset(_ id: String) { assets.append(id) }

  func photo(_ record: TalkingPhotoRecord) -> TalkingPhotoRecord {
    photos.append(record.id.rawValue)
    return record
  }
}
