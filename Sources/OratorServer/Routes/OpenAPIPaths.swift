import OratorCore

/// The paths of the OpenAPI description: every route `buildRouter` registers, keyed by
/// OpenAPI path (`{name}` for a path parameter) and lower-case method.
enum OpenAPIPaths {
  typealias S = OpenAPISchemas

  static func json(_ schema: JSONTree, _ description: String = "OK") -> JSONTree {
    ["description": .string(description), "content": ["application/json": ["schema": schema]]]
  }

  static func file(_ types: [String], _ description: String) -> JSONTree {
    var content: [String: JSONTree] = [:]
    for type in types {
      content[type] = ["schema": ["type": "string", "contentEncoding": "binary"]]
    }
    return ["description": .string(description), "content": .object(content)]
  }

  static func query(
    _ name: String, _ description: String, required: Bool = false, schema: JSONTree = S.string
  )
    -> JSONTree
  {
    [
      "name": .string(name), "in": "query", "required": .bool(required),
      "description": .string(description), "schema": schema,
    ]
  }

  static func path(_ name: String, _ description: String) -> JSONTree {
    [
      "name": .string(name), "in": "path", "required": true, "description": .string(description),
      "schema": S.string,
    ]
  }

  /// One operation. Authenticated ones inherit the document's `X-Api-Key` requirement and
  /// answer 401; public ones say `security: []`.
  static func operation(
    _ id: String, _ summary: String, tag: String, isPublic: Bool = false,
    parameters: [JSONTree] = [],
    body: JSONTree? = nil, responses: [String: JSONTree],
    unauthorized: JSONTree = json(S.ref("Unauthorized"), "Missing, unknown or revoked X-Api-Key")
  ) -> JSONTree {
    var responses = responses
    var spec: [String: JSONTree] = [
      "operationId": .string(id), "summary": .string(summary), "tags": [.string(tag)],
    ]
    if isPublic {
      spec["security"] = []
    } else {
      responses["401"] = unauthorized
    }
    if !parameters.isEmpty { spec["parameters"] = .array(parameters) }
    if let body { spec["requestBody"] = body }
    spec["responses"] = .object(responses)
    return .object(spec)
  }

  static let v1Error = json(S.ref("V1ErrorResponse"), "Bad request (v1 envelope)")
  static let v2Error = json(S.ref("V2ErrorResponse"), "Error (v2 envelope)")
  static let notFoundV1 = json(S.ref("V1ErrorResponse"), "No such id (v1 envelope)")
  static let notFoundV2 = json(S.ref("V2ErrorResponse"), "No such id (v2 envelope)")

  static let readiness = S.object(
    [
      "status": ["type": "string"], "version": ["type": "string"],
      "database": ["type": "string"],
      "checks": ["type": "object", "additionalProperties": ["type": "string"]],
    ], optional: ["database"])

  static let all: [String: [String: JSONTree]] = [
    "/healthz": [
      "get": operation(
        "health", "Liveness check", tag: "Server", isPublic: true,
        responses: [
          "200": json(
            S.object([
              "status": ["type": "string", "const": "ok"], "version": ["type": "string"],
            ]))
        ])
    ],
    "/metrics": [
      "get": operation(
        "metrics", "Prometheus metrics (text exposition format)", tag: "Server", isPublic: true,
        responses: [
          "200": [
            "description": "Metrics",
            "content": ["text/plain": ["schema": ["type": "string"]]],
          ]
        ])
    ],
    "/readyz": [
      "get": operation(
        "ready",
        "Readiness check: 503 while the database cannot be reached, ffmpeg, voices, avatars or workers are missing, or the server stops",
        tag: "Server", isPublic: true,
        responses: [
          "200": json(Self.readiness),
          "503": json(Self.readiness, "Not ready; `checks` says what is missing"),
        ])
    ],
    "/openapi.json": [
      "get": operation(
        "openapi", "This document", tag: "Server", isPublic: true,
        responses: ["200": json(["type": "object"])])
    ],
    "/media/{path}": [
      "get": operation(
        "media", "A signed media file (video, thumbnail, GIF, captions, asset); supports Range",
        tag: "Media",
        isPublic: true,
        parameters: [
          path(
            "path", "the file's path under the media folder; may contain slashes (as handed out)"),
          query("expires", "Unix time the link expires, from the signed URL", required: true),
          query("signature", "the link's signature, from the signed URL", required: true),
        ],
        responses: [
          "200": file(
            ["video/mp4", "image/jpeg", "image/gif", "text/vtt", "application/octet-stream"],
            "The file"),
          "206": file(["video/mp4", "application/octet-stream"], "The requested byte range"),
          "403": json(S.ref("V2ErrorResponse"), "Expired or altered link"), "404": notFoundV2,
          "416": ["description": "Range not satisfiable"],
        ])
    ],
    "/share/{video_id}": [
      "get": operation(
        "sharePage", "Public page of a shared video", tag: "Videos", isPublic: true,
        parameters: [path("video_id", "a video shared with POST /v1/video/share")],
        responses: [
          "200": ["description": "HTML page", "content": ["text/html": ["schema": S.string]]],
          "404": notFoundV2,
        ])
    ],
    "/previews/avatars/{file}": [
      "get": operation(
        "avatarPreview",
        "An avatar's preview: <avatar_id>.jpg (still) or <avatar_id>.mp4 (greeting video)",
        tag: "Avatars", isPublic: true,
        parameters: [path("file", "<avatar_id>.jpg or <avatar_id>.mp4")],
        responses: ["200": file(["image/jpeg", "video/mp4"], "The preview"), "404": notFoundV2])
    ],
    "/previews/voices/{file}": [
      "get": operation(
        "voicePreview", "A voice's sample: <voice_id>.mp3", tag: "Voices", isPublic: true,
        parameters: [path("file", "<voice_id>.mp3")],
        responses: ["200": file(["audio/mpeg"], "The sample"), "404": notFoundV2])
    ],
    "/v2/avatars": [
      "get": operation(
        "listAvatars", "List avatars", tag: "Avatars",
        responses: ["200": json(S.v2(S.ref("AvatarList")))])
    ],
    "/v2/avatar/{avatar_id}/details": [
      "get": operation(
        "avatarDetails", "One avatar", tag: "Avatars",
        parameters: [path("avatar_id", "from GET /v2/avatars")],
        responses: ["200": json(S.v2(S.ref("AvatarDetails"))), "404": notFoundV2])
    ],
    "/v2/avatar_group.list": [
      "get": operation(
        "listAvatarGroups", "List avatar groups (one per person; each outfit a look)",
        tag: "Avatars",
        parameters: [
          query(
            "include_public", "false lists private groups only (Orator has none); default true",
            schema: S.boolean)
        ],
        responses: ["200": json(S.v2(S.ref("AvatarGroupList")))])
    ],
    "/v2/avatar_group/{group_id}/avatars": [
      "get": operation(
        "listAvatarGroupLooks", "The looks of one avatar group", tag: "Avatars",
        parameters: [path("group_id", "from GET /v2/avatar_group.list")],
        responses: ["200": json(S.v2(S.ref("AvatarGroupLooks"))), "404": notFoundV2])
    ],
    "/v2/voices": [
      "get": operation(
        "listVoices", "List voices", tag: "Voices",
        parameters: [
          query(
            "language",
            "only this language: English name (Spanish) or locale (es, es-MX); an Orator extension"),
          query("gender", "only this gender: female or male; an Orator extension"),
        ],
        responses: ["200": json(S.v2(S.ref("VoiceList")))])
    ],
    "/v2/user/remaining_quota": [
      "get": operation(
        "remainingQuota", "Seconds of video the account can still start", tag: "Account",
        responses: ["200": json(S.v2(S.ref("RemainingQuota")))])
    ],
    "/v1/asset": [
      "post": operation(
        "uploadAsset", "Upload an image, video or audio file (raw body)", tag: "Assets",
        body: [
          "required": true,
          "description": "The file's bytes; Content-Type is its MIME type",
          "content": .object(
            Dictionary(
              uniqueKeysWithValues: AssetLibrary.contentTypes.keys.sorted().map {
                ($0, ["schema": ["type": "string", "contentEncoding": "binary"]] as JSONTree)
              })),
        ],
        responses: [
          "200": json(S.v1(S.ref("UploadedAsset"))), "400": v1Error,
          "413": json(S.ref("V1ErrorResponse"), "Larger than the upload limit"),
        ])
    ],
    "/v1/talking_photo": [
      "post": operation(
        "uploadTalkingPhoto",
        "Upload a portrait (raw body) to present videos; refused unless it shows one face at least 80 px tall",
        tag: "Talking photos",
        parameters: [query("name", "the photo's name")],
        body: [
          "required": true,
          "description": "The picture's bytes; Content-Type is its MIME type",
          "content": .object(
            Dictionary(
              uniqueKeysWithValues: ["image/jpeg", "image/png", "image/webp"].map {
                ($0, ["schema": ["type": "string", "contentEncoding": "binary"]] as JSONTree)
              })),
        ],
        responses: [
          "200": json(S.v1(S.ref("UploadedTalkingPhoto"))), "400": v1Error,
          "413": json(S.ref("V1ErrorResponse"), "Larger than the upload limit"),
        ])
    ],
    "/v1/talking_photo.list": [
      "get": operation(
        "listTalkingPhotos", "The account's talking photos", tag: "Talking photos",
        responses: ["200": json(S.v1(S.ref("TalkingPhotoSummaryList")))])
    ],
    "/v2/talking_photo/{talking_photo_id}": [
      "delete": operation(
        "deleteTalkingPhoto", "Delete a talking photo (videos made from it are kept)",
        tag: "Talking photos",
        parameters: [path("talking_photo_id", "from POST /v1/talking_photo")],
        responses: [
          "200": json(S.v2(S.object(["talking_photo_id": S.string]))), "404": notFoundV2,
        ])
    ],
    "/v2/video/generate": [
      "post": operation(
        "generateVideo", "Start rendering a video", tag: "Videos",
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("VideoGenerateRequest")]],
        ],
        responses: [
          "200": json(S.v2(S.ref("VideoGenerateResult"))), "400": v2Error,
          "402": json(S.ref("V2ErrorResponse"), "Not enough credit"),
          "413": json(S.ref("V2ErrorResponse"), "Body too large"),
          "429": json(S.ref("V2ErrorResponse"), "Too many videos rendering; see Retry-After"),
        ])
    ],
    "/v1/video_status.get": [
      "get": operation(
        "videoStatus", "A video's status and, once completed, its signed URLs", tag: "Videos",
        parameters: [query("video_id", "from POST /v2/video/generate", required: true)],
        responses: ["200": json(S.v1(S.ref("VideoStatus"))), "400": v1Error, "404": notFoundV1])
    ],
    "/v1/video.list": [
      "get": operation(
        "listVideos", "The account's videos, newest first", tag: "Videos",
        parameters: [
          query(
            "limit", "1–100, default 100",
            schema: ["type": "integer", "minimum": 1, "maximum": 100]),
          query("token", "data.token of the previous page"),
        ],
        responses: ["200": json(S.v1(S.ref("VideoList"))), "400": v1Error])
    ],
    "/v1/video.delete": [
      "delete": deleteVideo("deleteVideo"),
      "post": deleteVideo("deleteVideoByPost"),
    ],
    "/v1/video/share": [
      "post": operation(
        "shareVideo", "Make a video's public page; data is its URL", tag: "Videos",
        body: [
          "required": true, "content": ["application/json": ["schema": S.ref("VideoIdBody")]],
        ],
        responses: ["200": json(S.v1(S.url)), "400": v1Error, "404": notFoundV1])
    ],
    "/v2/templates": [
      "get": operation(
        "listTemplates", "List the account's templates", tag: "Templates",
        responses: ["200": json(S.v2(S.ref("TemplateList")))])
    ],
    "/v2/template": [
      "post": operation(
        "createTemplate",
        "Create a template: a generate body with {{placeholders}} and variables, or {\"from_video_id\"}",
        tag: "Templates",
        body: [
          "required": true, "content": ["application/json": ["schema": S.ref("TemplateDocument")]],
        ],
        responses: ["200": json(S.v2(S.ref("TemplateDetail"))), "400": v2Error, "404": notFoundV2])
    ],
    "/v2/template/{template_id}": [
      "get": operation(
        "getTemplate", "One template with its variables keyed by name", tag: "Templates",
        parameters: [path("template_id", "from GET /v2/templates")],
        responses: ["200": json(S.v2(S.ref("TemplateDetail"))), "404": notFoundV2]),
      "patch": operation(
        "updateTemplate", "Replace the keys sent (name, variables, video_inputs, dimension)",
        tag: "Templates", parameters: [path("template_id", "from GET /v2/templates")],
        body: [
          "required": true, "content": ["application/json": ["schema": S.ref("TemplateDocument")]],
        ],
        responses: ["200": json(S.v2(S.ref("TemplateDetail"))), "400": v2Error, "404": notFoundV2]),
      "delete": operation(
        "deleteTemplate", "Delete a template", tag: "Templates",
        parameters: [path("template_id", "from GET /v2/templates")],
        responses: ["200": json(S.v2(S.null)), "404": notFoundV2]),
    ],
    "/v2/template/{template_id}/generate": [
      "post": operation(
        "generateFromTemplate", "Render a video from a template with variables substituted",
        tag: "Templates", parameters: [path("template_id", "from GET /v2/templates")],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("TemplateGenerateRequest")]],
        ],
        responses: [
          "200": json(S.v2(S.ref("VideoGenerateResult"))), "400": v2Error, "404": notFoundV2,
          "402": json(S.ref("V2ErrorResponse"), "Not enough credit"),
          "429": json(S.ref("V2ErrorResponse"), "Too many videos rendering; see Retry-After"),
        ])
    ],
  ]

  static func deleteVideo(_ id: String) -> JSONTree {
    operation(
      id, "Delete a video and its files (video_id in the query or a JSON body)", tag: "Videos",
      parameters: [query("video_id", "the video to delete (or send {\"video_id\": …})")],
      body: ["required": false, "content": ["application/json": ["schema": S.ref("VideoIdBody")]]],
      responses: ["200": json(S.v1(S.null)), "400": v1Error, "404": notFoundV1])
  }
}
