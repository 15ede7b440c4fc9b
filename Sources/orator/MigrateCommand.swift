import ArgumentParser
import Foundation
import OratorCore
import OratorPostgres
import OratorServer

/// `orator migrate`: brings a database's schema up to date and exits, so a deployment can
/// migrate once before starting its API nodes. `serve` migrates on start too; this only
/// makes the step explicit.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Bring the store's schema up to date (the PostgreSQL database, else the SQLite file)."
  )

  @OptionGroup var data: DataOptions

  func run() async throws {
    let settings = try await data.config.settings()
    var configuration = ServerConfiguration()
    configuration.dataDirectory = try await data.directory(settings)
    configuration.databaseURL = try await data.database(settings)
    let store = try await ServerEnvironment.openStore(configuration)
    if let postgres = store as? PostgresStore, let url = configuration.databaseURL {
      let version = try await postgres.schemaVersion()
      await postgres.close()
      print("\(PostgresURL.redacted(url)): schema at version \(version)")
    } else {
      print("\(configuration.dataDirectory)/orator.sqlite: schema up to date")
    }
  }
}
