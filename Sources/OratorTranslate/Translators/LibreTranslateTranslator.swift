import AsyncHTTPClient
import Foundation
import NIOCore

/// Translation by a LibreTranslate server (`POST /translate`, `GET /languages`).
public struct LibreTranslateTranslator: TextTranslator {
  private let endpoint: EngineEndpoint
  private let apiKey: String?

  /// - Parameters:
  ///   - baseURL: The server, for example `http://libretranslate:5000`.
  ///   - apiKey: Sent as `api_key` when the server requires one.
  ///   - listTimeout: How long `GET /languages` may take before the server is taken as
  ///     unavailable.
  public init(
    baseURL: URL, apiKey: String? = nil, httpClient: HTTPClient = .shared,
    listTimeout: Duration = .seconds(5)
  ) {
    endpoint = EngineEndpoint(
      name: "LibreTranslate", baseURL: baseURL, apiKey: nil, httpClient: httpClient,
      timeout: .seconds(120),
      listTimeout: .nanoseconds(
        listTimeout.components.seconds * 1_000_000_000 + listTimeout.components.attoseconds
          / 1_000_000_000))
    self.apiKey = apiKey
  }

  public func pairs() async throws(TranslationError) -> Set<LanguagePair> {
    Set(try await serverCodes().keys)
  }

  public func translate(_ texts: [String], from source: String, to target: String)
    async throws(TranslationError) -> [String]
  {
    guard let codes = try await serverCodes()[LanguagePair(source: source, target: target)] else {
      throw .unsupportedPair(source: source, target: target)
    }
    let batch = NonBlankTexts(texts)
    guard !batch.texts.isEmpty else { return batch.restored([]) }
    let request = TranslateRequest(
      q: batch.texts, source: codes.source, target: codes.target, format: "text", apiKey: apiKey)
    let response = try await endpoint.post("/translate", json: request, as: TranslateResponse.self)
    guard response.translatedText.count == batch.texts.count else {
      throw .engineFailed(
        "LibreTranslate returned \(response.translatedText.count) texts for \(batch.texts.count)")
    }
    return batch.restored(response.translatedText)
  }

  /// The server's own codes ("zh-Hans", "pt-BR") for each ISO 639-1 direction.
  private func serverCodes() async throws(TranslationError) -> [LanguagePair: LanguagePair] {
    let languages = try await endpoint.get("/languages", as: [ServerLanguage].self)
    var codes: [LanguagePair: LanguagePair] = [:]
    for language in languages {
      guard let source = LanguageNames.isoCode(language.code) else { continue }
      for target in language.targets ?? languages.map(\.code) {
        guard let targetCode = LanguageNames.isoCode(target), targetCode != source else {
          continue
        }
        codes[LanguagePair(source: source, target: targetCode)] =
          LanguagePair(source: language.code, target: target)
      }
    }
    return codes
  }

  private struct ServerLanguage: Decodable {
    var code: String
    var targets: [String]?
  }

  private struct TranslateRequest: Encodable {
    var q: [String]
    var source: String
    var target: String
    var format: String
    var apiKey: String?

    enum CodingKeys: String, CodingKey {
      case q, source, target, format
      case apiKey = "api_key"
    }
  }

  private struct TranslateResponse: Decodable {
    var translatedText: [String]
  }
}
