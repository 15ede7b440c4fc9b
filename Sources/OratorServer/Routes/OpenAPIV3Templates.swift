import HeyGenAPI
import OratorCore

/// The v3 templates and video translations in the OpenAPI description.
enum OpenAPIV3Templates {
  typealias S = OpenAPISchemas
  typealias P = OpenAPIPaths
  typealias V3 = OpenAPIV3

  private static let templateID = P.path("template_id", "a template id")
  private static let translationID = P.path("video_translation_id", "a translation id")
  private static let nullableString = S.nullable("string")

  static let paths: [String: [String: JSONTree]] = [
    "/v3/templates": [
      "get": V3.operation(
        "v3ListTemplates", "The account's templates", tag: "Templates",
        parameters: [V3.limit(10, 100), V3.token],
        responses: ["200": P.json(V3.list("V3TemplateSummary"))])
    ],
    "/v3/templates/{template_id}": [
      "get": V3.operation(
        "v3GetTemplate", "A template: its scenes and its variables' defaults", tag: "Templates",
        parameters: [templateID],
        responses: [
          "200": P.json(V3.data(S.ref("V3TemplateDetail"))), "404": V3.error("not_found"),
        ]
      ),
      "post": V3.operation(
        "v3GenerateFromTemplate", "Make a video from a template; answers the video resource",
        tag: "Templates", parameters: [templateID, V3.idempotencyKey],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("V3TemplateGenerateRequest")]],
        ],
        responses: [
          "200": P.json(V3.data(S.ref("V3Video"))), "404": V3.error("not_found"),
          "402": V3.error("insufficient_credit"), "409": V3.error("request_in_progress"),
          "429": V3.error(HeyGenErrorCode.rateLimited.v3),
        ]),
    ],
    "/v3/template/{template_id}": [
      "get": V3.operation(
        "v3GetTemplateListing", "A template with its variables as a list (n8n's path)",
        tag: "Templates", parameters: [templateID],
        responses: [
          "200": P.json(V3.data(S.ref("V3TemplateListing"))), "404": V3.error("not_found"),
        ])
    ],
    "/v3/video-translations": [
      "post": V3.operation(
        "v3CreateVideoTranslation", "Translate a video into one or more languages",
        tag: "Video translations", parameters: [V3.idempotencyKey],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("V3VideoTranslationRequest")]],
        ],
        responses: [
          "200": P.json(
            V3.data(S.object(["video_translation_ids": S.array(S.string)]))),
          "402": V3.error("insufficient_credit"), "404": V3.error("asset or video not found"),
          "409": V3.error("request_in_progress"), "429": V3.error(HeyGenErrorCode.rateLimited.v3),
          "503": V3.error("translation engines unavailable"),
        ]),
      "get": V3.operation(
        "v3ListVideoTranslations", "The account's translations, newest first",
        tag: "Video translations", parameters: [V3.limit(10, 100), V3.token],
        responses: ["200": P.json(V3.list("V3VideoTranslation"))]),
    ],
    "/v3/video-translations/languages": [
      "get": V3.operation(
        "v3TranslationLanguages", "The languages a translation can target",
        tag: "Video translations",
        responses: [
          "200": P.json(V3.data(S.object(["languages": S.array(S.string)]))),
          "503": V3.error("translation engines unavailable"),
        ])
    ],
    "/v3/video-translations/statuses": [
      "get": V3.operation(
        "v3VideoTranslationStatuses", "Statuses of up to 100 translations",
        tag: "Video translations",
        parameters: [P.query("video_translation_ids", "comma-separated ids", required: true)],
        responses: ["200": P.json(V3.list("V3VideoStatusItem"))])
    ],
    "/v3/video-translations/{video_translation_id}": [
      "get": V3.operation(
        "v3GetVideoTranslation", "A translation", tag: "Video translations",
        parameters: [translationID],
        responses: [
          "200": P.json(V3.data(S.ref("V3VideoTranslation"))), "404": V3.error("not_found"),
        ]),
      "patch": V3.operation(
        "v3RenameVideoTranslation", "Rename a translation", tag: "Video translations",
        parameters: [translationID],
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.object(["title": S.string])]],
        ],
        responses: [
          "200": P.json(V3.data(S.ref("V3VideoTranslation"))), "404": V3.error("not_found"),
        ]),
      "delete": V3.operation(
        "v3DeleteVideoTranslation", "Delete a translation and its files",
        tag: "Video translations", parameters: [translationID],
        responses: ["200": P.json(V3.data(S.ref("V3Deleted"))), "404": V3.error("not_found")]),
    ],
  ]

  static let schemas: [String: JSONTree] = [
    "V3TemplateSummary": S.object(
      [
        "id": S.string, "name": S.string, "aspect_ratio": S.string, "thumbnail_url": S.url,
        "created_at": S.integer, "updated_at": S.integer,
      ]),
    "V3TemplateScene": S.object(
      [
        "scene_id": S.string, "script": nullableString,
        "variables": S.array(S.object(["name": S.string, "variable_type": S.string])),
      ], optional: ["script"]),
    "V3TemplateDetail": S.object(
      [
        "id": S.string, "name": S.string, "aspect_ratio": S.string, "thumbnail_url": S.url,
        "created_at": S.integer, "updated_at": S.integer, "scene_ids": S.array(S.string),
        "scenes": S.array(S.ref("V3TemplateScene")),
        "variables": ["type": "object", "additionalProperties": S.ref("TemplateVariable")],
        "dimension": S.object(
          ["width": S.integer, "height": S.integer],
          description: "Orator extension: the frame in pixels"),
      ]),
    "V3TemplateListing": S.object(
      [
        "id": S.string, "template_id": S.string, "name": S.string, "version": S.integer,
        "aspect_ratio": S.string, "thumbnail_url": S.url,
        "variables": S.array(S.ref("TemplateVariable")),
        "scenes": S.array(
          S.object(
            [
              "id": S.string, "scene_id": S.string, "script": nullableString,
              "variables": S.array(S.object(["name": S.string, "variable_type": S.string])),
            ], optional: ["script"])),
      ]),
    "V3TemplateGenerateRequest": [
      "type": "object",
      "properties": [
        "variables": ["type": "object", "additionalProperties": S.ref("TemplateVariable")],
        "title": nullableString, "caption": S.boolean,
        "dimension": S.object(["width": S.integer, "height": S.integer]),
        "scene_ids": S.array(S.string), "callback_url": nullableString,
        "callback_id": nullableString, "folder_id": nullableString,
        "enable_sharing": S.boolean,
      ],
    ],
    "V3VideoTranslationRequest": [
      "type": "object", "required": ["video", "output_languages"],
      "properties": [
        "video": V3.assetInput, "output_languages": S.array(S.string),
        "title": nullableString, "input_language": nullableString,
        "translate_audio_only": S.boolean, "enable_caption": S.boolean,
        "callback_url": nullableString, "callback_id": nullableString,
      ],
    ],
    "V3VideoTranslation": S.object(
      [
        "id": S.string, "status": ["enum": ["pending", "running", "completed", "failed"]],
        "title": S.string, "input_language": S.string, "output_language": S.string,
        "duration": S.number, "created_at": S.integer, "callback_id": S.string,
        "translate_audio_only": S.boolean, "video_url": S.url, "audio_url": S.url,
        "srt_caption_url": S.url,
        "vtt_caption_url": S.url, "failure_message": S.string,
      ],
      optional: [
        "title", "input_language", "duration", "callback_id", "video_url", "audio_url",
        "srt_caption_url",
        "vtt_caption_url", "failure_message",
      ]),
  ]
}
