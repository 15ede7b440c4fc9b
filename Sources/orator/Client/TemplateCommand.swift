import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator template create|list|show|delete|generate`: templates on a running server
/// (Orator, or any server speaking the same API).
struct TemplateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Make, list, show, delete and render video templates on a server.",
    subcommands: [Create.self, List.self, Show.self, Delete.self, Generate.self])

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
    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard (file == nil) != (fromVideo == nil) else {
        throw ValidationError("give either a FILE or --from-video ID")
      }
    }

    func run() async throws {
      let client = try server.client()
      let document = try file.map(readDocument)
      try await reportingFailures {
        let template =
          if let document {
            try await client.templates.create(document: document)
          } else {
            try await client.templates.create(fromVideo: VideoID(fromVideo ?? ""), name: name)
          }
        if output.json { return try printJSON(template) }
        print("\(template.templateId)  \(template.name)")
        print("variables: \(template.variables.keys.sorted().joined(separator: ", "))")
      }
    }

    /// The file's JSON object, with `--name` put in.
    private func readDocument(_ file: String) throws -> Data {
      guard let data = FileManager.default.contents(atPath: file),
        var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { throw ValidationError("\(file) is not readable as a JSON object") }
      if let name { object["name"] = name }
      return try JSONSerialization.data(withJSONObject: object)
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the account's templates.")
    @OptionGroup var server: ServerConnection
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let templates = try await client.templates.list()
        if output.json { return try printJSON(TemplateListData(templates: templates)) }
        var table = Table("TEMPLATE ID", "RATIO", "NAME")
        for template in templates {
          table.add(template.templateId, template.aspectRatio, template.name)
        }
        table.print()
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a template and its variables with their defaults.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The template id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let template = try await client.templates.details(id: id)
        if output.json { return try printJSON(template) }
        print("template_id: \(template.templateId)")
        print("name:        \(template.name)")
        print(
          "dimension:   \(template.dimension.width)x\(template.dimension.height) (\(template.aspectRatio))"
        )
        print("")
        var table = Table("VARIABLE", "TYPE", "DEFAULT")
        for name in template.variables.keys.sorted() {
          guard let variable = template.variables[name] else { continue }
          table.add(name, variable.type, Self.value(of: variable) ?? "-")
        }
        table.print()
      }
    }

    /// The one property of the variable that `--var name=value` sets, as `generate` reads it.
    static func value(of variable: TemplateVariableBody) -> String? {
      let properties = variable.properties
      return switch variable.type {
      case "text": properties.content
      case "image", "video", "audio": properties.url ?? properties.assetId
      case "character": properties.characterId
      case "voice": properties.voiceId
      default: properties.content
      }
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a template.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The template id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        try await client.templates.delete(id: id)
        if output.json { return try printJSON(Deletion(idKey: "template_id", id: id)) }
        print("deleted \(id)")
      }
    }
  }

  struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a video from a template, setting some of its variables.",
      discussion: """
        Each --var name=value sets one variable; its type (from the template) says what the
        value is: text → the words, image/video/audio → a URL or an asset id,
        character → an avatar id, voice → a voice id. Variables left out keep their defaults.
        """)
    @OptionGroup var server: ServerConnection
    @Argument(help: "The template id.") var id: String
    @Option(name: .customLong("var"), help: "name=value (repeatable).") var variables: [String] = []
    @Option(help: "The video's title.") var title: String?
    @Flag(help: "Also render a copy with burned-in captions.") var caption = false
    @Flag(help: "A free test video, watermarked.") var test = false
    @OptionGroup var delivery: DeliveryOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { _ = try assignments() }

    func run() async throws {
      let client = try server.client()
      let assignments = try assignments()
      try await reportingFailures {
        try delivery.checkDestination()
        let template = try await client.templates.details(id: id)
        var bodies: [String: TemplateVariableBody] = [:]
        for (name, value) in assignments {
          guard let variable = template.variables[name] else {
            // A typo in the command line, caught before anything is sent: a usage error.
            let known = template.variables.keys.sorted().joined(separator: ", ")
            throw ValidationError(
              "--var \(name): template \(id) has no variable \"\(name)\"; its variables are: \(known.isEmpty ? "(none)" : known)"
            )
          }
          bodies[name] = Self.body(variable, name: name, value: value)
        }
        let request = TemplateGenerateRequest(
          variables: bodies, title: title, caption: caption ? true : nil, test: test ? true : nil)
        let video = try await client.templates.generate(id: id, request)
        try await VideoDelivery(client: client, json: output.json).deliver(video, delivery)
      }
    }

    private func assignments() throws -> [(String, String)] {
      try variables.map { text in
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
          throw ValidationError("--var \(text): expected name=value")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
      }
    }

    /// The variable's default with the one value it carries replaced.
    static func body(_ variable: TemplateVariableBody, name: String, value: String)
      -> TemplateVariableBody
    {
      var properties = variable.properties
      switch variable.type {
      case "text": properties.content = value
      case "image", "video", "audio":
        if value.contains("://") {
          properties.url = value
          properties.assetId = nil
        } else {
          properties.assetId = value
          properties.url = nil
        }
      case "character": properties.characterId = value
      case "voice": properties.voiceId = value
      default: properties.content = value
      }
      return TemplateVariableBody(name: name, type: variable.type, properties: properties)
    }
  }
}
