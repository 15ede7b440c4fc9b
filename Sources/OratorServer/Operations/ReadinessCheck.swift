import Foundation
import OratorCore
import OratorRender

/// What a node needs to serve and render, each checked for `/readyz` and the start-up log:
/// the database answers, render workers run (here or as `orator worker` processes), ffmpeg is
/// on the path, speech engines have voices, and avatars are loaded.
struct ReadinessCheck: Sendable {
  struct Result: Sendable {
    var checks: [String: String]
    var ready: Bool { checks.values.allSatisfy { $0.hasPrefix(Self.ok) } }
    static let ok = "ok"
  }

  let environment: ServerEnvironment
  let workers: WorkerCount

  func run() async -> Result {
    var checks: [String: String] = [:]
    do {
      try await environment.store.ping()
      checks["database"] = Result.ok
    } catch {
      checks["database"] = "unreachable"
    }
    checks["ffmpeg"] = ToolLookup.path(of: "ffmpeg") == nil ? "not found on PATH" : Result.ok
    checks["speech"] =
      environment.speech.voices.isEmpty ? "no voices" : "\(Result.ok) (\(voiceSummary))"
    checks["avatars"] =
      environment.avatars.isEmpty ? "none loaded" : "\(Result.ok) (\(environment.avatars.count))"
    let wanted = environment.configuration.workers
    let running = workers.running
    checks["workers"] =
      switch (wanted, running) {
      case (0, _): "\(Result.ok) (remote: orator worker processes render)"
      case (let wanted, let running) where running >= wanted: "\(Result.ok) (\(running))"
      case (let wanted, let running): "\(running) of \(wanted) running"
      }
    return Result(checks: checks)
  }

  /// Voices per engine, e.g. `espeak-ng 98, piper 1`.
  var voiceSummary: String {
    var counts: [SpeechEngineName: Int] = [:]
    for voice in environment.speech.voices { counts[voice.engine, default: 0] += 1 }
    return SpeechEngineName.allCases.compactMap { engine in
      counts[engine].map { "\(engine.rawValue) \($0)" }
    }.joined(separator: ", ")
  }
}
