import HeyGenAPI

/// What a presenter or a narrated slide says in a v3 body: a script in a voice, or a
/// recording, with v3's `voice_settings`. Encoded flat, beside the keys of whatever holds it,
/// as v3 writes it.
struct V3SpeechBody: Encodable {
  var script: String?
  var voiceId: String?
  var audioUrl: String?
  var audioAssetId: String?
  var voiceSettings: VoiceSettings?

  struct VoiceSettings: Encodable {
    var speed: Double?
    var pitch: Double?
    var volume: Double?
    var locale: String?
  }

  /// Nil for silence and for what v3 has no field for (emotions, ElevenLabs settings).
  init?(_ voice: Voice) {
    switch voice {
    case .text(let text):
      guard text.emotion == nil, text.elevenlabsSettings == nil else { return nil }
      script = text.inputText
      voiceId = text.voiceId
      if text.speed != nil || text.pitch != nil || text.volume != nil || text.locale != nil {
        voiceSettings = .init(
          speed: text.speed, pitch: text.pitch, volume: text.volume, locale: text.locale)
      }
    case .audio(let audio):
      guard audio.audioUrl != nil || audio.audioAssetId != nil else { return nil }
      audioUrl = audio.audioUrl
      audioAssetId = audio.audioAssetId
      if audio.volume != nil { voiceSettings = .init(volume: audio.volume) }
    case .silence:
      return nil
    }
  }

  enum CodingKeys: String, CodingKey {
    case script
    case voiceId = "voice_id"
    case audioUrl = "audio_url"
    case audioAssetId = "audio_asset_id"
    case voiceSettings = "voice_settings"
  }
}

/// A generate request as v3's `type: "studio"` body, when v3 can say all of it: scenes that
/// are each a presenter (a built-in look or a talking photo by its look id, at its default
/// place and size, speaking a script or a recording, over a colour or the default
/// background), a still picture shown whole
/// (`fit: contain`) for a set time or while it is narrated, or a clip played whole; a frame
/// size v3's `aspect_ratio` and `resolution` name; and the request's title, captions,
/// callback, folder and test flag. Anything else (text overlays, offsets and scales,
/// talking-photo styles, pictures cropped to fill, looping clips, watermarks, other frame
/// sizes) makes it nil, and the request goes to v2 as it is.
struct V3StudioVideoBody: Encodable {
  var scenes: [Scene]
  var options: V3VideoOptionsBody

  /// v3's AssetInput: a URL or an uploaded asset.
  struct Source: Encodable {
    var type: String
    var url: String?
    var assetId: String?

    init?(url: String?, assetId: String?) {
      guard url != nil || assetId != nil else { return nil }
      type = url != nil ? "url" : "asset_id"
      self.url = url
      self.assetId = url != nil ? nil : assetId
    }

    enum CodingKeys: String, CodingKey {
      case type, url
      case assetId = "asset_id"
    }
  }

  enum Scene: Encodable {
    case avatar(lookID: String, speech: V3SpeechBody, color: String?)
    case image(Source, duration: Double?, speech: V3SpeechBody?)
    /// A clip played whole, its own sound at `volume` (0: muted, as a v2 background video is
    /// unless it names a `sound_volume`).
    case video(Source, volume: Double)

    /// The scene v3 can say for `input`, or nil.
    init?(_ input: VideoInput) {
      guard input.text == nil else { return nil }
      if let character = input.character {
        guard let lookID = V3AvatarVideoBody.lookID(character),
          let speech = V3SpeechBody(input.voice)
        else { return nil }
        switch input.background {
        case nil: self = .avatar(lookID: lookID, speech: speech, color: nil)
        case .color(let color)?: self = .avatar(lookID: lookID, speech: speech, color: color)
        default: return nil
        }
        return
      }
      switch input.background {
      case .image(let image)?:
        guard image.fit == .contain,
          let source = Source(url: image.url, assetId: image.imageAssetId)
        else { return nil }
        if case .silence(let silence) = input.voice {
          // v3 shows a silent slide for 5 s unless told; v2's default differs, so only a
          // stated time is carried over.
          guard let duration = silence.duration, (0.1...300).contains(duration) else {
            return nil
          }
          self = .image(source, duration: duration, speech: nil)
        } else {
          guard let speech = V3SpeechBody(input.voice) else { return nil }
          self = .image(source, duration: nil, speech: speech)
        }
      case .video(let video)?:
        guard video.playStyle == .fullVideo, video.fit == .contain,
          case .silence(let silence) = input.voice, silence.duration == nil,
          let source = Source(url: video.url, assetId: video.videoAssetId)
        else { return nil }
        self = .video(source, volume: video.soundVolume ?? 0)
      default:
        return nil
      }
    }

    enum CodingKeys: String, CodingKey {
      case type, input, background, source, duration, playback
      case avatarId = "avatar_id"
    }

    /// v3 plays a clip's sound at its source level unless told otherwise.
    struct Playback: Encodable {
      var volume: Double?
      var mute: Bool?
    }

    struct Color: Encodable {
      var type = "color"
      var color: String
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .avatar(let lookID, let speech, let color):
        try c.encode("avatar_video", forKey: .type)
        let inputEncoder = c.superEncoder(forKey: .input)
        var input = inputEncoder.container(keyedBy: CodingKeys.self)
        try input.encode("avatar", forKey: .type)
        try input.encode(lookID, forKey: .avatarId)
        try input.encodeIfPresent(color.map { Color(color: $0) }, forKey: .background)
        try speech.encode(to: inputEncoder)
      case .image(let source, let duration, let speech):
        try c.encode("image", forKey: .type)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(duration, forKey: .duration)
        try speech?.encode(to: encoder)
      case .video(let source, let volume):
        try c.encode("video", forKey: .type)
        try c.encode(source, forKey: .source)
        try c.encode(
          volume > 0 ? Playback(volume: volume) : Playback(mute: true), forKey: .playback)
      }
    }
  }

  init?(_ request: VideoGenerateRequest) {
    guard !request.videoInputs.isEmpty, request.videoInputs.count <= 50,
      let options = V3VideoOptionsBody(request)
    else { return nil }
    var scenes: [Scene] = []
    for input in request.videoInputs {
      guard let scene = Scene(input) else { return nil }
      scenes.append(scene)
    }
    self.scenes = scenes
    self.options = options
  }

  enum CodingKeys: String, CodingKey {
    case type, scenes
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("studio", forKey: .type)
    try c.encode(scenes, forKey: .scenes)
    try options.encode(to: encoder)
  }
}
