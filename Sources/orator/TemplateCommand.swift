import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `orator template create|list|show|delete`: templates on a running server (Orator, or any
/// server speaking the same API), over HTTP.
struct TemplateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template", abstract: "Make, list, show and delete video templates on a server.",
    subcommands: [Create.self, List.self, Show.self, Delete.self])

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a template from a JSON file (see templates/) or from a finished video.")
    @OptionGroup var server: ServerConnection
    @Argument(
      help: "A template document: a generate body with {{placeholders}}, name and variables.")
    var file: String?
    @Option(name: .customLong("from-video"), help: "Make the template from this finished video.")
    var fromVideo: String?
    @Option(help: "The template's name (overrides the file's).") var name: String?

    func validate() throws {
      guard (file == nil) != (fromVideo == nil) else {
        throw ValidationError("give either a FILE or --from-video ID")
      }
    }

    func run() async throws {
      var document: [String: Any]
      if let file {
        guard let data = FileManager.default.contents(atPath: file),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw ValidationError("\(file) is not readable as a JSON object") }
        document = object
      } else {
        document = ["from_video_id": fromVideo!]
      }
      if let name { document["name"] = name }
      let data = try await server.call(.POST, "/v2/template", json: document)
      let template = data["data"] as? [String: Any] ?? [:]
      print("\(template["template_id"] as? String ?? "")  \(template["name"] as? String ?? "")")
      let variables = (template["variables"] as? [String: Any] ?? [:]).keys.sorted()
      print("variables: \(variables.joined(separator: ", "))")
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the account's templates.")
    @OptionGroup var server: ServerConnection

    func run() async throws {
      let data = try await server.call(.GET, "/v2/templates")
      let templates = (data["data"] as? [String: Any])?["templates"] as? [[String: Any]] ?? []
      for template in templates {
        let id = template["template_id"] as? String ?? ""
        let ratio = template["aspect_ratio"] as? String ?? ""
        print(
          "\(id)  \(ratio.padding(toLength: 9, withPad: " ", startingAt: 0))  \(template["name"] as? String ?? "")"
        )
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a template with its variables as JSON.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The template id.") var id: String

    func run() async throws {
      let data = try await server.call(.GET, "/v2/template/\(id)")
      let pretty = try JSONSerialization.data(
        withJSONObject: data["data"] ?? NSNull(),
        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      print(String(decoding: pretty, as: UTF8.self))
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a template.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The template id.") var id: String

    func run() async throws {
      _ = try await server.call(.DELETE, "/v2/template/\(id)")
      print("deleted \(id)")
    }
  }
}

/// Where a client command sends its requests and the key it sends.
struct ServerConnection: ParsableArguments {
  @Option(help: "The server's base URL (default: HEYGEN_BASE_URL, else http://127.0.0.1:8080).")
  var baseURL: String?
  @Option(help: "The API key (default: HEYGEN_TOKEN, else ORATOR_API_KEY).") var apiKey: String?

  var resolvedBaseURL: String {
    let environment = ProcessInfo.processInfo.environment
    let url = baseURL ?? environment["HEYGEN_BASE_URL"] ?? "http://127.0.0.1:8080"
    return url.hasSuffix("/") ? String(url.dropLast()) : url
  }

  func resolvedKey() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    guard let key = apiKey ?? environment["HEYGEN_TOKEN"] ?? environment["ORATOR_API_KEY"],
      !key.isEmpty
    else {
      throw ValidationError("no API key: pass --api-key or set HEYGEN_TOKEN or ORATOR_API_KEY")
    }
    return key
  }

  /// Sends one request and returns the decoded JSON body; a non-2xx answer becomes an error
  /// carrying the server's message.
  func call(_ method: HTTPMethod, _ path: String, json: Any? = nil) async throws -> [String: Any] {
    var request = HTTPClientRequest(url: resolvedBaseURL + path)
    request.method = method
    request.headers.add(name: "X-Api-Key", value: try resolvedKey())
    if let json {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
    }
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    let result: Result<(status: UInt, body: Data), any Error>
    do {
      // Rendering a template's thumbnail takes a moment, so the timeout is generous.
      let response = try await client.execute(request, timeout: .seconds(120))
      let bytes = try await response.body.collect(upTo: 16 << 20)
      result = .success((response.status.code, Data(buffer: bytes)))
    } catch {
      result = .failure(error)
    }
    try await client.shutdown()
    let (status, body) = try result.get()
    let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    guard (200..<300).contains(status) else {
      let error = object["error"] as? [String: Any]
      let message =
        error?["message"] as? String ?? object["message"] as? String
        ?? String(decoding: body, as: UTF8.self)
      throw ValidationError("the server answered \(status): \(message)")
    }
    return object
  }
}
