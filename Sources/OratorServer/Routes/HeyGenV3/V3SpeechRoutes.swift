import HeyGenAPI
import Hummingbird
import OratorCore

/// `POST /v3/voices/speech`: text to speech, kept as an audio asset of the account.
struct V3SpeechRoutes {
  let environment: ServerEnvironment
  let idempotency: IdempotentRequests

  func register(on router: inout RouterRegistry) {
    router.post("/v3/voices/speech", speak)
  }

  @Sendable func speak(_ request: Request, context: AppRequestContext) async throws -> Response {
    let account = try context.requireAccount()
    return try await idempotency.answer(
      request, account: account.id, endpoint: "POST /v3/voices/speech"
    ) {
      let body = try await RequestBody.collect(request, limit: 256 << 10, envelope: .v3)
      let asked: V3SpeechGenerateRequest = try RequestBody.decode(body, envelope: .v3)
      let spoken = try await SpeechGeneration(environment: environment, account: account.id)
        .speak(
          text: asked.text, voiceID: asked.voiceId, speed: asked.speed,
          inputType: asked.inputType)
      return try JSONReply(
        V3Envelope(
          data: V3GeneratedSpeech(
            audioUrl: spoken.url, duration: spoken.duration,
            requestId: spoken.asset.id.rawValue,
            wordTimestamps: spoken.words.map {
              V3WordTimestamp(word: $0.text, start: $0.start, end: $0.end)
            })))
    }
  }
}
