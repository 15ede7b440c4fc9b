// Wire types of `POST /v3/videos`: a union on `type`. Unknown keys are ignored (n8n sends
// `test`, `folder_id` and `enable_caption`, which the schema does not have).

/// The body of `POST /v3/videos`.
public enum V3VideoCreateRequest: Decodable, Sendable, Equatable {
  case avatar(V3AvatarVideo)
  /// A portrait that speaks: v3's talking photo.
  case image(V3ImageVideo)
  case studio(V3StudioVideo)
  /// A kind of video HeyGen has and this server does not make (yet): its `type`.
  case unsupported(String)

  enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: TypeKey.self)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "avatar": self = .avatar(try V3AvatarVideo(from: decoder))
    case "studio": self = .studio(try V3StudioVideo(from: decoder))
    case "image": self = .image(try V3ImageVideo(from: decoder))
    default: self = .unsupported(type)
    }
  }
}

/// What every v3 video body may carry besides its content.
public struct V3VideoOptions: Decodable, Sendable, Equatable {
  public var title: String?
  public var aspectRatio: String?
  public var resolution: String?
  public var caption: V3Caption?
  public var callbackUrl: String?
  public var callbackId: String?
  public var watermark: V3Watermark?
  public var outputFormat: String?
  /// Not in the schema, but sent by n8n.
  public var folderId: String?
  public var test: Bool?

  enum CodingKeys: String, CodingKey {
    case title, resolution, caption, watermark, test
    case aspectRatio = "aspect_ratio"
    case callbackUrl = "callback_url"
    case callbackId = "callback_id"
    case outputFormat = "output_format"
    case folderId = "folder_id"
  }
}

/// `type: "avatar"`: one presenter speaking one script (or audio) over one background.
public struct V3AvatarVideo: Decodable, Sendable, Equatable {
  public var avatarId: String
  public var speech: V3Speech
  public var background: V3Background?
  public var fit: String?
  public var removeBackground: Bool?
  public var options: V3VideoOptions

  enum CodingKeys: String, CodingKey {
    case avatarId = "avatar_id"
    case background, fit
    case removeBackground = "remove_background"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    avatarId = try container.decode(String.self, forKey: .avatarId)
    background = try container.decodeIfPresent(V3Background.self, forKey: .background)
    fit = try container.decodeIfPresent(String.self, forKey: .fit)
    removeBackground = try container.decodeIfPresent(Bool.self, forKey: .removeBackground)
    speech = try V3Speech(from: decoder)
    options = try V3VideoOptions(from: decoder)
  }
}

/// `type: "image"`: a portrait (`image`) animated as a talking photo, speaking one script (or
/// audio) over one background.
public struct V3ImageVideo: Decodable, Sendable, Equatable {
  public var image: V3AssetInput
  public var speech: V3Speech
  public var background: V3Background?
  public var fit: String?
  public var options: V3VideoOptions

  enum CodingKeys: String, CodingKey {
    case image, background, fit
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    image = try container.decode(V3AssetInput.self, forKey: .image)
    background = try container.decodeIfPresent(V3Background.self, forKey: .background)
    fit = try container.decodeIfPresent(String.self, forKey: .fit)
    speech = try V3Speech(from: decoder)
    options = try V3VideoOptions(from: decoder)
  }
}

/// What a presenter says: a script in a voice, or a recording.
public struct V3Speech: Decodable, Sendable, Equatable {
  public var script: String?
  public var voiceId: String?
  public var audioUrl: String?
  public var audioAssetId: String?
  public var voiceSettings: V3VoiceSettings?

  enum CodingKeys: String, CodingKey {
    case script
    case voiceId = "voice_id"
    case audioUrl = "audio_url"
    case audioAssetId = "audio_asset_id"
    case voiceSettings = "voice_settings"
  }
}

public struct V3VoiceSettings: Decodable, Sendable, Equatable {
  public var speed: Double?
  public var pitch: Double?
  public var volume: Double?
  public var locale: String?
}

/// `{type: color, value}` or `{type: image, url | asset_id}`.
public struct V3Background: Decodable, Sendable, Equatable {
  public var type: String
  public var value: String?
  public var url: String?
  public var assetId: String?

  enum CodingKeys: String, CodingKey {
    case type, value, url
    case assetId = "asset_id"
  }
}

public struct V3Caption: Decodable, Sendable, Equatable {
  public var fileFormat: String?
  /// `default` burns the captions in; absent means the sidecar file only.
  public var style: String?

  enum CodingKeys: String, CodingKey {
    case fileFormat = "file_format"
    case style
  }
}

public struct V3Watermark: Decodable, Sendable, Equatable {
  public var image: V3AssetInput?
  public var scale: Double?
  public var opacity: Double?
  public var placement: Placement?

  public struct Placement: Decodable, Sendable, Equatable {
    public var position: ImageWatermark.Position?
    public var offsetX: Double?
    public var offsetY: Double?

    enum CodingKeys: String, CodingKey {
      case position
      case offsetX = "offset_x"
      case offsetY = "offset_y"
    }
  }
}

/// v3's union for every field that takes a file.
public enum V3AssetInput: Decodable, Sendable, Equatable {
  case url(String)
  case assetId(String)
  case base64(mediaType: String, data: String)

  enum CodingKeys: String, CodingKey {
    case type, url, data
    case assetId = "asset_id"
    case mediaType = "media_type"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(String.self, forKey: .type) {
    case "url": self = .url(try container.decode(String.self, forKey: .url))
    case "asset_id": self = .assetId(try container.decode(String.self, forKey: .assetId))
    case "base64":
      self = .base64(
        mediaType: try container.decode(String.self, forKey: .mediaType),
        data: try container.decode(String.self, forKey: .data))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container,
        debugDescription: "must be url, asset_id or base64, got \"\(other)\"")
    }
  }
}

/// `type: "studio"`: up to 50 scenes, each a presenter, a still image or a clip.
public struct V3StudioVideo: Decodable, Sendable, Equatable {
  public var scenes: [V3Scene]
  public var options: V3VideoOptions

  enum CodingKeys: String, CodingKey { case scenes }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    scenes = try container.decode([V3Scene].self, forKey: .scenes)
    options = try V3VideoOptions(from: decoder)
  }
}

public enum V3Scene: Decodable, Sendable, Equatable {
  case avatarVideo(V3AvatarScene)
  case image(V3ImageScene)
  case video(V3VideoScene)

  enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: TypeKey.self)
    switch try container.decode(String.self, forKey: .type) {
    case "avatar_video": self = .avatarVideo(try V3AvatarScene(from: decoder))
    case "image": self = .image(try V3ImageScene(from: decoder))
    case "video": self = .video(try V3VideoScene(from: decoder))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container,
        debugDescription: "must be avatar_video, image or video, got \"\(other)\"")
    }
  }
}

/// A presenter scene; `input.type` is `avatar` (a look) or `image` (a talking photo).
public struct V3AvatarScene: Decodable, Sendable, Equatable {
  public var input: Input

  public struct Input: Decodable, Sendable, Equatable {
    public var type: String
    public var avatarId: String?
    /// The portrait of an `image` input.
    public var image: V3AssetInput?
    public var speech: V3Speech
    public var background: StudioBackground?

    enum CodingKeys: String, CodingKey {
      case type, background, image
      case avatarId = "avatar_id"
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      type = try container.decode(String.self, forKey: .type)
      avatarId = try container.decodeIfPresent(String.self, forKey: .avatarId)
      image = try container.decodeIfPresent(V3AssetInput.self, forKey: .image)
      background = try container.decodeIfPresent(StudioBackground.self, forKey: .background)
      speech = try V3Speech(from: decoder)
    }
  }

  /// Studio scene backgrounds are colours only, under `color` (not `value`).
  public struct StudioBackground: Decodable, Sendable, Equatable {
    public var type: String
    public var color: String?
  }
}

/// A still image, shown for `duration` seconds or while a script or recording plays.
public struct V3ImageScene: Decodable, Sendable, Equatable {
  public var source: V3AssetInput
  public var duration: Double?
  public var speech: V3Speech

  enum CodingKeys: String, CodingKey { case source, duration }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    source = try container.decode(V3AssetInput.self, forKey: .source)
    duration = try container.decodeIfPresent(Double.self, forKey: .duration)
    speech = try V3Speech(from: decoder)
  }
}

/// A video clip played whole, its own sound with it unless `playback` turns it down.
public struct V3VideoScene: Decodable, Sendable, Equatable {
  public var source: V3AssetInput
  public var playback: V3Playback?
}

/// How a clip's sound plays: `volume` 0…1 (1, the source level, when absent); `mute` silences
/// it whatever the volume.
public struct V3Playback: Decodable, Sendable, Equatable {
  public var volume: Double?
  public var mute: Bool?
}
