import ServiceLifecycle

/// Stops the speech-recognition sidecar when the server shuts down gracefully. (After a
/// `kill -9` the sidecar notices its parent is gone and exits on its own.)
struct TranslationSidecarService: Service {
  let translation: TranslationService

  func run() async throws {
    try? await gracefulShutdown()
    await translation.shutdown()
  }
}
