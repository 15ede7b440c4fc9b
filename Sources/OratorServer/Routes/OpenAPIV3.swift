import OratorCore

/// The HeyGen v3 part of the OpenAPI description: `{data}` answers, lists with `has_more`
/// and `next_token` beside `data`, `{error: {code, message, param, doc_url}}` errors, and
/// the create-video body as a `oneOf` on `type`.
enum OpenAPIV3 {
  typealias S = OpenAPISchemas
  typealias P = OpenAPIPaths

  static func data(_ schema: JSONTree) -> JSONTree { S.object(["data": schema]) }

  static func list(_ item: String) -> JSONTree {
    S.object([
      "data": S.array(S.ref(item)), "has_more": S.boolean, "next_token": S.nullable("string"),
    ])
  }

  static func error(_ description: String) -> JSONTree {
    P.json(S.ref("V3ErrorResponse"), description)
  }

  static func operation(
    _ id: String, _ summary: String, tag: String, parameters: [JSONTree] = [],
    body: JSONTree? = nil, responses: [String: JSONTree]
  ) -> JSONTree {
    var responses = responses
    responses["400"] = responses["400"] ?? error("Invalid parameter, named in error.param")
    return P.operation(
      id, summary, tag: tag, parameters: parameters, body: body, responses: responses,
      unauthorized: error("Missing, unknown or revoked key (X-Api-Key or Authorization: Bearer)"))
  }

  static func limit(_ defaultValue: Int, _ max: Int) -> JSONTree {
    P.query(
      "limit", "page size, default \(defaultValue)",
      schema: ["type": "integer", "minimum": 1, "maximum": .number(Double(max))])
  }
  static let token = P.query("token", "next_token of the previous page")
  static let idempotencyKey: JSONTree = [
    "name": "Idempotency-Key", "in": "header", "required": false,
    "description":
      "repeat within 24 h replays the first answer; 409 request_in_progress while it runs",
    "schema": ["type": "string", "pattern": "^[A-Za-z0-9_:.-]{1,255}$"],
  ]

  static let paths: [String: [String: JSONTree]] = [
    "/v3/users/me": [
      "get": operation(
        "v3GetCurrentUser", "The key's account and its remaining credit (seconds of video)",
        tag: "Account", responses: ["200": P.json(data(S.ref("V3User")))])
    ],
    "/v3/avatars": [
      "get": operation(
        "v3ListAvatarGroups", "Presenters, one group per person", tag: "Avatars",
        parameters: [
          P.query("ownership", "public or private", schema: ["enum": ["public", "private"]]),
          limit(20, 50), token,
        ], responses: ["200": P.json(list("V3AvatarGroup"))]),
      "post": operation(
        "v3CreateAvatar",
        "A photo avatar: the portrait's face is found at once; one group with one photo_avatar look",
        tag: "Avatars",
        body: [
          "required": true,
          "content": [
            "application/json": [
              "schema": [
                "type": "object", "required": ["type", "name", "file"],
                "properties": [
                  "type": ["enum": ["photo", "digital_twin", "prompt"]], "name": S.string,
                  "file": assetInput,
                ],
              ]
            ]
          ],
        ],
        responses: [
          "200": P.json(
            data(
              S.object([
                "avatar_group": S.ref("V3AvatarGroup"), "avatar_item": S.ref("V3AvatarLook"),
              ]))),
          "400": error(
            "invalid_parameter: no face, several faces, a face too small, not a picture"),
        ]),
    ],
    "/v3/avatars/{group_id}": [
      "get": operation(
        "v3GetAvatarGroup", "One presenter group", tag: "Avatars",
        parameters: [P.path("group_id", "a group id from GET /v3/avatars")],
        responses: [
          "200": P.json(data(S.ref("V3AvatarGroup"))), "404": error("No such group"),
        ]),
      "delete": operation(
        "v3DeleteAvatarGroup", "Delete a talking photo's group (and its one look)",
        tag: "Avatars", parameters: [P.path("group_id", "a talking photo's group id")],
        responses: [
          "200": P.json(data(S.object(["id": S.string]))), "404": error("No such photo"),
        ]),
    ],
    "/v3/avatars/looks": [
      "get": operation(
        "v3ListAvatarLooks", "Looks (a presenter in one style); a look id is an avatar_id",
        tag: "Avatars",
        parameters: [
          P.query("group_id", "only this group's looks"),
          P.query(
            "avatar_type", "studio_avatar, digital_twin or photo_avatar",
            schema: ["enum": ["studio_avatar", "digital_twin", "photo_avatar"]]),
          P.query("ownership", "public or private", schema: ["enum": ["public", "private"]]),
          limit(20, 50), token,
        ], responses: ["200": P.json(list("V3AvatarLook")), "404": error("No such group")])
    ],
    "/v3/avatars/looks/{look_id}": [
      "get": operation(
        "v3GetAvatarLook", "One look", tag: "Avatars",
        parameters: [P.path("look_id", "a look id")],
        responses: ["200": P.json(data(S.ref("V3AvatarLook"))), "404": error("avatar_not_found")]),
      "patch": operation(
        "v3UpdateAvatarLook", "Rename a talking photo's look (built-in looks keep their names)",
        tag: "Avatars", parameters: [P.path("look_id", "a photo_avatar look id")],
        body: [
          "required": true,
          "content": [
            "application/json": [
              "schema": S.object(
                ["name": ["type": "string", "minLength": 1, "maxLength": 200]],
                optional: ["name"])
            ]
          ],
        ],
        responses: [
          "200": P.json(data(S.ref("V3AvatarLook"))), "400": error("invalid_parameter"),
          "404": error("avatar_not_found"),
        ]),
      "delete": operation(
        "v3DeleteAvatarLook", "Delete a talking photo's look (and its group)", tag: "Avatars",
        parameters: [P.path("look_id", "a photo_avatar look id")],
        responses: [
          "200": P.json(data(S.object(["id": S.string]))), "404": error("No such photo"),
        ]),
    ],
    "/v3/voices": [
      "get": operation(
        "v3ListVoices", "Installed voices", tag: "Voices",
        parameters: [
          P.query("type", "public (default) or private", schema: ["enum": ["public", "private"]]),
          P.query("engine", "speech engine: espeak-ng, piper or openai"),
          P.query("language", "English name or locale"), P.query("gender", "female or male"),
          limit(20, 100), token,
        ], responses: ["200": P.json(list("V3Voice"))])
    ],
    "/v3/voices/speech": [
      "post": operation(
        "v3GenerateSpeech",
        "Speak a script in one voice; the MP3 is kept as an audio asset (request_id is its asset id)",
        tag: "Voices", parameters: [idempotencyKey],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("V3SpeechGenerateRequest")]],
        ],
        responses: [
          "200": P.json(data(S.ref("V3GeneratedSpeech"))), "409": error("request_in_progress"),
          "503": error("service_unavailable"),
        ])
    ],
    "/v3/voices/{voice_id}": [
      "get": operation(
        "v3GetVoice", "One voice", tag: "Voices", parameters: [P.path("voice_id", "a voice id")],
        responses: ["200": P.json(data(S.ref("V3Voice"))), "404": error("voice_not_found")])
    ],
    "/v3/videos": [
      "post": operation(
        "v3CreateVideo", "Queue a video: one presenter (avatar) or scenes (studio)",
        tag: "Videos", parameters: [idempotencyKey],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("V3VideoCreateRequest")]],
        ],
        responses: [
          "200": P.json(data(S.ref("V3VideoCreated"))),
          "402": error("insufficient_credit"),
          "409": error("request_in_progress: the same Idempotency-Key is still running"),
          "413": error("payload_too_large"),
          "429": error("Too many videos queued; see Retry-After"),
        ]),
      "get": operation(
        "v3ListVideos", "Videos, newest first, translated ones included", tag: "Videos",
        parameters: [
          limit(10, 100), token, P.query("title", "title contains"),
          P.query("folder_id", "folder"),
        ], responses: ["200": P.json(list("V3Video"))]),
    ],
    "/v3/videos/statuses": [
      "get": operation(
        "v3VideoStatuses", "Statuses of up to 100 videos", tag: "Videos",
        parameters: [P.query("video_ids", "comma-separated ids", required: true)],
        responses: ["200": P.json(list("V3VideoStatusItem"))])
    ],
    "/v3/videos/{video_id}": [
      "get": operation(
        "v3GetVideo", "A video, with freshly signed links once completed", tag: "Videos",
        parameters: [P.path("video_id", "a video id")],
        responses: ["200": P.json(data(S.ref("V3Video"))), "404": error("video_not_found")]),
      "delete": operation(
        "v3DeleteVideo", "Delete a video and its files", tag: "Videos",
        parameters: [P.path("video_id", "a video id")],
        responses: ["200": P.json(data(S.ref("V3Deleted"))), "404": error("video_not_found")]),
    ],
    "/v3/assets": [
      "get": operation(
        "v3ListAssets", "Uploaded files, newest first", tag: "Assets",
        parameters: [
          limit(20, 100), token,
          P.query("folder_id", "a folder; Orator keeps none, so any folder is empty"),
        ], responses: ["200": P.json(list("V3Asset"))]),
      "post": operation(
        "v3CreateAsset", "Upload a file (png, jpeg, mp4, webm, mp3, wav; ≤ 32 MB)",
        tag: "Assets", parameters: [idempotencyKey],
        body: [
          "required": true,
          "content": [
            "multipart/form-data": [
              "schema": S.object(["file": ["type": "string", "contentEncoding": "binary"]])
            ]
          ],
        ],
        responses: [
          "200": P.json(data(S.ref("V3AssetCreated"))),
          "409": error("request_in_progress"), "413": error("payload_too_large"),
        ]),
    ],
    "/v3/assets/{asset_id}": [
      "get": operation(
        "v3GetAsset", "An uploaded file", tag: "Assets",
        parameters: [P.path("asset_id", "an asset id")],
        responses: ["200": P.json(data(S.ref("V3Asset"))), "404": error("asset_not_available")]),
      "delete": operation(
        "v3DeleteAsset", "Delete an uploaded file", tag: "Assets",
        parameters: [P.path("asset_id", "an asset id")],
        responses: ["200": P.json(data(S.ref("V3Deleted"))), "404": error("asset_not_available")]),
    ],
  ]

  private static let nullableString = S.nullable("string")
  private static let speech: [String: JSONTree] = [
    "script": nullableString, "voice_id": nullableString, "audio_url": nullableString,
    "audio_asset_id": nullableString,
    "voice_settings": [
      "type": ["object", "null"],
      "properties": [
        "speed": ["type": "number", "minimum": 0.5, "maximum": 1.5],
        "pitch": ["type": "number", "minimum": -50, "maximum": 50],
        "volume": ["type": "number", "minimum": 0, "maximum": 1],
        "locale": nullableString,
      ],
    ],
  ]
  private static let options: [String: JSONTree] = [
    "title": nullableString, "callback_url": nullableString, "callback_id": nullableString,
    "folder_id": nullableString,
    "aspect_ratio": ["enum": ["16:9", "9:16", "4:5", "5:4", "1:1", "auto", .null]],
    "resolution": ["enum": ["4k", "1080p", "720p", .null]],
    "caption": [
      "type": ["object", "null"],
      "properties": ["file_format": ["enum": ["srt"]], "style": ["enum": ["default", .null]]],
    ],
    "output_format": ["enum": ["mp4"]],
    "watermark": [
      "type": ["object", "null"], "required": ["image"],
      "description":
        "A picture over every frame; scale 1 is a sixth of the frame's width, offsets are fractions of the frame",
      "properties": [
        "image": assetInput,
        "scale": ["type": "number", "minimum": 0.1, "maximum": 6],
        "opacity": ["type": "number", "minimum": 0, "maximum": 1],
        "placement": [
          "type": ["object", "null"],
          "properties": [
            "position": ["enum": ["top_left", "top_right", "bottom_left", "bottom_right"]],
            "offset_x": ["type": ["number", "null"], "minimum": 0, "maximum": 0.5],
            "offset_y": ["type": ["number", "null"], "minimum": 0, "maximum": 0.5],
          ],
        ],
      ],
    ],
  ]

  /// A studio presenter scene's background: a colour under `color`.
  static let studioBackground: JSONTree = [
    "type": ["object", "null"], "required": ["type", "color"],
    "properties": ["type": ["const": "color"], "color": S.string],
  ]

  static let assetInput: JSONTree = [
    "oneOf": [
      S.object(["type": ["const": "url"], "url": S.string]),
      S.object(["type": ["const": "asset_id"], "asset_id": S.string]),
      S.object(["type": ["const": "base64"], "media_type": S.string, "data": S.string]),
    ]
  ]

  static let schemas: [String: JSONTree] = [
    "V3Error": S.object(
      ["code": S.string, "message": S.string, "param": S.string, "doc_url": S.url],
      optional: ["param"]),
    "V3ErrorResponse": S.object(["error": S.ref("V3Error")]),
    "V3User": S.object(
      [
        "username": S.string, "email": nullableString, "first_name": nullableString,
        "last_name": nullableString, "billing_type": ["const": "wallet"],
        "wallet": S.object(["currency": ["const": "credits"], "remaining_balance": S.number]),
      ]),
    "V3AvatarGroup": S.object(
      [
        "id": S.string, "name": S.string, "created_at": S.integer, "looks_count": S.integer,
        "gender": S.string, "default_voice_id": S.string, "preview_image_url": S.url,
        "preview_video_url": S.url,
      ]),
    "V3AvatarLook": S.object(
      [
        "id": S.string, "name": S.string,
        "avatar_type": ["enum": ["studio_avatar", "digital_twin", "photo_avatar"]],
        "group_id": S.string, "gender": S.string, "default_voice_id": S.string,
        "preview_image_url": S.url, "preview_video_url": S.url,
        "preferred_orientation": ["enum": ["portrait", "landscape", "square"]],
        "supported_api_engines": S.array(S.string), "tags": S.array(S.string),
      ]),
    "V3Voice": S.object(
      [
        "voice_id": S.string, "name": S.string, "language": S.string, "gender": S.string,
        "type": ["enum": ["public", "private"]], "support_pause": S.boolean,
        "support_locale": S.boolean, "preview_audio_url": S.url, "engine": S.string,
        "locale": S.string,
      ]),
    "V3VideoCreated": S.object(
      ["video_id": S.string, "status": S.string, "output_format": ["enum": ["mp4"]]]),
    "V3Video": S.object(
      [
        "id": S.string, "status": ["enum": ["pending", "processing", "completed", "failed"]],
        "title": S.string, "created_at": S.integer, "completed_at": S.integer,
        "duration": S.number, "video_url": S.url, "captioned_video_url": S.url,
        "subtitle_url": S.url, "thumbnail_url": S.url, "gif_url": S.url,
        "video_page_url": S.url, "folder_id": S.string, "failure_code": S.string,
        "failure_message": S.string, "output_language": S.string,
        "progress": S.described(
          ["type": "number", "minimum": 0, "maximum": 1],
          "How far the render is: 0 queued, 1 completed; absent once failed"),
      ],
      optional: [
        "completed_at", "duration", "video_url", "captioned_video_url", "subtitle_url",
        "thumbnail_url", "gif_url", "video_page_url", "folder_id", "failure_code",
        "failure_message", "output_language", "progress",
      ]),
    "V3VideoStatusItem": S.object(
      [
        "video_id": S.string,
        "status": ["enum": ["queued", "processing", "completed", "failed", "not_found"]],
        "error": S.object(["code": S.string, "message": S.string]),
      ], optional: ["error"]),
    "V3Deleted": S.object(["id": S.string, "deleted": S.boolean], optional: ["deleted"]),
    "V3SpeechGenerateRequest": S.object(
      [
        "text": ["type": "string", "minLength": 1, "maxLength": 5000], "voice_id": S.string,
        "input_type": ["enum": ["text", "ssml"]],
        "speed": ["type": "number", "minimum": 0.5, "maximum": 2],
        "language": S.string, "locale": S.string,
      ], optional: ["input_type", "speed", "language", "locale"]),
    "V3GeneratedSpeech": S.object(
      [
        "audio_url": S.url, "duration": S.number, "request_id": S.string,
        "word_timestamps": S.array(
          S.object(["word": S.string, "start": S.number, "end": S.number])),
      ], optional: ["request_id", "word_timestamps"]),
    "V3AssetCreated": S.object(
      ["asset_id": S.string, "url": S.url, "mime_type": S.string, "size_bytes": S.integer]),
    "V3Asset": S.object(
      [
        "id": S.string, "name": S.string, "type": ["enum": ["image", "video", "audio"]],
        "owner": S.string, "space_id": S.string, "uploaded_at": S.integer, "url": S.url,
      ]),
    "V3VideoCreateRequest": [
      "oneOf": [
        S.ref("V3AvatarVideoRequest"), S.ref("V3StudioVideoRequest"),
        S.ref("V3ImageVideoRequest"),
      ],
      "discriminator": [
        "propertyName": "type",
        "mapping": [
          "avatar": "#/components/schemas/V3AvatarVideoRequest",
          "studio": "#/components/schemas/V3StudioVideoRequest",
          "image": "#/components/schemas/V3ImageVideoRequest",
        ],
      ],
    ],
    "V3AvatarVideoRequest": [
      "type": "object", "required": ["type", "avatar_id"],
      "properties": .object(
        options.merging(speech) { first, _ in first }.merging([
          "type": ["const": "avatar"], "avatar_id": S.string,
          "background": [
            "type": ["object", "null"], "required": ["type"],
            "properties": [
              "type": ["enum": ["color", "image"]], "value": nullableString,
              "url": nullableString, "asset_id": nullableString,
            ],
          ],
          "fit": ["enum": ["contain", "cover", .null]],
        ]) { first, _ in first }),
    ],
    "V3ImageVideoRequest": [
      "type": "object", "required": ["type", "image"],
      "description":
        "A portrait animated as a talking photo (kept as a photo look); script and voice_id or audio as for avatar videos",
      "properties": .object(
        options.merging(speech) { first, _ in first }.merging([
          "type": ["const": "image"], "image": assetInput,
        ]) { first, _ in first }),
    ],
    "V3StudioVideoRequest": [
      "type": "object", "required": ["type", "scenes"],
      "properties": .object(
        options.merging([
          "type": ["const": "studio"],
          "scenes": [
            "type": "array", "minItems": 1, "maxItems": 50,
            "items": [
              "oneOf": [
                [
                  "type": "object", "required": ["type", "input"],
                  "properties": [
                    "type": ["const": "avatar_video"],
                    "input": [
                      "oneOf": [
                        [
                          "type": "object", "required": ["type", "avatar_id"],
                          "properties": .object(
                            speech.merging([
                              "type": ["const": "avatar"], "avatar_id": S.string,
                              "background": studioBackground,
                            ]) { first, _ in first }),
                        ],
                        [
                          "type": "object", "required": ["type", "image"],
                          "description": "A portrait animated as a talking photo",
                          "properties": .object(
                            speech.merging([
                              "type": ["const": "image"], "image": assetInput,
                              "background": studioBackground,
                            ]) { first, _ in first }),
                        ],
                      ],
                      "discriminator": ["propertyName": "type"],
                    ],
                  ],
                ],
                [
                  "type": "object", "required": ["type", "source"],
                  "properties": .object(
                    speech.merging([
                      "type": ["const": "image"], "source": assetInput,
                      "duration": ["type": ["number", "null"], "minimum": 0.1, "maximum": 300],
                    ]) { first, _ in first }),
                ],
                [
                  "type": "object", "required": ["type", "source"],
                  "properties": [
                    "type": ["const": "video"], "source": assetInput,
                    "playback": [
                      "type": ["object", "null"],
                      "description":
                        "the clip's own sound: at its source level when absent; `volume` 0–1 turns it down, `mute` silences it",
                      "properties": [
                        "volume": ["type": "number", "minimum": 0, "maximum": 1, "default": 1],
                        "mute": ["type": "boolean", "default": false],
                      ],
                    ],
                  ],
                ],
              ]
            ],
          ],
        ]) { first, _ in first }),
    ],
  ]
}
