import ArgumentParser
import Foundation
import OratorKit

/// Where a client command sends its requests and the key it sends: flags first, then the
/// environment HeyGen's CLI and integrations use (`HEYGEN_API_BASE`, `HEYGEN_API_KEY`), then
/// the names HeyGen's older examples use (`HEYGEN_BASE_URL`, `HEYGEN_TOKEN`), then the local
/// Orator.
struct ServerConnection: ParsableArguments {
  static let defaultBaseURL = "http://127.0.0.1:8080"

  @Option(
    help:
      "The server's base URL (default: HEYGEN_API_BASE or HEYGEN_BASE_URL, else http://127.0.0.1:8080)."
  )
  var baseURL: String?
  @Option(help: "The API key (default: HEYGEN_API_KEY or HEYGEN_TOKEN, else ORATOR_API_KEY).")
  var apiKey: String?

  /// A client for the chosen server; a usage error when no key is given anywhere.
  func client(polling: PollingSchedule = .default) throws -> HeyGenClient {
    let environment = ProcessInfo.processInfo.environment
    let text = [baseURL, environment["HEYGEN_API_BASE"], environment["HEYGEN_BASE_URL"]]
      .compactMap { $0 }.first { !$0.isEmpty }
    guard let url = URL(string: text ?? Self.defaultBaseURL), url.scheme?.hasPrefix("http") == true
    else {
      throw ValidationError("--base-url \(text ?? ""): not an http(s) URL")
    }
    let key = [
      apiKey, environment["HEYGEN_API_KEY"], environment["HEYGEN_TOKEN"],
      environment["ORATOR_API_KEY"],
    ]
    .compactMap { $0 }.first { !$0.isEmpty }
    guard let key else {
      throw ValidationError(
        "no API key: set HEYGEN_API_KEY or pass --api-key (`orator serve` prints one at first start)"
      )
    }
    return HeyGenClient(baseURL: url, apiKey: key, polling: polling)
  }
}

/// `--json`: the API's `data` as JSON on standard output, for scripts.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print the API's data as JSON instead of a table.") var json = false
}

/// Runs a client command's work and reports an API failure the way every command does: one
/// line on standard error that says what to do, and the exit code HeyGen's CLI uses for it
/// (3 a refused key, whether 401 or 403; 4 a wait that ran out of time; 1 anything else).
func reportingFailures(_ work: () async throws -> Void) async throws {
  do {
    try await work()
  } catch let error as HeyGenError {
    FileHandle.standardError.write(Data("error: \(ClientAdvice.explain(error))\n".utf8))
    throw ExitCode(ClientAdvice.exitCode(for: error))
  } catch let failure as ClientFailure {
    FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
    throw ExitCode(1)
  }
}

/// A command that cannot do what was asked although the server answered fine (the video is
/// not finished yet, say): reported like an API failure, exit code 1.
struct ClientFailure: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// What a failure means for the person at the terminal.
enum ClientAdvice {
  static func exitCode(for error: HeyGenError) -> Int32 {
    if error.kind == .api && error.isAuthFailure { return 3 }
    if error.kind == .timedOut { return 4 }
    return 1
  }

  static func explain(_ error: HeyGenError) -> String {
    switch error.kind {
    case .api where error.isAuthFailure:
      return
        "the server refused the API key (HTTP \(error.status ?? 401)): check HEYGEN_API_KEY or --api-key (`orator keys create` makes one)"
    case .api where error.isRateLimited:
      return "\(error) (still refused after retrying; wait and try again)"
    case .unreachable:
      return "\(error.message) (is `orator serve` running? set HEYGEN_API_BASE or --base-url)"
    case .renderFailed:
      return "the video \(error)"
    default:
      return error.description
    }
  }
}
