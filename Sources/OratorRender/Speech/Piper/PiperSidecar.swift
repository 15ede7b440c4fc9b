import Foundation

/// Piper in a long-lived Python process (a ``LoopbackSidecar`` running this module's
/// `Sidecar/piper_server.py`). Loading a voice costs a second or two, so the process and its
/// voices stay warm between videos.
public actor PiperSidecar {
  public nonisolated let python: URL
  /// Where models patched to report phoneme durations are kept.
  public nonisolated let cacheDirectory: URL
  /// Inference threads per request: one, so that a render keeps the other cores.
  public nonisolated let threads: Int
  /// Voices also offered through `/v1/audio/speech`, by name.
  public nonisolated let namedVoices: [String: String]
  private nonisolated let process: LoopbackSidecar?
  /// Where a sidecar another process started listens, for a sidecar this one only uses.
  private nonisolated let attached: URL?

  /// - Parameter voicesFolders: The folders whose models it may load (it refuses any other
  ///   file, whoever on the machine asks).
  public init(
    python: URL, cacheDirectory: URL, voicesFolders: [URL], threads: Int = 1,
    namedVoices: [String: String] = [:], startTimeout: Duration = .seconds(60)
  ) {
    self.python = python
    self.cacheDirectory = cacheDirectory
    self.threads = max(1, threads)
    self.namedVoices = namedVoices
    var arguments = ["--cache", cacheDirectory.path, "--threads", String(max(1, threads))]
    for folder in voicesFolders { arguments += ["--voices-folder", folder.path] }
    for (name, model) in namedVoices.sorted(by: { $0.key < $1.key }) {
      arguments += ["--voice", "\(name)=\(model)"]
    }
    process = Self.script.map {
      LoopbackSidecar(
        name: "Piper", executable: python, arguments: [$0.path] + arguments,
        startTimeout: startTimeout)
    }
    attached = nil
  }

  /// The sidecar another process runs at `url`: a render process speaks through the serving
  /// process's sidecar, which stays warm between videos. It is neither started nor stopped
  /// from here.
  public init(attachedTo url: URL) {
    python = URL(fileURLWithPath: "/")
    cacheDirectory = URL(fileURLWithPath: "/")
    threads = 1
    namedVoices = [:]
    process = nil
    attached = url
  }

  /// The sidecar of an environment made by `scripts/setup-piper.sh` (`bin/python` with
  /// piper-tts) for its bundled voices and those of `extraFolders`, caching patched models in
  /// its `aligned` folder; nil when there is no such environment.
  public init?(environment: URL, extraFolders: [URL] = [], threads: Int = 1) {
    guard let bundled = PiperInstallation.voicesFolder(of: environment) else { return nil }
    self.init(
      python: environment.appendingPathComponent("bin/python"),
      cacheDirectory: environment.appendingPathComponent("aligned"),
      voicesFolders: [bundled] + extraFolders, threads: threads)
  }

  /// Where the sidecar listens, starting it first if it is not running.
  public func baseURL() async throws(SpeechError) -> URL {
    if let attached { return attached }
    guard let process else { throw .engineFailure("Piper: the sidecar script is missing") }
    do {
      return try await process.baseURL()
    } catch {
      throw .engineFailure(error.description)
    }
  }

  /// Stops the sidecar and waits for it to exit; a later ``baseURL()`` starts it again.
  public func stop() async {
    await process?.stop()
  }

  /// The sidecar program, shipped as a resource of this module.
  public static let script = Bundle.module.url(
    forResource: "piper_server", withExtension: "py", subdirectory: "Sidecar")
}
