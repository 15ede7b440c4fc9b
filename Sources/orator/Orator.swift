import ArgumentParser

@main
struct Orator: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orator",
    abstract: "A self-hosted avatar video service that speaks the HeyGen API.",
    subcommands: [ServeCommand.self, RenderCommand.self, KeysCommand.self, TemplateCommand.self]
  )
}
