import ArgumentParser
import Foundation
import OratorServer

/// `orator media prune`: deletes finished videos older than a number of days, as
/// `serve --media-retention-days` does on its own, for a cron job or a one-off clean-up.
struct MediaCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "media", abstract: "Manage the media folder's size.",
    subcommands: [Prune.self])

  struct Prune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Delete finished videos (record and media) that finished more than --older-than-days ago."
    )
    @OptionGroup var data: DataOptions
    @Option(help: "Age in days (fractions allowed) beyond which finished videos are deleted.")
    var olderThanDays: Double
    @Flag(help: "Only count what would be deleted.") var dryRun = false

    func validate() throws {
      guard olderThanDays >= 0 else { throw ValidationError("--older-than-days must be 0 or more") }
    }

    func run() async throws {
      let environment = try await openEnvironment(data)
      let report = try await MediaPruner(environment: environment).prune(
        olderThan: .seconds(olderThanDays * 86400), dryRun: dryRun)
      let size = ByteCountFormatter.string(fromByteCount: report.bytes, countStyle: .file)
      print(
        dryRun
          ? "would delete \(report.videos) videos (\(size))"
          : "deleted \(report.videos) videos (\(size))")
    }
  }
}
