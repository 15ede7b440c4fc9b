/// A text-to-speech engine that reports what it said when. espeak-ng is the built-in one;
/// other engines (Piper, an OpenAI-compatible HTTP service, …) can conform later.
public protocol SpeechSynthesizer: Sendable {
  /// Every voice this engine offers, in a stable order.
  var voices: [VoiceDescriptor] { get }

  /// Speaks `text`, which may contain `<break time="1.5s"/>` pauses (other tags are ignored).
  /// - Parameters:
  ///   - speed: 1.0 is a natural rate; the API allows 0.5…1.5.
  ///   - pitch: 0 is the voice's own pitch; the API allows −50…50.
  func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack

  /// Speaks `text` as above, telling `progress` what share of it (0…1) is spoken as it goes,
  /// so that a long script's speech shows on a progress bar before the frames start.
  func synthesize(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) async throws(SpeechError) -> SpeechTrack

  /// Speaks `text` as above, handing out the speech piece by piece as the engine makes it:
  /// the tracks follow one another, each timed from its own start, and joined in order they
  /// are what `synthesize` gives. A render draws the frames of one piece while the engine
  /// speaks the next. The stream fails with a ``SpeechError``; ending it early stops the work.
  func synthesizeInPieces(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error>

  /// Whether `synthesizeInPieces` hands out pieces while it is still speaking with `voice`
  /// (Piper), rather than the whole track once done. A render draws frames beside only such
  /// speech; otherwise it waits for all of it and encodes picture and sound in one pass.
  func speaksPieceByPiece(_ voice: VoiceDescriptor) -> Bool
}

extension SpeechSynthesizer {
  /// An engine that speaks in one go reports all of it at the end.
  public func synthesize(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) async throws(SpeechError) -> SpeechTrack {
    let track = try await synthesize(text, voice: voice, speed: speed, pitch: pitch)
    progress(1)
    return track
  }

  /// An engine that speaks in one go hands out one piece: the whole track.
  public func synthesizeInPieces(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error> {
    SpeechPieces.stream { piece throws(SpeechError) in
      piece(
        try await synthesize(text, voice: voice, speed: speed, pitch: pitch, progress: progress))
    }
  }

  /// An engine that speaks in one go hands out nothing before it is done.
  public func speaksPieceByPiece(_ voice: VoiceDescriptor) -> Bool { false }

  /// The voice with this `voice_id`, if the engine has it.
  public func voice(withID id: String) -> VoiceDescriptor? {
    voices.first { $0.id == id }
  }

  /// Speaks `text` with the voice named by `voiceID`.
  public func synthesize(
    _ text: String, voiceID: String, speed: Double = 1, pitch: Double = 0
  ) async throws(SpeechError) -> SpeechTrack {
    guard let voice = voice(withID: voiceID) else { throw .unknownVoice(voiceID) }
    return try await synthesize(text, voice: voice, speed: speed, pitch: pitch)
  }
}

/// Bridges an engine that hands pieces to a callback to the stream ``SpeechSynthesizer``'s
/// callers read.
enum SpeechPieces {
  /// Runs `speak` in a task of its own, each piece it gives yielded to the stream; the task is
  /// cancelled when the reader stops reading.
  static func stream(
    _ speak:
      @escaping @Sendable (_ piece: @Sendable (SpeechTrack) -> Void) async throws(SpeechError)
      -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: SpeechTrack.self)
    let task = Task {
      do throws(SpeechError) {
        try await speak { continuation.yield($0) }
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }
}
