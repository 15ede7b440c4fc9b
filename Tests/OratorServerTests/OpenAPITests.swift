import Foundation
import NIOHTTP1
import Testing

/// `GET /openapi.json` describes exactly what the server answers: every route is documented,
/// every documented operation is routed, every schema reference resolves.
@Suite(.serialized) struct OpenAPITests {
  /// Every route the server registers, as OpenAPI path and method.
  static let servedOperations: Set<String> = [
    "get /healthz", "get /openapi.json", "get /media/{path}", "get /share/{video_id}",
    "get /previews/avatars/{file}", "get /previews/voices/{file}",
    "get /v2/avatars", "get /v2/avatar/{avatar_id}/details", "get /v2/avatar_group.list",
    "get /v2/avatar_group/{group_id}/avatars", "get /v2/voices", "get /v2/user/remaining_quota",
    "post /v1/asset", "post /v2/video/generate", "get /v1/video_status.get", "get /v1/video.list",
    "delete /v1/video.delete", "post /v1/video.delete", "post /v1/video/share",
  ]

  static func operations(_ document: JSONValue) -> [(method: String, path: String, operation: JSONValue)] {
    guard case .object(let paths) = document["paths"] else { return [] }
    return paths.sorted { $0.key < $1.key }.flatMap { path, item in
      guard case .object(let methods) = item else { return [(method: String, path: String, operation: JSONValue)]() }
      return methods.sorted { $0.key < $1.key }.map { (method: $0.key, path: path, operation: $0.value) }
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

      for name in ["Avatar", "Voice", "VideoStatus", "UploadedAsset", "RemainingQuota", "V2ErrorResponse"] {
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

  @Test func everyServedRouteIsDocumented() async throws {
    try await TestServer.with(allowPrivateURLs: false) { server in
      let document = try await server.get("/openapi.json", key: nil).json
      let documented = Set(Self.operations(document).map { "\($0.method) \($0.path)" })
      #expect(Self.servedOperations.subtracting(documented).isEmpty, "undocumented: \(Self.servedOperations.subtracting(documented))")
      #expect(documented.subtracting(Self.servedOperations).isEmpty, "not served: \(documented.subtracting(Self.servedOperations))")
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
      #expect(operations.count == Self.servedOperations.count)
      for (method, path, operation) in operations {
        // Path parameters get ids that exist nowhere: the handler answers, with a 4xx.
        let concrete = path.replacingOccurrences(
          of: #"\{[a-z_]+\}"#, with: "no_such_thing", options: .regularExpression)
        let httpMethod = HTTPMethod(rawValue: method.uppercased())
        let body: Data? = method == "get" ? nil : Data("{}".utf8)
        let isPublic = operation["security"] == .array([])

        let answered = try await server.request(httpMethod, concrete, body: body)
        let label = "\(method) \(path) → \(answered.status) \(answered.text.prefix(200))"
        #expect(answered.status != 405, "\(label)")
        let message = answered.json["error"]["message"].string ?? answered.json["message"].string ?? ""
        #expect(!(answered.status == 404 && message.hasPrefix("no such endpoint")), "\(label)")

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
