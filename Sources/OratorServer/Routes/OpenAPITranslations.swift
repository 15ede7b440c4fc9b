import OratorCore

/// The video-translation part of the OpenAPI description.
enum OpenAPITranslations {
  typealias S = OpenAPISchemas
  typealias P = OpenAPIPaths

  static let paths: [String: [String: JSONTree]] = [
    "/v2/video_translate": [
      "post": P.operation(
        "translateVideo",
        "Translate a video: Orator's own scripted videos are re-rendered lip-synced, others dubbed",
        tag: "Translation",
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("VideoTranslateRequest")]],
        ],
        responses: [
          "200": P.json(S.v2(S.ref("VideoTranslateResult"))),
          "400": P.json(
            S.ref("V2ErrorResponse"),
            "Invalid field, or unsupported_language naming the supported ones"),
          "402": P.json(S.ref("V2ErrorResponse"), "Not enough credit"),
          "404": P.notFoundV2,
          "429": P.json(S.ref("V2ErrorResponse"), "Too many videos queued; see Retry-After"),
          "503": P.json(S.ref("V2ErrorResponse"), "Translation engines unavailable"),
        ])
    ],
    "/v2/video_translate/target_languages": [
      "get": P.operation(
        "translationTargetLanguages",
        "The languages the configured engines can translate and speak, by name",
        tag: "Translation",
        responses: [
          "200": P.json(S.v2(S.ref("TargetLanguages"))),
          "503": P.json(S.ref("V2ErrorResponse"), "Translation engines unavailable"),
        ])
    ],
    "/v2/video_translate/{video_translate_id}": [
      "get": P.operation(
        "translationStatus", "A translation's status and, on success, its signed URL",
        tag: "Translation",
        parameters: [P.path("video_translate_id", "from POST /v2/video_translate")],
        responses: ["200": P.json(S.v2(S.ref("VideoTranslateStatus"))), "404": P.notFoundV2])
    ],
  ]

  static let schemas: [String: JSONTree] = [
    "VideoTranslateRequest": S.object(
      [
        "video_url": S.described(
          S.url, "the video: an Orator media URL, an uploaded asset URL or any reachable URL"),
        "video_id": S.described(S.string, "Orator extension: one of the account's videos"),
        "output_language": S.described(S.string, "a name from target_languages"),
        "output_languages": S.array(S.string),
        "title": S.string,
        "translate_audio_only": S.boolean,
        "input_language": S.described(S.string, "source language; detected when absent"),
        "enable_caption": S.boolean,
        "speaker_num": S.integer,
        "callback_id": S.string,
        "callback_url": S.url,
      ],
      optional: [
        "video_url", "video_id", "output_language", "output_languages", "title",
        "translate_audio_only", "input_language", "enable_caption", "speaker_num", "callback_id",
        "callback_url",
      ]),
    "VideoTranslateResult": S.object([
      "video_translate_id": S.string, "video_translate_ids": S.array(S.string),
    ]),
    "TargetLanguages": S.object(["languages": S.array(S.string)]),
    "VideoTranslateStatus": S.object([
      "video_translate_id": S.string, "title": S.string,
      "status": ["type": "string", "enum": ["pending", "running", "success", "failed"]],
      "url": S.nullable("string"), "message": S.nullable("string"),
      "output_language": S.string, "input_language": S.nullable("string"),
      "duration": S.nullable("number"), "caption_url": S.nullable("string"),
      "callback_id": S.nullable("string"), "created_at": S.integer,
    ]),
  ]
}
