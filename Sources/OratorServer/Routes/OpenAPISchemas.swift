import OratorCore

/// The response and request shapes of the OpenAPI description, as JSON Schema (2020-12,
/// which OpenAPI 3.1 uses). Every listed property is required: Orator always sends every
/// key, with an explicit null where there is no value.
enum OpenAPISchemas {
  static func ref(_ name: String) -> JSONTree { ["$ref": .string("#/components/schemas/\(name)")] }

  /// An object whose properties are all required.
  static func object(
    _ properties: [String: JSONTree], optional: Set<String> = [], description: String? = nil
  )
    -> JSONTree
  {
    var schema: JSONTree = [
      "type": "object", "properties": .object(properties),
      "required": .array(
        properties.keys.filter { !optional.contains($0) }.sorted().map(JSONTree.string)),
    ]
    if let description { schema = schema.merging(["description": .string(description)]) }
    return schema
  }

  static func array(_ items: JSONTree) -> JSONTree { ["type": "array", "items": items] }
  static func nullable(_ type: String) -> JSONTree { ["type": [.string(type), "null"]] }
  static func nullable(ref name: String) -> JSONTree { ["anyOf": [ref(name), ["type": "null"]]] }
  static func described(_ schema: JSONTree, _ text: String) -> JSONTree {
    schema.merging(["description": .string(text)])
  }

  static let string: JSONTree = ["type": "string"]
  static let integer: JSONTree = ["type": "integer"]
  static let number: JSONTree = ["type": "number"]
  static let boolean: JSONTree = ["type": "boolean"]
  static let url: JSONTree = ["type": "string", "format": "uri"]
  static let null: JSONTree = ["type": "null"]

  /// `{"error": null, "data": …}`.
  static func v2(_ data: JSONTree) -> JSONTree {
    object(["error": null, "data": data])
  }

  /// `{"code": 100, "data": …, "message": "Success", "msg": null}`.
  static func v1(_ data: JSONTree) -> JSONTree {
    object([
      "code": ["type": "integer", "const": 100], "data": data, "message": string,
      "msg": nullable("string"),
    ])
  }

  static let all: [String: JSONTree] = [
    "V2Error": object(
      [
        "code": described(string, "snake_case: invalid_parameter, missing_parameter, not_found, …"),
        "message": string,
      ]),
    "V2ErrorResponse": object(["error": ref("V2Error"), "data": null]),
    "V1ErrorResponse": object([
      "code": described(
        integer, "HeyGen's numeric code: 40001 missing parameter, 400175 invalid parameter, …"),
      "data": null, "message": string, "msg": nullable("string"),
    ]),
    "Unauthorized": object([
      "code": ["type": "integer", "const": 400112],
      "message": ["type": "string", "const": "Unauthorized"],
      "data": null, "error": ref("V2Error"),
    ]),
    "Avatar": avatar,
    "TalkingPhoto": object([
      "talking_photo_id": string, "talking_photo_name": string, "preview_image_url": url,
    ]),
    "AvatarList": object([
      "avatars": array(ref("Avatar")), "talking_photos": array(ref("TalkingPhoto")),
    ]),
    "AvatarDetails": object([
      "type": ["type": "string", "const": "avatar"], "id": string, "name": string, "gender": string,
      "preview_image_url": url, "preview_video_url": url, "premium": boolean, "is_public": boolean,
      "default_voice_id": nullable("string"), "tags": array(string),
    ]),
    "AvatarGroup": object([
      "id": string, "name": string, "created_at": integer, "num_looks": integer,
      "preview_image": url,
      "group_type": string, "train_status": nullable("string"),
      "default_voice_id": nullable("string"),
    ]),
    "AvatarGroupList": object([
      "total_count": integer, "avatar_group_list": array(ref("AvatarGroup")),
    ]),
    "AvatarGroupLook": [
      "allOf": [
        ref("Avatar"),
        object([
          "id": string, "name": string, "image_url": url, "group_id": string, "created_at": integer,
          "status": string, "is_motion": boolean, "motion_preview_url": nullable("string"),
        ]),
      ]
    ],
    "AvatarGroupLooks": object(["avatar_list": array(ref("AvatarGroupLook"))]),
    "Voice": object([
      "voice_id": string, "name": string,
      "language": described(string, "English name, e.g. English"),
      "gender": ["type": "string", "enum": ["female", "male", "unknown"]], "preview_audio": url,
      "support_pause": boolean, "emotion_support": boolean, "support_interactive_avatar": boolean,
      "locale": described(string, "BCP 47 tag, e.g. en-US (an Orator extension)"),
    ]),
    "VoiceList": object(["voices": array(ref("Voice"))]),
    "RemainingQuota": object([
      "remaining_quota": described(integer, "seconds of video the account can still start"),
      "details": object([
        "api": integer, "streaming_avatar": integer, "streaming_avatar_instance_quota": integer,
        "seat": integer,
      ]),
    ]),
    "UploadedTalkingPhoto": object([
      "talking_photo_id": described(string, "use as character.talking_photo_id"),
      "talking_photo_url": url,
    ]),
    "TalkingPhotoSummaryList": object([
      "list": array(
        object([
          "id": string, "name": string, "image_url": url, "circle_image": url,
          "talking_photo_id": string, "talking_photo_name": string,
        ]))
    ]),
    "UploadedAsset": object([
      "id": described(string, "use as image_asset_id, video_asset_id or audio_asset_id"),
      "name": string,
      "file_type": ["type": "string", "enum": ["image", "video", "audio"]], "url": url,
      "image_key": nullable("string"), "folder_id": string, "meta": nullable("string"),
      "created_ts": integer,
    ]),
    "VideoGenerateRequest": videoGenerateRequest,
    "VideoGenerateResult": object(["video_id": string]),
    "TemplateVariable": object(
      [
        "name": string,
        "type": [
          "type": "string", "enum": ["text", "image", "video", "audio", "character", "voice"],
        ],
        "properties": [
          "type": "object",
          "description":
            "text: content; image: url | asset_id, fit; video: url | asset_id, play_style, fit; audio: url | asset_id; character: character_id, type; voice: voice_id",
        ],
      ], optional: ["name"]),
    "TemplateListItem": object(
      ["template_id": string, "name": string, "thumbnail_image_url": url, "aspect_ratio": string]),
    "TemplateList": object(["templates": array(ref("TemplateListItem"))]),
    "TemplateDetail": object(
      [
        "template_id": string, "name": string, "thumbnail_image_url": url, "aspect_ratio": string,
        "variables": ["type": "object", "additionalProperties": ref("TemplateVariable")],
      ]),
    "TemplateDocument": [
      "type": "object",
      "description":
        "Either {\"from_video_id\": id} or a generate body whose strings may hold {{name}} placeholders, with name and variables",
      "properties": [
        "name": string, "from_video_id": string,
        "variables": ["type": "object", "additionalProperties": ref("TemplateVariable")],
        "video_inputs": ["type": "array", "items": ["type": "object"]],
        "dimension": ["type": "object"],
      ],
    ],
    "TemplateGenerateRequest": object(
      [
        "variables": ["type": "object", "additionalProperties": ref("TemplateVariable")],
        "title": string, "caption": ["type": "boolean"], "callback_id": string,
        "dimension": ["type": "object"], "test": ["type": "boolean"],
      ], optional: ["title", "caption", "callback_id", "dimension", "test"]),
    "VideoError": object(["code": integer, "message": string, "detail": string]),
    "VideoStatus": object([
      "id": string,
      "status": ["type": "string", "enum": ["pending", "processing", "completed", "failed"]],
      "video_url": nullable("string"), "thumbnail_url": nullable("string"),
      "gif_url": nullable("string"),
      "caption_url": nullable("string"), "video_url_caption": nullable("string"),
      "duration": nullable("number"),
      "created_at": integer, "callback_id": nullable("string"),
      "error": nullable(ref: "VideoError"),
      "progress": described(
        ["type": ["number", "null"], "minimum": 0, "maximum": 1],
        "How far the render is: 0 queued, 1 completed, null once failed"),
    ]),
    "VideoListItem": object([
      "video_id": string, "video_title": string, "status": string, "created_at": integer,
      "type": ["type": "string", "enum": ["GENERATED", "TRANSLATED"]],
    ]),
    "VideoList": object([
      "videos": array(ref("VideoListItem")),
      "token": described(nullable("string"), "pass as `token` for the next page; null on the last"),
    ]),
    "VideoIdBody": object(["video_id": string]),
  ]

  static let avatar = object([
    "avatar_id": string, "avatar_name": string, "gender": string, "preview_image_url": url,
    "preview_video_url": url, "premium": boolean, "type": nullable("string"), "tags": array(string),
    "default_voice_id": nullable("string"),
  ])

  /// The main fields of a generate request; the server also accepts HeyGen's aliases
  /// (`dimensions`, `elevanlabs_settings`) and ignores unknown keys.
  static let videoGenerateRequest = object(
    [
      "video_inputs": [
        "type": "array", "minItems": 1, "maxItems": 50,
        "items": object(
          [
            "character": [
              "type": "object",
              "description":
                "{type: avatar, avatar_id, avatar_style: normal|closeUp|circle, scale, offset} | {type: talking_photo, talking_photo_id, talking_photo_style: square|circle, scale, offset, circle_background_color}",
            ],
            "voice": [
              "type": "object",
              "description":
                "{type: text, voice_id, input_text (≤ 5000 characters), speed 0.5–1.5, pitch −50…50} | {type: audio, audio_url | audio_asset_id} | {type: silence, duration}",
            ],
            "background": [
              "type": "object",
              "description":
                "{type: color, value: #RRGGBB} | {type: image, url | image_asset_id, fit} | {type: video, url | video_asset_id, play_style, fit, sound_volume (Orator extension: the clip's own sound, 0–1; silent when absent)}",
            ],
          ], optional: ["character", "background"]),
      ],
      "dimension": object(
        ["width": integer, "height": integer], description: "even, 128–4096; default 1920×1080"),
      "title": string, "caption": boolean, "callback_id": string, "callback_url": url,
      "test": boolean,
    ], optional: ["dimension", "title", "caption", "callback_id", "callback_url", "test"])
}
