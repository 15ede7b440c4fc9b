import Foundation
import HeyGenAPI
import OratorCore
import OratorRender
import OratorTranslate

/// Turns a `POST /v2/video_translate` body into one checked `TranslationSpec` per target
/// language, refusing before anything is queued what can be known to fail: no source, a
/// source that is not the account's or not finished, a language the engines cannot deliver,
/// a URL outside the outbound rules.
struct TranslateRequestCheck {
  var environment: ServerEnvironment
  var translation: TranslationService
  var account: ResourceID
  /// The dialect whose envelope refusals are answered in.
  var envelope: APIError.Envelope = .v2

  /// What a checked request becomes: the specs to queue and the credit each reserves.
  struct Checked {
    var specs: [TranslationSpec]
    var reservedSeconds: Int
  }

  func check(_ request: VideoTranslateRequest) async throws -> Checked {
    do {
      try TextLength.check(request.title, limit: TextLength.title, at: "title")
      try TextLength.check(request.callbackId, limit: TextLength.callbackId, at: "callback_id")
      try TextLength.check(request.callbackUrl, limit: TextLength.url, at: "callback_url")
      try TextLength.check(request.videoUrl, limit: TextLength.url, at: "video_url")
    } catch {
      throw APIError.invalid(error, envelope)
    }
    // Languages first: they are known here, while the source may need the network.
    let supported = try await Self.offeredLanguages(translation, envelope: envelope)
    let targets = try targetLanguages(request, supported: supported)
    let source = try await resolveSource(request)
    var inputCode: String?
    if let input = request.inputLanguage, !input.isEmpty {
      guard let language = LanguageNames.language(named: input) else {
        throw APIError.invalid(
          InvalidField(path: "input_language", message: "unknown language \"\(input)\""), envelope)
      }
      inputCode = language.code
    }
    // For Orator's own videos the script's language is known from its voices.
    let sourceCode = inputCode ?? source.spokenLanguage
    if let sourceCode {
      for target in targets where target.language.code != sourceCode {
        guard
          try await translation.engines.supports(source: sourceCode, target: target.language.code)
        else {
          // The languages this source can go to, not every language some pair knows.
          var reachable: [TranslationLanguage] = []
          for language in supported where language.code != sourceCode {
            if try await translation.engines.supports(source: sourceCode, target: language.code) {
              reachable.append(language)
            }
          }
          throw APIError(
            .unsupportedLanguage,
            "\(target.field): cannot translate from \(Self.name(ofCode: sourceCode)) to \(target.language.name) with the configured engines; from \(Self.name(ofCode: sourceCode)) to: \(reachable.isEmpty ? "none" : reachable.map(\.name).joined(separator: ", "))",
            envelope: envelope, param: target.field)
        }
      }
    }
    if let url = request.callbackUrl, !url.isEmpty {
      do { try await environment.fetcher.check(url, field: "callback_url") } catch {
        throw APIError.invalid(error, envelope)
      }
    }
    let specs = targets.map { target in
      TranslationSpec(
        source: source.reference, outputLanguage: target.requestedName,
        outputLanguageCode: target.language.code, inputLanguageCode: sourceCode,
        title: request.title.flatMap { $0.isEmpty ? nil : $0 }
          ?? "\(source.title) (\(target.language.name))",
        audioOnly: request.translateAudioOnly ?? false, captions: request.enableCaption ?? false)
    }
    return Checked(specs: specs, reservedSeconds: source.expectedSeconds)
  }

  // MARK: Source

  private struct Source {
    var reference: TranslationSpec.Source
    var title: String
    /// ISO 639-1 code of the script, when Orator rendered the video from text.
    var spokenLanguage: String?
    var expectedSeconds: Int
  }

  private func resolveSource(_ request: VideoTranslateRequest) async throws -> Source {
    if let id = request.videoId, !id.isEmpty {
      return try await ownVideo(id, field: "video_id")
    }
    guard let url = request.videoUrl?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
      throw APIError.invalid(
        InvalidField(
          path: "video_url", message: "is required (or video_id for an Orator video)",
          isMissing: true), envelope)
    }
    if let id = ownVideoID(in: url) {
      return try await ownVideo(id, field: "video_url")
    }
    if SignedMediaURL(url: url, base: environment.baseURL) != nil {
      // An uploaded asset's link (or another file of this server): read from disk later.
      return Source(
        reference: .url(url), title: "Uploaded video", spokenLanguage: nil,
        expectedSeconds: CreditEstimate().secondsPerAudioScene)
    }
    do { try await environment.fetcher.check(url, field: "video_url") } catch {
      throw APIError.invalid(error, envelope)
    }
    let name = URL(string: url)?.lastPathComponent ?? ""
    return Source(
      reference: .url(url), title: name.isEmpty ? "Video" : name, spokenLanguage: nil,
      expectedSeconds: CreditEstimate().secondsPerAudioScene)
  }

  /// The video id in one of this server's own video links of this account
  /// (`/media/<account>/<video>/a<attempt>/<file>`, or `/media/<account>/<video>/<file>` for
  /// videos made before attempts had folders); other links are treated as plain files.
  private func ownVideoID(in url: String) -> String? {
    guard let file = SignedMediaURL(url: url, base: environment.baseURL)?.videoFile,
      file.account == account.rawValue
    else { return nil }
    return file.video
  }

  private func ownVideo(_ id: String, field: String) async throws -> Source {
    guard let resourceID = ResourceID(id),
      let video = try await environment.store.video(id: resourceID, account: account)
    else {
      throw APIError.notFound("video \"\(id)\" not found (\(field))", envelope)
    }
    guard video.status == .completed else {
      throw APIError.invalid(
        InvalidField(
          path: field,
          message:
            "video \"\(id)\" is \(video.status.rawValue); only completed videos can be translated"
        ), envelope)
    }
    var spoken: String?
    if video.kind == .generated,
      let generate = try? JSONDecoder().decode(VideoGenerateRequest.self, from: video.request)
    {
      spoken = ScriptTranslation.spokenLanguage(of: generate, voices: environment.speech.voices)
    }
    return Source(
      reference: .renderedVideo(id: resourceID), title: video.title.isEmpty ? "Video" : video.title,
      spokenLanguage: spoken,
      expectedSeconds: Int((video.duration ?? 1).rounded(.up)))
  }

  // MARK: Languages

  private struct Target {
    var language: TranslationLanguage
    var requestedName: String
    var field: String
  }

  /// The languages a translation can be asked for; 503 when the engines cannot say.
  static func offeredLanguages(
    _ translation: TranslationService, envelope: APIError.Envelope = .v2
  ) async throws(APIError) -> [TranslationLanguage] {
    do {
      return try await translation.targetLanguages()
    } catch {
      throw APIError(
        .translationUnavailable, "the translation engines are not available: \(error)",
        envelope: envelope)
    }
  }

  private func targetLanguages(_ request: VideoTranslateRequest, supported: [TranslationLanguage])
    throws -> [Target]
  {
    var named: [(String, String)] = []
    if let list = request.outputLanguages, !list.isEmpty {
      named = list.enumerated().map { ("output_languages[\($0.offset)]", $0.element) }
    } else if let one = request.outputLanguage, !one.isEmpty {
      named = [("output_language", one)]
    } else {
      throw APIError.invalid(
        InvalidField(
          path: "output_language",
          message:
            "is required; one of \(supported.map(\.name).joined(separator: ", ")) (GET /v2/video_translate/target_languages)",
          isMissing: true), envelope)
    }
    var targets: [Target] = []
    for (field, name) in named {
      guard let language = LanguageNames.language(named: name),
        supported.contains(where: { $0.code == language.code })
      else {
        throw unsupported(
          "\(field): \"\(name)\" is not a supported language", field: field, supported: supported)
      }
      if !targets.contains(where: { $0.language.code == language.code }) {
        targets.append(Target(language: language, requestedName: name, field: field))
      }
    }
    return targets
  }

  private func unsupported(_ message: String, field: String, supported: [TranslationLanguage])
    -> APIError
  {
    APIError(
      .unsupportedLanguage,
      "\(message); supported: \(supported.map(\.name).joined(separator: ", "))",
      envelope: envelope, param: field)
  }

  static func name(ofCode code: String) -> String {
    LanguageNames.language(code: code)?.name ?? code
  }
}
