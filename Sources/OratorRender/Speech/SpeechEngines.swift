/// Several speech engines as one: the voices of all of them, each request spoken by the engine
/// that lists its voice. The first engine to list a voice id keeps it.
public struct SpeechEngines: SpeechSynthesizer {
  public let engines: [any SpeechSynthesizer]
  public let voices: [VoiceDescriptor]

  public init(_ engines: [any SpeechSynthesizer]) {
    self.engines = engines
    var seen: Set<String> = []
    var voices: [VoiceDescriptor] = []
    for engine in engines {
      for voice in engine.voices where seen.insert(voice.id).inserted { voices.append(voice) }
    }
    self.voices = voices
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    try await synthesize(text, voice: voice, speed: speed, pitch: pitch) { _ in }
  }

  public func synthesize(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) async throws(SpeechError) -> SpeechTrack {
    guard let engine = engines.first(where: { $0.voices.contains(voice) }) else {
      throw .unknownVoice(voice.id)
    }
    return try await engine.synthesize(
      text, voice: voice, speed: speed, pitch: pitch, progress: progress)
  }

  public func speaksPieceByPiece(_ voice: VoiceDescriptor) -> Bool {
    engines.first { $0.voices.contains(voice) }?.speaksPieceByPiece(voice) ?? false
  }

  public func synthesizeInPieces(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error> {
    guard let engine = engines.first(where: { $0.voices.contains(voice) }) else {
      return AsyncThrowingStream { $0.finish(throwing: SpeechError.unknownVoice(voice.id)) }
    }
    return engine.synthesizeInPieces(
      text, voice: voice, speed: speed, pitch: pitch, progress: progress)
  }
}
