import Foundation
import HeyGenAPI
import OratorCore
import OratorRender
import OratorTranslate

/// Runs one translation under a job's lease. Orator's own scripted videos are re-rendered
/// from translated scripts (lip-synced to the new speech); anything else is dubbed: its
/// speech recognised, translated, spoken again and laid over the original picture.
struct TranslationJob {
  let environment: ServerEnvironment
  let job: JobLease

  /// Translates, then lays the translated sound beside the video as `audio.m4a` (v3's
  /// `audio_url`).
  func run(_ spec: TranslationSpec) async throws -> VideoResult {
    let result = try await translate(spec)
    if let video = result.files.video {
      let path = TranslationAudio.path(besideVideo: environment.media.absolutePath(video))
      try await Previews.audioTrack(of: environment.media.absolutePath(video), to: path)
    }
    return result
  }

  private func translate(_ spec: TranslationSpec) async throws -> VideoResult {
    guard let target = LanguageNames.language(code: spec.outputLanguageCode) else {
      throw TranslationFailure(
        .unsupportedPair(source: spec.inputLanguageCode ?? "?", target: spec.outputLanguageCode))
    }
    let rendering = VideoRendering(environment: environment, job: job)
    switch spec.source {
    case .renderedVideo(let id):
      guard let original = try await environment.store.video(id: id, account: job.accountId),
        original.status == .completed
      else {
        throw TranslationFailure(
          VideoFailure(
            .notFound, message: "The video to translate no longer exists",
            detail: "video \(id.rawValue) was deleted before its translation ran"),
          retryable: false)
      }
      if let translated = try await translatedScript(of: original, spec: spec, target: target) {
        return try await rendering.render(translated)
      }
      guard let file = original.files.video else {
        throw TranslationFailure(
          VideoFailure(.notFound, message: "The video to translate has no file"),
          retryable: false)
      }
      return try await dub(
        environment.media.absolutePath(file), spec: spec, target: target,
        gender: speakerGender(of: original))
    case .asset(let assetID):
      guard
        let asset = AssetLibrary(media: environment.media).find(account: job.accountId, id: assetID)
      else {
        throw InvalidField(path: "video_url", message: "unknown asset \"\(assetID)\"")
      }
      return try await dub(
        environment.media.absolutePath(asset.relativePath), spec: spec, target: target)
    case .url(let url):
      return try await rendering.withScratch { scratch in
        let file = try await ServerMediaResolver(
          account: job.accountId, environment: environment, scratchDirectory: scratch
        ).file(forURL: url, kind: .video, field: "video_url")
        return try await dub(file, spec: spec, target: target)
      }
    }
  }

  /// The original's generate request with translated scripts, when it was spoken from text
  /// and the client did not ask to keep the picture; nil means dub the rendered file instead.
  private func translatedScript(
    of original: VideoRecord, spec: TranslationSpec, target: TranslationLanguage
  ) async throws -> VideoGenerateRequest? {
    guard original.kind == .generated, !spec.audioOnly,
      let request = try? JSONDecoder().decode(VideoGenerateRequest.self, from: original.request),
      ScriptTranslation.isScripted(request),
      let source = spec.inputLanguageCode
        ?? ScriptTranslation.spokenLanguage(of: request, voices: environment.speech.voices)
    else { return nil }
    let translation = ScriptTranslation(
      translator: environment.translation.engines.translator, voices: environment.speech.voices)
    var translated: VideoGenerateRequest
    do {
      translated = try await translation.translate(request, from: source, to: target)
    } catch {
      throw TranslationFailure(error)
    }
    translated.title = spec.title
    translated.caption = spec.captions || (request.caption ?? false)
    translated.callbackId = nil
    translated.callbackUrl = nil
    return translated
  }

  /// The gender of the voice that spoke an Orator video, so its dub keeps it; nil when the
  /// video was not spoken by one of the catalogue's voices.
  private func speakerGender(of video: VideoRecord) -> String? {
    guard let request = try? JSONDecoder().decode(VideoGenerateRequest.self, from: video.request)
    else { return nil }
    return ScriptTranslation.speakingVoice(of: request, voices: environment.speech.voices)?.gender
  }

  /// Dubs a local video file into the job's media folder, with a thumbnail and GIF preview.
  private func dub(
    _ input: String, spec: TranslationSpec, target: TranslationLanguage, gender: String? = nil
  ) async throws -> VideoResult {
    let rendering = VideoRendering(environment: environment, job: job)
    let (directory, absolute) = try rendering.videoDirectory()
    return try await rendering.withScratch { scratch in
      let work = URL(fileURLWithPath: scratch).appendingPathComponent("dub")
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
      // The translated sentences come from a user's video: each is spoken in a render
      // process, so a crash in the speech engine fails this dub, never the server.
      let speech = IsolatedSpeechSynthesizer(
        engines: environment.speech,
        sandbox: RenderSandbox(
          executable: environment.configuration.renderExecutable,
          limits: environment.configuration.renderLimits),
        scratch: (scratch as NSString).appendingPathComponent("speech"))
      let dubber = ExternalVideoDubber(
        engines: environment.translation.engines, synthesizer: speech)
      let dubbed: DubbedVideo
      do throws(TranslationError) {
        dubbed = try await dubber.dub(
          URL(fileURLWithPath: input), to: target,
          options: DubOptions(
            sourceLanguage: spec.inputLanguageCode.flatMap(LanguageNames.language(code:)),
            burnCaptions: spec.captions, gender: gender),
          into: work)
      } catch {
        throw TranslationFailure(error)
      }
      ServiceMetrics.translationStages(dubbed.stages)
      func place(_ file: URL, as name: String) throws -> String {
        let destination = (absolute as NSString).appendingPathComponent(name)
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.moveItem(atPath: file.path, toPath: destination)
        return directory + "/" + name
      }
      let video = try place(dubbed.videoFile, as: "video.mp4")
      let srt = try place(dubbed.subtitleFile, as: "video.srt")
      let vtt = try place(dubbed.webVTTFile, as: "video.vtt")
      let videoPath = environment.media.absolutePath(video)
      try await Previews.thumbnail(
        of: videoPath, at: min(1, dubbed.duration / 2),
        to: (absolute as NSString).appendingPathComponent("video.jpg"))
      try await Previews.gif(
        of: videoPath, seconds: min(5, dubbed.duration), maxWidth: 480,
        to: (absolute as NSString).appendingPathComponent("video.gif"))
      return VideoResult(
        duration: dubbed.duration,
        files: VideoFiles(
          video: video, thumbnail: directory + "/video.jpg", gif: directory + "/video.gif",
          captionsSRT: srt, captionsVTT: vtt),
        spokenLanguage: dubbed.sourceLanguage.code)
    }
  }
}

/// A translation that cannot finish, as the video's failure; engine outages are retried,
/// input that will fail again is not.
struct TranslationFailure: Error {
  var failure: VideoFailure
  var retryable: Bool

  init(_ failure: VideoFailure, retryable: Bool) {
    self.failure = failure
    self.retryable = retryable
  }

  init(_ error: TranslationError) {
    switch error {
    case .unsupportedPair(let source, let target):
      let from = LanguageNames.language(code: source)?.name ?? source
      let to = LanguageNames.language(code: target)?.name ?? target
      self.init(
        VideoFailure(
          .invalidParameter, message: "Cannot translate from \(from) to \(to)",
          detail: "the configured engines have no \(from)–\(to) translation"), retryable: false)
    case .noSpeech:
      self.init(
        VideoFailure(
          .invalidParameter, message: "No speech found in the video",
          detail: "speech recognition found nothing to translate"), retryable: false)
    case .unreadableMedia(let reason):
      self.init(
        VideoFailure(.invalidParameter, message: "The video could not be read", detail: reason),
        retryable: false)
    case .noVoice(let language):
      // The installed voices do not change between attempts: trying again cannot help.
      let name = LanguageNames.language(code: language)?.name ?? language
      self.init(
        VideoFailure(
          .invalidParameter, message: "No voice speaks \(name)",
          detail: "the speech engine has no voice for \(name)"), retryable: false)
    default:
      self.init(
        VideoFailure(.internalError, message: "Translation failed", detail: error.description),
        retryable: true)
    }
  }
}
