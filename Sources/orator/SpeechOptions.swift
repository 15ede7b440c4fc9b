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

  func settings(_ source: Settings) async throws -> SpeechSettings {
    var settings = SpeechSettings()
    settings.piperEnvironment =
      try await source.string(piperVenv, "piper-venv")
      ?? TranslationOptions.installedSidecarEnvironment(named: settings.piperEnvironment)
    if let folder = try await source.string(piperVoicesDir, "piper-voices-dir"), !folder.isEmpty {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
        isFolder.boolValue
      else { throw ValidationError("--piper-voices-dir \"\(folder)\" is not a folder") }
      settings.piperVoicesDirectory = folder
    }
    if let threads = try await source.int(
      piperThreads, "piper-threads", must: "at least 1", where: { $0 >= 1 })
    {
      settings.piperThreads = threads
    }
    if let requests = try await source.int(
      piperParallelRequests, "piper-parallel-requests", must: "at least 1", where: { $0 >= 1 })
    {
      settings.piperParallelRequests = requests
    }
    if let text = try await source.string(speechURL, "speech-url"), !text.isEmpty {
      guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
        scheme == "http" || scheme == "https", url.host != nil
      else { throw ValidationError("--speech-url must be an http(s) URL, not \"\(text)\"") }
      let list = try await source.string(speechVoices, "speech-voices") ?? ""
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
    settings.serverModel =
      try await source.string(speechModel, "speech-model") ?? settings.serverModel
    settings.serverAPIKey = try await source.string(speechApiKey, "speech-api-key")
    return settings
  }
}
