import ArgumentParser
import Configuration
import Foundation
import SystemPackage

/// Where a command's settings come from, the first that has one wins: its flag; the environment
/// (`ORATOR_<NAME>`, or `ORATOR_<NAME>_FILE` naming a file that holds the value, so a secret
/// need not sit in the environment); then the JSON file that `--config` or `ORATOR_CONFIG` names,
/// keyed by the flag's name (`{"port": 8080, "database-url": "postgres://…"}`).
///
/// A value that is there but does not parse, or is out of range, stops the command with a
/// message naming where it came from; none is silently ignored.
struct Settings: Sendable {
  private let reader: ConfigReader
  private let environment: [String: String]
  private let configFile: String?

  /// The settings of one command, with `configFile` (its `--config` flag) or `ORATOR_CONFIG`.
  static func load(configFile flag: String?, environment: [String: String]) async throws
    -> Settings
  {
    let path = flag ?? environment["ORATOR_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    var providers: [any ConfigProvider] = [
      EnvironmentVariablesProvider(
        environmentVariables: try Self.readingSecretFiles(environment),
        secretsSpecifier: .dynamic { name, _ in Self.isSecret(name) }
      ).prefixKeys(with: "orator")
    ]
    if let path {
      do {
        providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
      } catch {
        throw ValidationError("--config \(path): not a readable JSON object (\(error))")
      }
    }
    return Settings(
      reader: ConfigReader(providers: providers), environment: environment, configFile: path)
  }

  /// Settings from the environment alone, for commands that have no `--config`.
  static func environment(_ environment: [String: String]) async throws -> Settings {
    try await load(configFile: nil, environment: environment)
  }

  func string(_ flag: String?, _ name: String) async throws -> String? {
    if let flag { return flag }
    return try await fetch(name, "text") { key in
      try await reader.fetchString(forKey: key, isSecret: Self.isSecret(name))
    }
  }

  func int(
    _ flag: Int?, _ name: String, must requirement: String, where valid: (Int) -> Bool
  ) async throws -> Int? {
    try await number(flag, name, "whole number", requirement, valid) {
      try await reader.fetchInt(forKey: $0)
    }
  }

  func double(
    _ flag: Double?, _ name: String, must requirement: String, where valid: (Double) -> Bool
  ) async throws -> Double? {
    try await number(flag, name, "number", requirement, valid) {
      try await reader.fetchDouble(forKey: $0)
    }
  }

  /// The flag, else the value read, either way checked against `valid`.
  private func number<Value>(
    _ flag: Value?, _ name: String, _ kind: String, _ requirement: String,
    _ valid: (Value) -> Bool, read: (ConfigKey) async throws -> Value?
  ) async throws -> Value? {
    var value = flag
    if value == nil { value = try await fetch(name, kind, read) }
    return try checked(value, flag: flag, name, requirement, valid)
  }

  /// An on/off setting: a flag given turns it on; else `1|true|yes` or `0|false|no`.
  func bool(_ flag: Bool, _ name: String) async throws -> Bool {
    if flag { return true }
    return try await fetch(name, "true or false") { try await reader.fetchBool(forKey: $0) }
      ?? false
  }

  /// The variable that sets `name` (`database-url` → `ORATOR_DATABASE_URL`).
  static func variable(_ name: String) -> String {
    "ORATOR_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
  }

  /// Settings never shown in logs or access reports.
  static func isSecret(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return ["key", "token", "secret", "password", "database-url", "database_url"].contains {
      lowered.contains($0)
    }
  }

  private func fetch<Value>(
    _ name: String, _ kind: String, _ read: (ConfigKey) async throws -> Value?
  ) async throws -> Value? {
    do {
      return try await read(ConfigKey(name))
    } catch {
      throw ValidationError("\(source(of: name)) must be a \(kind)")
    }
  }

  private func checked<Value>(
    _ value: Value?, flag: Value?, _ name: String, _ requirement: String,
    _ valid: (Value) -> Bool
  ) throws -> Value? {
    guard let value, !valid(value) else { return value }
    let origin =
      if flag != nil {
        "--\(name) \(value)"
      } else if environment[Self.variable(name)] != nil {
        source(of: name)
      } else {
        "\(source(of: name)) (\(value))"
      }
    throw ValidationError("\(origin) must be \(requirement)")
  }

  /// Where a setting not given by flag came from, for error messages (the value itself is
  /// shown only when it is not a secret).
  private func source(of name: String) -> String {
    let variable = Self.variable(name)
    if let text = environment[variable] {
      return Self.isSecret(name) ? variable : "\(variable)=\(text)"
    }
    if environment[variable + "_FILE"] != nil { return "the file \(variable)_FILE names" }
    return "\"\(name)\" in \(configFile ?? "the config file")"
  }

  /// The environment with each `ORATOR_<NAME>_FILE` replaced by `ORATOR_<NAME>` holding that
  /// file's contents (one trailing newline dropped, as `echo` and editors add one). A variable
  /// set directly wins over its file.
  static func readingSecretFiles(_ environment: [String: String]) throws -> [String: String] {
    var result = environment
    for (name, path) in environment where name.hasPrefix("ORATOR_") && name.hasSuffix("_FILE") {
      let target = String(name.dropLast("_FILE".count))
      guard environment[target] == nil, !path.isEmpty else { continue }
      guard let data = FileManager.default.contents(atPath: path),
        var text = String(data: data, encoding: .utf8)
      else { throw ValidationError("\(name): cannot read \(path)") }
      if text.hasSuffix("\r\n") {
        text.removeLast(2)
      } else if text.hasSuffix("\n") {
        text.removeLast()
      }
      result[target] = text
    }
    return result
  }
}
