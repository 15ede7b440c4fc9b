import HeyGenAPI
import OratorCore

/// One scene with every reference resolved: catalogue entries looked up, media fetched,
/// colours parsed. Building it is where bad input is found, before any frame is drawn.
struct ScenePlan {
  enum Speech {
    case text(voice: VoiceDescriptor, script: String, speed: Double, pitch: Double)
    case audio(path: String)
    case silence(seconds: Double)
    /// A background clip's own sound, fitted to the clip's length (`seconds`).
    case clipSound(path: String, seconds: Double)
  }

  enum Backdrop {
    case color(RGBColor)
    case image(path: String, fit: BackgroundFit)
    case video(path: String, playStyle: PlayStyle, fit: BackgroundFit)
  }

  struct Presenter {
    var avatar: AvatarDefinition
    var style: AvatarStyle
    var scale: Double
    var offset: Offset
    var circleColor: RGBColor
  }

  /// A talking photo presenting the scene.
  struct Photo {
    var id: String
    var path: String
    var face: FaceLandmarks
    var circle: Bool
    var scale: Double
    var offset: Offset
    var circleColor: RGBColor
  }

  var index: Int
  var presenter: Presenter?
  var photo: Photo? = nil
  var speech: Speech
  /// The loudness of the scene's voice, 0…1.
  var volume: Double = 1
  var backdrop: Backdrop
  var text: TextOverlay?
}

/// Resolves a validated request against the catalogue and the media resolver.
struct ScenePlanner {
  var avatars: [String: AvatarDefinition]
  var voices: [String: VoiceDescriptor]
  var media: any MediaResolver

  /// HeyGen's studio default background.
  static let defaultBackground = RGBColor(red: 0xf6, green: 0xf6, blue: 0xfc)

  func plan(_ input: VideoInput, index: Int) async throws(InvalidField) -> ScenePlan {
    let path = "video_inputs[\(index)]"
    var presenter: ScenePlan.Presenter?
    var photo: ScenePlan.Photo?
    switch input.character {
    case .avatar(let character):
      guard
        let look = AvatarLook.find(character.avatarId, in: Array(avatars.values))
      else {
        throw InvalidField(
          path: "\(path).character.avatar_id", message: "unknown avatar \"\(character.avatarId)\"")
      }
      presenter = ScenePlan.Presenter(
        avatar: look.avatar, style: character.avatarStyle ?? look.style,
        scale: character.scale ?? 1,
        offset: character.offset ?? Offset(x: 0, y: 0),
        circleColor: character.circleBackgroundColor.flatMap(RGBColor.init(hex:)) ?? .white)
    case .talkingPhoto(let character):
      let file = try await media.talkingPhoto(
        character.talkingPhotoId, field: "\(path).character.talking_photo_id")
      photo = ScenePlan.Photo(
        id: character.talkingPhotoId, path: file.path, face: file.face,
        circle: character.talkingPhotoStyle == "circle", scale: character.scale ?? 1,
        offset: character.offset ?? Offset(x: 0, y: 0),
        circleColor: character.circleBackgroundColor.flatMap(RGBColor.init(hex:)) ?? .white)
    case nil:
      presenter = nil
    }

    var speech: ScenePlan.Speech
    switch input.voice {
    case .text(let text):
      guard let voice = voices[text.voiceId] else {
        throw InvalidField(
          path: "\(path).voice.voice_id", message: "unknown voice \"\(text.voiceId)\"")
      }
      speech = .text(
        voice: voice, script: text.inputText, speed: text.speed ?? 1, pitch: text.pitch ?? 0)
    case .audio(let audio):
      let file =
        if let url = audio.audioUrl, !url.isEmpty {
          try await media.file(forURL: url, kind: .audio, field: "\(path).voice.audio_url")
        } else {
          try await media.file(
            forAsset: audio.audioAssetId ?? "", kind: .audio, field: "\(path).voice.audio_asset_id")
        }
      speech = .audio(path: file)
    case .silence(let silence):
      speech = .silence(seconds: silence.duration ?? 1)
    }

    let backdrop: ScenePlan.Backdrop
    switch input.background {
    case nil:
      backdrop = .color(Self.defaultBackground)
    case .color(let value):
      guard let color = RGBColor(hex: value) else {
        throw InvalidField(
          path: "\(path).background.value", message: "must be a hex colour, got \"\(value)\"")
      }
      backdrop = .color(color)
    case .image(let image):
      let file =
        if let url = image.url, !url.isEmpty {
          try await media.file(forURL: url, kind: .image, field: "\(path).background.url")
        } else {
          try await media.file(
            forAsset: image.imageAssetId ?? "", kind: .image,
            field: "\(path).background.image_asset_id")
        }
      backdrop = .image(path: file, fit: image.fit ?? .cover)
    case .video(let video):
      let file =
        if let url = video.url, !url.isEmpty {
          try await media.file(forURL: url, kind: .video, field: "\(path).background.url")
        } else {
          try await media.file(
            forAsset: video.videoAssetId ?? "", kind: .video,
            field: "\(path).background.video_asset_id")
        }
      backdrop = .video(path: file, playStyle: video.playStyle ?? .loop, fit: video.fit ?? .cover)
    }
    // A silent scene over a clip played in full (`play_style: full_video`, or a v3 video
    // scene) lasts as long as the clip, unless the request gives a duration; with
    // `sound_volume` the clip's own sound plays, if it has any.
    var clipVolume: Double?
    if case .silence(let silence) = input.voice, silence.duration == nil,
      case .video(let clip, .fullVideo, _) = backdrop
    {
      let seconds: Double
      let hasSound: Bool
      do {
        seconds = max(0.1, try await FFmpeg.duration(of: clip))
        hasSound = try await FFmpeg.hasAudio(clip)
      } catch {
        throw InvalidField(
          path: "\(path).background", message: "the video's length cannot be read")
      }
      if case .video(let video) = input.background, let level = video.soundVolume, level > 0,
        hasSound
      {
        speech = .clipSound(path: clip, seconds: seconds)
        clipVolume = level
      } else {
        speech = .silence(seconds: seconds)
      }
    }
    let volume: Double? =
      switch input.voice {
      case .text(let text): text.volume
      case .audio(let audio): audio.volume
      case .silence: clipVolume
      }
    return ScenePlan(
      index: index, presenter: presenter, photo: photo, speech: speech, volume: volume ?? 1,
      backdrop: backdrop, text: input.text)
  }
}
