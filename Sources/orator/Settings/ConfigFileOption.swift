import ArgumentParser
import Foundation

/// `--config`: a JSON file of settings keyed by flag name, below flags and the environment.
struct ConfigFileOption: ParsableArguments {
  @Option(
    name: .customLong("config"),
    help:
      "A JSON file of settings keyed by flag name ({\"port\": 8080}); flags and ORATOR_* variables win over it. Also ORATOR_CONFIG."
  )
  var path: String?

  /// The command's settings: flags > environment (ORATOR_*, ORATOR_*_FILE) > this file.
  func settings() async throws -> Settings {
    try await Settings.load(configFile: path, environment: ProcessInfo.processInfo.environment)
  }
}
