import Foundation

/// Which speech engines speak beside espeak-ng (always there): Piper when its environment is
/// installed, with the bundled voices and any in an operator's folder, and an
/// OpenAI-compatible speech server when one is named. Read from `--piper-venv`,
/// `--piper-voices-dir`, `--piper-threads`, `--piper-parallel-requests`, `--speech-url`,
/// `--speech-voices`, `--speech-model` and `--speech-api-key` (and their `ORATOR_*` variables).
public struct SpeechSettings: Sendable {
  /// The environment `scripts/setup-piper.sh` makes.
  public var piperEnvironment = ".venv-piper"
  /// A folder of extra Piper voices (`.onnx` with `.onnx.json`).
  public var piperVoicesDirectory: String?
  /// Inference threads per Piper request.
  public var piperThreads = 1
  /// Piper requests one video's speech is spoken in at once, each on `piperThreads` threads.
  /// One by default: speech then takes one core, and the renders of other videos keep the
  /// rest. More makes a lone video's speech faster on an idle machine, and none on a busy one.
  public var piperParallelRequests = 1
  public var serverURL: URL?
  public var serverVoices: [VoiceDescriptor] = []
  public var serverModel = "tts-1"
  public var serverAPIKey: String?

  public init() {}

  /// The Piper engine, or nil when Piper is not installed or has no voice.
  public func piper() -> PiperSynthesizer? {
    let environment = URL(fileURLWithPath: piperEnvironment)
    let extra = piperVoicesDirectory.map { [URL(fileURLWithPath: $0)] } ?? []
    guard let bundled = PiperInstallation.voicesFolder(of: environment),
      let sidecar = PiperSidecar(
        environment: environment, extraFolders: extra, threads: piperThreads)
    else { return nil }
    let folders = [bundled] + extra
    let voices = PiperVoiceCatalog.voices(in: folders)
    guard !voices.isEmpty else { return nil }
    return PiperSynthesizer(
      voices: voices, sidecar: sidecar, parallelRequests: piperParallelRequests)
  }

  /// The speech server's engine, or nil when none is named.
  public func server(aligner: (any SpeechAligner)? = nil) -> OpenAISpeechSynthesizer? {
    guard let serverURL, !serverVoices.isEmpty else { return nil }
    return OpenAISpeechSynthesizer(
      baseURL: serverURL, model: serverModel, apiKey: serverAPIKey, voices: serverVoices,
      aligner: aligner)
  }

  /// espeak-ng's voices first, then Piper's, then the speech server's.
  public func engines(aligner: (any SpeechAligner)? = nil) -> SpeechEngines {
    var engines: [any SpeechSynthesizer] = [EspeakSynthesizer.shared]
    if let piper = piper() { engines.append(piper) }
    if let server = server(aligner: aligner) { engines.append(server) }
    return SpeechEngines(engines)
  }
}

extension SpeechEngines {
  /// The Piper sidecar among the engines, to stop it at shutdown.
  public var piperSidecar: PiperSidecar? {
    engines.lazy.compactMap { ($0 as? PiperSynthesizer)?.sidecar }.first
  }
}
