import ArgumentParser
import Foundation
import OratorServer

/// `orator serve`'s choice of translation engines (each also an `ORATOR_*` variable).
struct TranslationOptions: ParsableArguments {
  @Option(
    help:
      "Text translator: apertium (built in), libretranslate or openai. Also ORATOR_TRANSLATOR.")
  var translator: String?
  @Option(
    name: .customLong("translator-url"),
    help: "Base URL of the LibreTranslate or OpenAI-compatible server. Also ORATOR_TRANSLATOR_URL.")
  var translatorURL: String?
  @Option(help: "Model name for --translator openai. Also ORATOR_TRANSLATOR_MODEL.")
  var translatorModel: String?
  @Option(help: "API key of the translation server. Also ORATOR_TRANSLATOR_API_KEY.")
  var translatorApiKey: String?
  @Option(
    help:
      "ISO 639-1 codes the openai translator may use, comma-separated. Also ORATOR_TRANSLATOR_LANGUAGES."
  )
  var translatorLanguages: String?
  @Option(
    name: .customLong("asr-url"),
    help:
      "An OpenAI-compatible /v1/audio/transcriptions server instead of the managed sidecar. Also ORATOR_ASR_URL."
  )
  var asrURL: String?
  @Option(help: "Model name sent to --asr-url. Also ORATOR_ASR_MODEL.") var asrModel: String?
  @Option(help: "API key of --asr-url. Also ORATOR_ASR_API_KEY.") var asrApiKey: String?
  @Option(
    help:
      "Virtual environment of the speech-recognition sidecar (scripts/setup-asr.sh). Also ORATOR_ASR_VENV."
  )
  var asrVenv: String?
  @Option(help: "CPU threads of the sidecar. Also ORATOR_ASR_THREADS.") var asrThreads: Int?

  func configuration(_ settings: Settings) async throws -> TranslationConfiguration {
    var result = TranslationConfiguration()
    let url = try await settings.string(translatorURL, "translator-url").map {
      try Self.url($0, option: "--translator-url")
    }
    let key = try await settings.string(translatorApiKey, "translator-api-key")
    switch (try await settings.string(translator, "translator") ?? "apertium").lowercased() {
    case "apertium":
      result.translator = .apertium
    case "libretranslate":
      guard let url else {
        throw ValidationError("--translator libretranslate needs --translator-url")
      }
      result.translator = .libreTranslate(url: url, apiKey: key)
    case "openai":
      guard let url else { throw ValidationError("--translator openai needs --translator-url") }
      let languages = (try await settings.string(translatorLanguages, "translator-languages") ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        .filter { !$0.isEmpty }
      guard !languages.isEmpty else {
        throw ValidationError("--translator openai needs --translator-languages (e.g. en,es,de)")
      }
      result.translator = .openAIChat(
        url: url,
        model: try await settings.string(translatorModel, "translator-model") ?? "gpt-4o-mini",
        apiKey: key, languages: languages)
    case let other:
      throw ValidationError(
        "--translator must be apertium, libretranslate or openai, not \"\(other)\"")
    }
    if let asr = try await settings.string(asrURL, "asr-url") {
      result.speechRecognitionURL = try Self.url(asr, option: "--asr-url")
    }
    result.speechRecognitionModel =
      try await settings.string(asrModel, "asr-model") ?? result.speechRecognitionModel
    result.speechRecognitionAPIKey = try await settings.string(asrApiKey, "asr-api-key")
    result.sidecarEnvironment =
      try await settings.string(asrVenv, "asr-venv")
      ?? Self.installedSidecarEnvironment(named: result.sidecarEnvironment)
    if let threads = try await settings.int(
      asrThreads, "asr-threads", must: "at least 1", where: { $0 >= 1 })
    {
      result.sidecarThreads = threads
    }
    return result
  }

  /// The set-up script's environment (`.venv-asr`) in the working folder, else in the checkout
  /// this binary was built in (`<checkout>/.build/<config>/orator`), so `orator serve` started
  /// from another folder still finds it; the working folder's name when neither has one.
  static func installedSidecarEnvironment(named name: String) -> String {
    let files = FileManager.default
    let python = "bin/python"
    if files.isExecutableFile(atPath: (name as NSString).appendingPathComponent(python)) {
      return name
    }
    var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
      .resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent(name)
      if files.isExecutableFile(atPath: candidate.appendingPathComponent(python).path) {
        return candidate.path
      }
      folder.deleteLastPathComponent()
    }
    return name
  }

  private static func url(_ text: String, option: String) throws -> URL {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", url.host != nil
    else { throw ValidationError("\(option) must be an http(s) URL, not \"\(text)\"") }
    return url
  }
}
