import Foundation
import NIOHTTP1
import Testing

/// `GET /openapi.json` describes exactly what the server answers: every route is documented,
/// every documented operation is routed, every schema reference resolves.
@Suite(.serialized) struct OpenAPITests {
  /// The routes this suite knows the server registers, as method and OpenAPI path; routes
  /// added later are caught by probing `heyGenPaths`.
  static let servedOperations: Set<String> = [
    "get /healthz", "get /openapi.json", "get /media/{path}", "get /share/{video_id}",
    "get /previews/avatars/{file}", "get /previews/voices/{file}",
    "get /v2/avatars", "get /v2/avatar/{avatar_id}/details", "get /v2/avatar_group.list",
    "get /v2/avatar_group/{group_id}/avatars", "get /v2/voices", "get /v2/user/remaining_quota",
    "post /v1/asset", "post /v1/talking_photo", "get /v1/talking_photo.list",
    "delete /v2/talking_photo/{talking_photo_id}", "post /v2/video/generate",
    "get /v1/video_status.get", "get /v1/video.list",
    "delete /v1/video.delete", "post /v1/video.delete", "post /v1/video/share",
    "get /v3/users/me", "get /v3/avatars", "post /v3/avatars", "get /v3/avatars/{group_id}",
    "delete /v3/avatars/{group_id}", "delete /v3/avatars/looks/{look_id}", "get /v3/avatars/looks",
    "get /v3/avatars/looks/{look_id}", "get /v3/voices", "get /v3/voices/{voice_id}",
    "post /v3/videos", "get /v3/videos", "get /v3/videos/statuses", "get /v3/videos/{video_id}",
    "delete /v3/videos/{video_id}", "post /v3/assets", "get /v3/assets/{asset_id}",
    "delete /v3/assets/{asset_id}", "get /v3/templates", "get /v3/templates/{template_id}",
    "post /v3/templates/{template_id}", "get /v3/template/{template_id}",
    "post /v3/video-translations", "get /v3/video-translations",
    "get /v3/video-translations/languages", "get /v3/video-translations/{video_translation_id}",
    "patch /v3/video-translations/{video_translation_id}",
    "delete /v3/video-translations/{video_translation_id}", "post /v3/webhooks/endpoints",
    "get /v3/webhooks/endpoints", "patch /v3/webhooks/endpoints/{endpoint_id}",
    "delete /v3/webhooks/endpoints/{endpoint_id}",
    "post /v3/webhooks/endpoints/{endpoint_id}/rotate-secret", "get /v3/webhooks/event-types",
    "get /v3/webhooks/events",
  ]

  static func operations(_ document: JSONValue) -> [(
    method: String, path: String, operation: JSONValue
  )] {
    guard case .object(let paths) = document["paths"] else { return [] }
    return paths.sorted { $0.key < $1.key }.flatMap { path, item in
      guard case .object(let methods) = item else {
        return [(method: String, path: String, operation: JSONValue)]()
      }
      return methods.sorted { $0.key < $1.key }.map {
        (method: $0.key, path: path, operation: $0.value)
      }
    }
  }

  /// v3's unions are typed: the create body is a `oneOf` on `type`, and every file input is
  /// the `{type: url | asset_id | base64}` union.
  @Test func v3UnionsAreOneOf() async throws {
    try await TestServer.with(workers: 0) { server in
      let document = try await server.get("/openapi.json", key: nil).json
      let schemas = document["components"]["schemas"]
      let body = document["paths"]["/v3/videos"]["post"]["requestBody"]["content"][
        "application/json"]["schema"]
      #expect(body["$ref"] == .string("#/components/schemas/V3VideoCreateRequest"), "\(body)")
      let create = schemas["V3VideoCreateRequest"]
      #expect(create["oneOf"].array?.count == 3)
      #expect(create["discriminator"]["propertyName"] == .string("type"))
      let kinds = create["discriminator"]["mapping"].keys
      #expect(kinds == ["avatar", "image", "studio"])
      func fileKinds(_ union: JSONValue) -> Set<String> {
        Set(union["oneOf"].array?.compactMap { $0["properties"]["type"]["const"].string } ?? [])
      }
      #expect(
        fileKinds(schemas["V3ImageVideoRequest"]["properties"]["image"]) == [
          "url", "asset_id", "base64",
        ])
      let scenes = schemas["V3StudioVideoRequest"]["properties"]["scenes"]["items"]["oneOf"]
      let inputs = scenes[0]["properties"]["input"]["oneOf"].array ?? []
      #expect(
        Set(inputs.compactMap { $0["properties"]["type"]["const"].string }) == [
          "avatar", "image",
        ])
      #expect(fileKinds(scenes[1]["properties"]["source"]) == ["url", "asset_id", "base64"])
    }
  }

  @Test func documentIsOpenAPI31WithTheKeyScheme() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let response = try await server.get("/openapi.json", key: nil)
      #expect(response.status == 200)
      #expect(response.header("content-type") == "application/json")
      let document = response.json
      #expect(document["openapi"].string?.hasPrefix("3.1") == true)
      #expect(document["info"]["title"].string?.isEmpty == false)
      #expect(document["servers"][0]["url"] == .string(server.baseURL))
      let scheme = document["components"]["securitySchemes"]["apiKey"]
      #expect(scheme["type"] == .string("apiKey"))
      #expect(scheme["in"] == .string("header"))
      #expect(scheme["name"] == .string("X-Api-Key"))
      #expect(document["security"][0]["apiKey"] == .array([]))

      for name in [
        "Avatar", "Voice", "VideoStatus", "UploadedAsset", "RemainingQuota", "V2ErrorResponse",
      ] {
        #expect(document["components"]["schemas"][name].keys.isEmpty == false, "\(name)")
      }
      // Every $ref points at a schema that exists.
      var references: [String] = []
      func collect(_ value: JSONValue) {
        switch value {
        case .object(let members):
          if let target = members["$ref"]?.string { references.append(target) }
          for member in members.values { collect(member) }
        case .array(let items):
          for item in items { collect(item) }
        default: break
        }
      }
      collect(document)
      #expect(!references.isEmpty)
      for reference in Set(references) {
        let name = String(reference.dropFirst("#/components/schemas/".count))
        #expect(reference.hasPrefix("#/components/schemas/"), "\(reference)")
        #expect(document["components"]["schemas"][name] != .missing, "\(reference)")
      }
    }
  }

  /// Paths of HeyGen's API that Orator may serve now or later. Whichever the server answers
  /// must be documented, so a route added without its description fails here.
  static let heyGenPaths = [
    "/v2/templates", "/v2/template", "/v2/template/{template_id}",
    "/v2/template/{template_id}/generate", "/v2/video_translate",
    "/v2/video_translate/{video_translate_id}", "/v2/video_translate/target_languages",
    "/v1/webhook/endpoint.add", "/v1/webhook/endpoint.list", "/v1/webhook/endpoint.update",
    "/v1/webhook/endpoint.delete", "/v1/webhook/webhook.list", "/v1/avatar.list", "/v1/voice.list",
    "/v1/talking_photo.list", "/v1/user/me", "/v2/videos", "/v1/folders", "/v1/upload",
    "/v3/templates", "/v3/templates/{template_id}", "/v3/template/{template_id}",
    "/v3/video-translations", "/v3/video-translations/{video_translation_id}",
    "/v3/video-translations/languages", "/v3/webhooks/endpoints",
    "/v3/webhooks/endpoints/{endpoint_id}", "/v3/webhooks/event-types", "/v3/webhooks/events",
  ]

  static func concrete(_ path: String) -> String {
    path.replacingOccurrences(
      of: #"\{[a-z_]+\}"#, with: "no_such_thing", options: .regularExpression)
  }

  /// True when the server has no route for the method and path (as opposed to a handler
  /// answering 404 for an unknown id).
  static func isRouteMiss(_ response: TestServer.Response) -> Bool {
    let message = response.json["error"]["message"].string ?? response.json["message"].string ?? ""
    return response.status == 405
      || (response.status == 404 && message.hasPrefix("no such endpoint"))
  }

  @Test func everyServedRouteIsDocumented() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let document = try await server.get("/openapi.json", key: nil).json
      let documented = Set(Self.operations(document).map { "\($0.method) \($0.path)" })
      #expect(
        Self.servedOperations.subtracting(documented).isEmpty,
        "undocumented: \(Self.servedOperations.subtracting(documented))")
      let candidates = Set(
        Self.heyGenPaths + Self.servedOperations.map { String($0.split(separator: " ")[1]) })
      for path in candidates.sorted() {
        for method in ["get", "post", "patch", "delete"] {
          let body: Data? = method == "get" ? nil : Data("{}".utf8)
          let answered = try await server.request(
            HTTPMethod(rawValue: method.uppercased()), Self.concrete(path), body: body)
          if !Self.isRouteMiss(answered) {
            #expect(
              documented.contains("\(method) \(path)"),
              "\(method) \(path) is served (\(answered.status)) but not in openapi.json")
          }
        }
      }
      for (method, path, operation) in Self.operations(document) {
        #expect(operation["operationId"].string?.isEmpty == false, "\(method) \(path)")
        #expect(operation["responses"]["200"] != .missing, "\(method) \(path)")
      }
    }
  }

  /// Each documented operation reaches a handler: never "no such endpoint" or 405, and the
  /// key requirement is as documented (401 without a key, or none needed).
  @Test func everyDocumentedOperationIsRouted() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let document = try await server.get("/openapi.json", key: nil).json
      let operations = Self.operations(document)
      #expect(operations.count >= Self.servedOperations.count)
      for (method, path, operation) in operations {
        // Path parameters get ids that exist nowhere: the handler answers, with a 4xx.
        let concrete = Self.concrete(path)
        let httpMethod = HTTPMethod(rawValue: method.uppercased())
        let body: Data? = method == "get" ? nil : Data("{}".utf8)
        let isPublic = operation["security"] == .array([])

        let answered = try await server.request(httpMethod, concrete, body: body)
        let label = "\(method) \(path) → \(answered.status) \(answered.text.prefix(200))"
        #expect(!Self.isRouteMiss(answered), "\(label)")

        let anonymous = try await server.request(httpMethod, concrete, body: body, key: nil)
        if isPublic {
          #expect(anonymous.status != 401, "\(method) \(path) is documented as public")
        } else {
          #expect(anonymous.status == 401, "\(method) \(path) is documented as needing a key")
        }
      }
    }
  }
}
