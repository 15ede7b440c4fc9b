import AsyncHTTPClient
import Foundation

/// Translation by a language model behind an OpenAI-compatible `POST /v1/chat/completions`
/// (vLLM, llama.cpp's server, Ollama, a hosted API). A model has no list of language pairs, so
/// the deployment names the languages it trusts the model with; every direction between them
/// is offered.
public struct OpenAIChatTranslator: TextTranslator {
  private let endpoint: EngineEndpoint
  private let model: String
  private let languages: [String]

  /// - Parameters:
  ///   - baseURL: The server, with or without the trailing `/v1`.
  ///   - model: The model name sent with each request.
  ///   - languages: ISO 639-1 codes (or names) the model translates between.
  public init(
    baseURL: URL, model: String, apiKey: String? = nil, httpClient: HTTPClient = .shared,
    languages: [String]
  ) {
    endpoint = EngineEndpoint(
      name: "chat model \(model)", baseURL: baseURL, apiKey: apiKey, httpClient: httpClient,
      timeout: .seconds(300))
    self.model = model
    self.languages = languages.compactMap { LanguageNames.language(named: $0)?.code }
  }

  public func pairs() async throws(TranslationError) -> Set<LanguagePair> {
    var pairs: Set<LanguagePair> = []
    for source in languages {
      for target in languages where target != source {
        pairs.insert(LanguagePair(source: source, target: target))
      }
    }
    return pairs
  }

  public func translate(_ texts: [String], from source: String, to target: String)
    async throws(TranslationError) -> [String]
  {
    try await requirePair(from: source, to: target)
    let batch = NonBlankTexts(texts)
    guard !batch.texts.isEmpty else { return batch.restored([]) }
    let sourceName = LanguageNames.language(code: source)?.name ?? source
    let targetName = LanguageNames.language(code: target)?.name ?? target

    // All texts in one request, as a JSON array, so the model sees the context; if it does
    // not answer with as many items, each text is asked for on its own.
    let instruction =
      "Translate each string of the JSON array from \(sourceName) to \(targetName). "
      + "Reply with only a JSON array of the translated strings: the same number of items, "
      + "in the same order, no commentary."
    let arrayJSON = String(
      decoding: (try? JSONEncoder().encode(batch.texts)) ?? Data(), as: UTF8.self)
    let answer = try await complete(system: instruction, user: arrayJSON)
    if let translations = Self.stringArray(in: answer), translations.count == batch.texts.count {
      return batch.restored(translations)
    }
    var translations: [String] = []
    for text in batch.texts {
      let single = try await complete(
        system: "Translate the user's text from \(sourceName) to \(targetName). "
          + "Reply with only the translation.",
        user: text)
      translations.append(single.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return batch.restored(translations)
  }

  private func complete(system: String, user: String) async throws(TranslationError) -> String {
    let request = ChatRequest(
      model: model,
      messages: [.init(role: "system", content: system), .init(role: "user", content: user)],
      temperature: 0)
    let response = try await endpoint.post(
      "/v1/chat/completions", json: request, as: ChatResponse.self)
    guard let content = response.choices.first?.message.content else {
      throw .engineFailed("chat model \(model) returned no choices")
    }
    return content
  }

  /// The JSON array of strings in a reply, which models sometimes wrap in prose or a code fence.
  static func stringArray(in reply: String) -> [String]? {
    guard let open = reply.firstIndex(of: "["), let close = reply.lastIndex(of: "]"),
      open < close
    else { return nil }
    return try? JSONDecoder().decode([String].self, from: Data(reply[open...close].utf8))
  }

  private struct ChatRequest: Encodable {
    struct Message: Codable {
      var role: String
      var content: String
    }
    var model: String
    var messages: [Message]
    var temperature: Double
  }

  private struct ChatResponse: Decodable {
    struct Choice: Decodable {
      struct Message: Decodable { var content: String? }
      var message: Message
    }
    var choices: [Choice]
  }
}
