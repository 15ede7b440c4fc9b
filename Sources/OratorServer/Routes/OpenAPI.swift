import Hummingbird
import OratorCore

/// `GET /openapi.json`: an OpenAPI 3.1 description of every path this server answers,
/// public, so tools can generate clients and people can browse the API.
struct OpenAPIRoutes {
  let environment: ServerEnvironment

  func register(on router: inout RouterRegistry) {
    let document = Self.document(baseURL: environment.baseURL)
    router.get("/openapi.json") { _, _ in try JSONResponse.make(document) }
  }

  static func document(baseURL: String) -> JSONTree {
    [
      "openapi": "3.1.0",
      "info": [
        "title": "Orator",
        "version": .string(OratorVersion.current),
        "description":
          "A self-hosted avatar video service speaking the HeyGen REST API: point a HeyGen client at this base URL. v1 endpoints answer {code, data, message, msg}, v2 endpoints {error, data}, v3 endpoints {data} (lists add has_more and next_token) and errors {error: {code, message, param, doc_url}}.",
      ],
      "servers": [["url": .string(baseURL)]],
      "security": [["apiKey": []], ["bearer": []]],
      "tags": [
        ["name": "Avatars"], ["name": "Voices"], ["name": "Videos"], ["name": "Assets"],
        ["name": "Account"], ["name": "Webhooks"], ["name": "Translation"],
        ["name": "Media"], ["name": "Server"],
      ],
      "paths": .object(
        OpenAPIPaths.all.merging(OpenAPIWebhooks.paths) { first, _ in first }
          .merging(OpenAPITranslations.paths) { first, _ in first }
          .merging(OpenAPIV3.paths) { first, _ in first }
          .merging(OpenAPIV3Templates.paths) { first, _ in first }
          .merging(OpenAPIV3Webhooks.paths) { first, _ in first }
          .mapValues { .object($0) }),
      "components": [
        "securitySchemes": [
          "apiKey": [
            "type": "apiKey", "in": "header", "name": "X-Api-Key",
            "description": "The account's API key; the header name is case-insensitive",
          ],
          "bearer": [
            "type": "http", "scheme": "bearer",
            "description": "The account's API key as a bearer token (v3 clients)",
          ],
        ],
        "schemas": .object(
          OpenAPISchemas.all.merging(OpenAPIWebhooks.schemas) { first, _ in first }
            .merging(OpenAPITranslations.schemas) { first, _ in first }
            .merging(OpenAPIV3.schemas) { first, _ in first }
            .merging(OpenAPIV3Templates.schemas) { first, _ in first }
            .merging(OpenAPIV3Webhooks.schemas) { first, _ in first }),
      ],
    ]
  }
}
