import OratorRender
import ServiceLifecycle

/// Stops the Piper sidecar when the server shuts down gracefully. (After a `kill -9` the
/// sidecar notices its parent is gone and exits on its own.)
struct PiperSidecarService: Service {
  let speech: any SpeechSynthesizer

  func run() async throws {
    try? await gracefulShutdown()
    await (speech as? SpeechEngines)?.piperSidecar?.stop()
  }
}
