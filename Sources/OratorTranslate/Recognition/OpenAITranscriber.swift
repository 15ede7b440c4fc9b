import AsyncHTTPClient
import Foundation

/// Speech recognition by any server that speaks OpenAI's `POST /v1/audio/transcriptions`
/// with `verbose_json` and word timestamps: Orator's own ``WhisperSidecar``,
/// faster-whisper-server, speaches, or OpenAI itself.
public struct OpenAITranscriber: SpeechRecognizer {
  private let endpoint: EngineEndpoint
  private let model: String

  /// - Parameters:
  ///   - baseURL: The server, with or without the trailing `/v1`.
  ///   - model: Sent as `model`; the sidecar ignores it, hosted services need it.
  public init(
    baseURL: URL, apiKey: String? = nil, model: String = "whisper-1",
    httpClient: HTTPClient = .shared
  ) {
    // Transcribing an hour of audio on a small CPU takes a while.
    endpoint = EngineEndpoint(
      name: "speech recognizer", baseURL: baseURL, apiKey: apiKey, httpClient: httpClient,
      timeout: .hours(2))
    self.model = model
  }

  public func transcribe(audioAt file: URL, language: String?) async throws(TranslationError)
    -> Transcript
  {
    let audio: Data
    do {
      audio = try Data(contentsOf: file)
    } catch {
      throw .unreadableMedia("cannot read \(file.lastPathComponent): \(error)")
    }
    var form = MultipartForm()
    form.addFile(
      "file", filename: file.lastPathComponent, contentType: "audio/wav", contents: audio)
    form.add("model", model)
    form.add("response_format", "verbose_json")
    form.add("timestamp_granularities[]", "word")
    form.add("timestamp_granularities[]", "segment")
    form.add("temperature", "0")
    if let language { form.add("language", language) }

    let response = try await endpoint.post(
      "/v1/audio/transcriptions", body: form.finished, contentType: form.contentType,
      as: VerboseTranscription.self)
    return response.transcript(hint: language)
  }
}

/// OpenAI's `verbose_json` transcription. Words come per segment (faster-whisper servers) or
/// in one top-level list (OpenAI); the language is a code or an English name ("english").
private struct VerboseTranscription: Decodable {
  struct Segment: Decodable {
    var start: Double
    var end: Double
    var text: String
    var words: [Word]?
  }
  struct Word: Decodable {
    var word: String
    var start: Double
    var end: Double
  }
  var language: String?
  var duration: Double?
  var text: String?
  var segments: [Segment]?
  var words: [Word]?

  func transcript(hint: String?) -> Transcript {
    let code =
      language.flatMap { LanguageNames.language(named: $0)?.code }
      ?? hint.flatMap { LanguageNames.language(named: $0)?.code } ?? language ?? "und"
    var segments = (self.segments ?? []).map { segment in
      TranscriptSegment(
        start: segment.start, end: segment.end,
        text: segment.text.trimmingCharacters(in: .whitespaces),
        words: (segment.words ?? []).compactMap(Self.word))
    }
    let loose = (words ?? []).compactMap(Self.word)
    if segments.isEmpty, let first = loose.first, let last = loose.last {
      segments = [
        TranscriptSegment(
          start: first.start, end: last.end,
          text: text?.trimmingCharacters(in: .whitespaces) ?? "", words: loose)
      ]
    } else if !loose.isEmpty, segments.allSatisfy(\.words.isEmpty) {
      // Top-level words go to the segment they start in.
      for word in loose {
        let index =
          segments.lastIndex { $0.start <= word.start + 0.01 } ?? segments.startIndex
        segments[index].words.append(word)
      }
    }
    let end = segments.last?.end ?? 0
    return Transcript(language: code, duration: duration ?? end, segments: segments)
  }

  private static func word(_ word: Word) -> TranscriptWord? {
    let text = word.word.trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? nil : TranscriptWord(text: text, start: word.start, end: word.end)
  }
}
