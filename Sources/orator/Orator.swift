import ArgumentParser
import Foundation
import OratorCore

@main
struct Orator: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orator",
    abstract: "A self-hosted avatar video service that speaks the HeyGen API.",
    discussion: """
      Client commands talk to --base-url (or HEYGEN_API_BASE, else HEYGEN_BASE_URL, default
      http://127.0.0.1:8080) with --api-key (or HEYGEN_API_KEY, else HEYGEN_TOKEN, else
      ORATOR_API_KEY). Exit codes: 0 done, 1 the API refused or a render failed, 2 bad
      arguments, 3 the key was refused, 4 --wait ran out of time.
      """,
    version: OratorVersion.current,
    subcommands: [
      ServeCommand.self, WorkerCommand.self, MigrateCommand.self, RenderCommand.self,
      RenderJobCommand.self,
      KeysCommand.self, MediaCommand.self,
      AvatarsCommand.self, VoicesCommand.self, VideoCommand.self, TemplateCommand.self,
      TranslateCommand.self, LanguagesCommand.self, QuotaCommand.self, WebhookCommand.self,
    ]
  )

  /// ArgumentParser's own entry point, except that bad arguments exit with 2 (as documented,
  /// and as most Unix tools do) instead of 64.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
