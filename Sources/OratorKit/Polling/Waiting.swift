import HeyGenAPI

extension HeyGenClient {
  /// Polls the video's status until it is `completed` and returns that status, with its media
  /// links.
  ///
  /// - Parameters:
  ///   - timeout: how long to wait before a ``HeyGenError/Kind/timedOut`` error.
  ///   - progress: called with every status read, on any thread.
  /// - Throws: ``HeyGenError`` of kind ``HeyGenError/Kind/renderFailed`` with the video's error
  ///   code and message when it fails.
  public func waitForVideo(
    id: VideoID, timeout: Duration = .seconds(3600),
    progress: (@Sendable (VideoStatus) -> Void)? = nil
  ) async throws(HeyGenError) -> VideoStatus {
    let status = try await poll(timeout: timeout, what: "video \(id)") {
      () async throws(HeyGenError) -> VideoStatus? in
      let status = try await videos.status(id: id)
      progress?(status)
      return status.state.isFinished ? status : nil
    }
    guard status.state == .completed else {
      throw HeyGenError(
        kind: .renderFailed, code: status.error.map { String($0.code) },
        message: status.error.map { $0.detail.isEmpty ? $0.message : $0.detail }
          ?? "video \(id) failed")
    }
    return status
  }

  /// Polls a translation until it is `success` and returns that status, with its `url`.
  /// - Throws: ``HeyGenError`` of kind ``HeyGenError/Kind/renderFailed`` when it fails.
  public func waitForTranslation(
    id: TranslationID, timeout: Duration = .seconds(3600),
    progress: (@Sendable (TranslationStatus) -> Void)? = nil
  ) async throws(HeyGenError) -> TranslationStatus {
    let status = try await poll(timeout: timeout, what: "translation \(id)") {
      () async throws(HeyGenError) -> TranslationStatus? in
      let status = try await translations.status(id: id)
      progress?(status)
      return status.status == .success || status.status == .failed ? status : nil
    }
    guard status.status == .success else {
      throw HeyGenError(
        kind: .renderFailed, message: status.message ?? "translation \(id) failed")
    }
    return status
  }

  /// Calls `check` on the ``polling`` schedule until it returns a value.
  private func poll<Value>(
    timeout: Duration, what: String, _ check: () async throws(HeyGenError) -> Value?
  ) async throws(HeyGenError) -> Value {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var interval = polling.initialInterval
    while true {
      if let value = try await check() { return value }
      guard clock.now + interval <= deadline else {
        throw HeyGenError(kind: .timedOut, message: "\(what) did not finish within \(timeout)")
      }
      do {
        try await Task.sleep(for: interval)
      } catch {
        throw HeyGenError(kind: .cancelled, message: "cancelled while waiting for \(what)")
      }
      interval = polling.next(after: interval)
    }
  }
}
