import ArgumentParser
import Foundation
import OratorRender

/// The speech engines beside espeak-ng, for `serve`, `worker` and `render` (each option also
/// an `ORATOR_*` variable).
struct SpeechOptions: ParsableArguments {
  @Option(
    help:
      "Virtual environment of the Piper neural voices (scripts/setup-piper.sh). Also ORATOR_PIPER_VENV."
  )
  var piperVenv: String?
  @Option(
    help:
      "A folder of extra Piper voices (NAME.onnx with NAME.onnx.json). Also ORATOR_PIPER_VOICES_DIR."
  )
  var piperVoicesDir: String?
  @Option(help: "Inference threads per Piper request. Also ORATOR_PIPER_THREADS.")
  var piperThreads: Int?
  @Option(
    help:
      "Piper requests one video's speech is spoken in at once, each on --piper-threads threads. Also ORATOR_PIPER_PARALLEL_REQUESTS."
  )
  var piperParallelRequests: Int?
  @Option(
    name: .customLong("speech-url"),
    help: "An OpenAI-compatible /v1/audio/speech server. Also ORATOR_SPEECH_URL.")
  var speechURL: String?
  @Option(
    help:
      "That server's voices as name:locale:gender, comma-separated (af_bella:en-US:female). Also ORATOR_SPEECH_VOICES."
  )
  var speechVoices: String?
  @Option(help: "Model name sent to --speech-url. Also ORATOR_SPEECH_MODEL.")
  var speechModel: String?
  @Option(help: "API key of --speech-url. Also ORATOR_SPEECH_API_KEY.")
  var speechApiKey: String?

  func settings(_ env: [String: String]) throws -> SpeechSettings {
    var settings = SpeechSettings()
    settings.piperEnvironment =
      piperVenv ?? env["ORATOR_PIPER_VENV"]
      ?? TranslationOptions.installedSidecarEnvironment(named: settings.piperEnvironment)
    if let folder = piperVoicesDir ?? env["ORATOR_PIPER_VOICES_DIR"], !folder.isEmpty {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
        isFolder.boolValue
      else { throw ValidationError("--piper-voices-dir \"\(folder)\" is not a folder") }
      settings.piperVoicesDirectory = folder
    }
    if let threads = try Self.count(
      piperThreads, option: "--piper-threads", variable: "ORATOR_PIPER_THREADS", env)
    {
      settings.piperThreads = threads
    }
    if let requests = try Self.count(
      piperParallelRequests, option: "--piper-parallel-requests",
      variable: "ORATOR_PIPER_PARALLEL_REQUESTS", env)
    {
      settings.piperParallelRequests = requests
    }
    if let text = speechURL ?? env["ORATOR_SPEECH_URL"], !text.isEmpty {
      guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
        scheme == "http" || scheme == "https", url.host != nil
      else { throw ValidationError("--speech-url must be an http(s) URL, not \"\(text)\"") }
      let list = speechVoices ?? env["ORATOR_SPEECH_VOICES"] ?? ""
      do {
        settings.serverVoices = try OpenAISpeechSynthesizer.voices(parsing: list)
      } catch .engineFailure(let message) {
        throw ValidationError("--speech-voices: \(message)")
      } catch {
        throw ValidationError("--speech-voices: \(error)")
      }
      guard !settings.serverVoices.isEmpty else {
        throw ValidationError("--speech-url needs --speech-voices (e.g. af_bella:en-US:female)")
      }
      settings.serverURL = url
    }
    settings.serverModel = speechModel ?? env["ORATOR_SPEECH_MODEL"] ?? settings.serverModel
    settings.serverAPIKey = speechApiKey ?? env["ORATOR_SPEECH_API_KEY"]
    return settings
  }

  /// A count of at least one: `value` (given as `option`), else the environment's `variable`;
  /// nil when neither is given. A variable that is not a whole number is refused, not ignored:
  /// an operator's typo would otherwise go unnoticed.
  static func count(
    _ value: Int?, option: String, variable: String, _ env: [String: String]
  ) throws -> Int? {
    if let value {
      guard value >= 1 else { throw ValidationError("\(option) must be at least 1, not \(value)") }
      return value
    }
    guard let text = env[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    guard let parsed = Int(text), parsed >= 1 else {
      throw ValidationError("\(variable) must be a whole number of at least 1, not \"\(text)\"")
    }
    return parsed
  }
}
