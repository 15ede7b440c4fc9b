import Foundation
import Testing

@testable import OratorTranslate

@Suite struct HTTPTranslatorTests {
  /// The in-process engine server answers from the same busy test process as every other
  /// suite; the production 5 s for a language list would time out under that load.
  static let patient = Duration.seconds(60)

  @Test func libreTranslateSendsOneBatchAndKeepsOrder() async throws {
    let server = try await EngineServer()
    let libre = LibreTranslateTranslator(
      baseURL: server.baseURL, apiKey: "libre-key", listTimeout: Self.patient)
    let spanish = try await libre.translate(
      ["Hello", "", "World", "Thank you"], from: "en", to: "es")
    await server.stop()

    #expect(spanish == ["hola", "", "mundo", "gracias"])
    let translate = try #require(server.received.first { $0.path == "/translate" })
    let body = try #require(translate.json)
    #expect(body["q"] as? [String] == ["Hello", "World", "Thank you"])
    #expect(body["source"] as? String == "en")
    #expect(body["target"] as? String == "es")
    #expect(body["format"] as? String == "text")
    #expect(body["api_key"] as? String == "libre-key")
    #expect(translate.contentType == "application/json")
    #expect(server.received.filter { $0.path == "/translate" }.count == 1)
  }

  @Test func libreTranslatePairsComeFromLanguages() async throws {
    let server = try await EngineServer()
    let pairs = try await LibreTranslateTranslator(
      baseURL: server.baseURL, listTimeout: Self.patient
    ).pairs()
    await server.stop()
    #expect(
      pairs == [
        LanguagePair(source: "en", target: "es"), LanguagePair(source: "en", target: "zh"),
        LanguagePair(source: "es", target: "en"), LanguagePair(source: "zh", target: "en"),
      ])
  }

  @Test func libreTranslateErrorsAreReported() async throws {
    let server = try await EngineServer()
    let wrongKey = LibreTranslateTranslator(
      baseURL: server.baseURL, apiKey: "nope", listTimeout: Self.patient)
    await #expect {
      try await wrongKey.translate(["Hello"], from: "en", to: "es")
    } throws: { error in
      guard case .engineFailed(let message) = error as? TranslationError else { return false }
      return message.contains("403")
    }
    await #expect(throws: TranslationError.unsupportedPair(source: "en", target: "fr")) {
      try await wrongKey.translate(["Hello"], from: "en", to: "fr")
    }
    await server.stop()

    // Nothing listens on the discard port.
    let unreachable = LibreTranslateTranslator(baseURL: URL(string: "http://127.0.0.1:9")!)
    await #expect {
      try await unreachable.pairs()
    } throws: { error in
      if case .engineUnavailable = error as? TranslationError { true } else { false }
    }
  }

  @Test func chatModelTranslatesAllTextsInOneRequest() async throws {
    let server = try await EngineServer()
    let chat = OpenAIChatTranslator(
      baseURL: server.baseURL.appendingPathComponent("v1"), model: "tiny-llm",
      apiKey: "chat-key", languages: ["English", "es", "ca"])
    let spanish = try await chat.translate(["Hello", "  ", "Good morning"], from: "en", to: "es")
    let pairs = try await chat.pairs()
    await server.stop()

    #expect(spanish == ["hola", "", "buenos días"])
    #expect(pairs.count == 6)
    #expect(pairs.contains(LanguagePair(source: "ca", target: "en")))
    let requests = server.received
    #expect(requests.count == 1)
    let request = try #require(requests.first)
    #expect(request.path == "/v1/chat/completions")
    #expect(request.authorization == "Bearer chat-key")
    let body = try #require(request.json)
    #expect(body["model"] as? String == "tiny-llm")
    let messages = try #require(body["messages"] as? [[String: String]])
    #expect(messages.first?["role"] == "system")
    #expect(messages.first?["content"]?.contains("from English to Spanish") == true)
    #expect(messages.last?["content"] == #"["Hello","Good morning"]"#)
  }

  @Test func chatModelThatIgnoresTheFormatIsAskedTextByText() async throws {
    let server = try await EngineServer(chatReplies: "prose")
    let chat = OpenAIChatTranslator(
      baseURL: server.baseURL, model: "tiny-llm", languages: ["en", "es"])
    let spanish = try await chat.translate(["Hello", "World"], from: "en", to: "es")
    await server.stop()
    #expect(spanish == ["hola", "mundo"])
    #expect(server.received.count == 3)
    await #expect(throws: TranslationError.unsupportedPair(source: "en", target: "de")) {
      try await chat.translate(["Hello"], from: "en", to: "de")
    }
  }

  @Test func transcriberReadsOpenAIStyleWordLists() async throws {
    // OpenAI's own shape: the language as a name, words in one list beside the segments.
    let answer = """
      {"language": "english", "duration": 3.5, "text": "Hello world. Thank you.",
       "segments": [{"start": 0.0, "end": 1.4, "text": " Hello world."},
                    {"start": 2.0, "end": 3.1, "text": " Thank you."}],
       "words": [{"word": "Hello", "start": 0.0, "end": 0.5}, {"word": "world.", "start": 0.6, "end": 1.4},
                 {"word": "Thank", "start": 2.0, "end": 2.5}, {"word": "you.", "start": 2.5, "end": 3.1}]}
      """
    let server = try await EngineServer(transcription: answer)
    let scratch = try ScratchFolder()
    let audio = scratch.file("clip.wav")
    try Data("RIFF-not-really".utf8).write(to: audio)
    let transcript = try await OpenAITranscriber(baseURL: server.baseURL, apiKey: "asr-key")
      .transcribe(audioAt: audio, language: "en")
    await server.stop()

    #expect(transcript.language == "en")
    #expect(transcript.duration == 3.5)
    #expect(transcript.segments.map(\.text) == ["Hello world.", "Thank you."])
    #expect(
      transcript.segments.map { $0.words.map(\.text) } == [
        ["Hello", "world."], ["Thank", "you."],
      ])
    let request = try #require(server.received.first)
    #expect(request.authorization == "Bearer asr-key")
    #expect(request.contentType?.hasPrefix("multipart/form-data; boundary=") == true)
    let form = String(decoding: request.body, as: UTF8.self)
    #expect(form.contains("name=\"response_format\"\r\n\r\nverbose_json"))
    #expect(form.contains("name=\"timestamp_granularities[]\"\r\n\r\nword"))
    #expect(form.contains("name=\"timestamp_granularities[]\"\r\n\r\nsegment"))
    #expect(form.contains("name=\"language\"\r\n\r\nen"))
    #expect(form.contains("filename=\"clip.wav\""))
  }
}
