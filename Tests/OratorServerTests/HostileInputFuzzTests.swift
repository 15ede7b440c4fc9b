import Foundation
import Testing

/// A fuzzing pass as an attacker with one ordinary key would run it: valid JSON with hostile
/// values in every numeric and string field of generate, template generate, translate,
/// webhooks and assets. None may crash the server or earn a 5xx; each is a clear 4xx or an
/// accepted request.
@Suite(.serialized) struct HostileInputFuzzTests {
  /// Values that have broken servers: extremes, wrong types, huge and odd strings.
  static var hostileValues: [Any] {
    [
      -1e308, 1e308, -0.0, 0, -1, Int64.max, Int64.min, Double.leastNonzeroMagnitude, 1e-7,
      "", "x", String(repeating: "A", count: 200_000), "\u{0}\u{1}\u{7F}", "../../../../etc/passwd",
      "<script>alert(1)</script>", "{{script}}{{script}}{{script}}", "%s%n%x", "\u{202E}gnp.exe",
      "🙂" + String(repeating: "\u{301}", count: 5000), true, NSNull(), [Any](), ["a": 1],
    ]
  }

  /// Every leaf of `body` replaced in turn by every hostile value.
  static func mutations(of body: Any) -> [Any] {
    var results: [Any] = []
    func walk(_ value: Any, replace: (Any) -> Any) {
      switch value {
      case let object as [String: Any]:
        for key in object.keys.sorted() {
          walk(object[key]!) { replacement in
            var copy = object
            copy[key] = replacement
            return replace(copy)
          }
        }
      case let array as [Any]:
        for index in array.indices {
          walk(array[index]) { replacement in
            var copy = array
            copy[index] = replacement
            return replace(copy)
          }
        }
      default:
        for hostile in hostileValues { results.append(replace(hostile)) }
      }
    }
    walk(body) { $0 }
    return results
  }

  /// The JSON of every mutation of `body`, ready to send.
  static func encodedMutations(of body: Any) throws -> [Data] {
    try mutations(of: body).map { try JSONSerialization.data(withJSONObject: $0) }
  }

  static func send(_ bodies: [Data], to path: String, on server: TestServer) async throws
    -> [Int: Int]
  {
    var statuses: [Int: Int] = [:]
    for body in bodies {
      let response = try await server.request(.POST, path, body: body)
      statuses[response.status, default: 0] += 1
      #expect(
        response.status < 500, "\(path) answered \(response.status): \(response.text.prefix(300))")
    }
    return statuses
  }

  static func generateBody() -> [String: Any] {
    var generate = VideoRequest.body()
    var scenes = generate["video_inputs"] as! [[String: Any]]
    scenes[0]["character"] = [
      "type": "avatar", "avatar_id": VideoRequest.avatarID, "avatar_style": "normal",
      "scale": 1.0, "offset": ["x": 0.1, "y": -0.1],
    ]
    scenes[0]["text"] = [
      "text": "Hello", "font_size": 40, "position": ["x": 0.1, "y": 0.1], "width": 0.5,
      "line_height": 1.2, "color": "#000000",
    ]
    generate["video_inputs"] = scenes
    generate["fps"] = 25
    generate["callback_id"] = "cb"
    generate["folder_id"] = "f"
    generate["test"] = true
    return generate
  }

  static func templateDocument() throws -> Data {
    try JSONSerialization.data(withJSONObject: [
      "name": "Fuzz", "title": "Fuzz {{script}}",
      "variables": [
        "script": ["name": "script", "type": "text", "properties": ["content": "Hi."]]
      ],
      "video_inputs": [
        [
          "character": ["type": "avatar", "avatar_id": VideoRequest.avatarID],
          "voice": [
            "type": "text", "input_text": "{{script}} {{script}}",
            "voice_id": VideoRequest.voiceID,
          ],
        ]
      ],
      "dimension": ["width": 320, "height": 180],
    ])
  }

  static func templateGenerateBody() -> [String: Any] {
    [
      "title": "From template", "test": true, "caption": false,
      "variables": [
        "script": ["name": "script", "type": "text", "properties": ["content": "Hello there."]]
      ],
    ]
  }

  static let translateBody: [String: String] = [
    "video_url": "https://example.invalid/video.mp4", "output_language": "Spanish",
    "title": "Dub", "callback_id": "cb",
  ]

  static var webhookBody: [String: Any] {
    ["url": "https://example.invalid/hook", "events": ["avatar_video.success"]]
  }

  static let uploads: [(Data, String)] = [
    (Data("<html><script>alert(1)</script></html>".utf8), "video/mp4"),
    (Data(repeating: 0, count: 1 << 16), "image/png"), (Data(), "audio/mpeg"),
    (Data([0xFF, 0xD8, 0xFF]), "image/jpeg"), (Data("x".utf8), "application/x-evil"),
  ]

  @Test func hostileValuesNeverCrashOrEarnA5xx() async throws {
    let generate = try Self.encodedMutations(of: Self.generateBody())
    let fromTemplate = try Self.encodedMutations(of: Self.templateGenerateBody())
    let translate = try Self.encodedMutations(of: Self.translateBody)
    let webhook = try Self.encodedMutations(of: Self.webhookBody)
    let document = try Self.templateDocument()
    try await TestServer.with(
      workers: 0, allowPrivateURLs: false, arguments: ["--max-active-renders", "100000"]
    ) { server in
      var total = try await Self.send(generate, to: "/v2/video/generate", on: server)
      let template = try await server.request(.POST, "/v2/template", body: document)
      let templateID = try #require(template.json["data"]["template_id"].string)
      for (path, bodies) in [
        ("/v2/template/\(templateID)/generate", fromTemplate), ("/v2/video_translate", translate),
        ("/v1/webhook/endpoint.add", webhook),
      ] {
        total.merge(try await Self.send(bodies, to: path, on: server), uniquingKeysWith: +)
      }
      for (body, type) in Self.uploads {
        let response = try await AssetTests.upload(body, contentType: type, to: server)
        #expect(response.status < 500, "asset \(type): \(response.status) \(response.text)")
        total[response.status, default: 0] += 1
      }
      #expect(try await server.get("/v2/avatars").status == 200, "the server still answers")
      #expect(total.keys.allSatisfy { $0 < 500 }, "\(total)")
      #expect(total.values.reduce(0, +) > 700, "\(total)")
    }
  }
}
