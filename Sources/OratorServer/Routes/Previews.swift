import Foundation
import HeyGenAPI
import Hummingbird
import OratorRender

/// `/previews/avatars/<id>.jpg`, `/previews/avatars/<id>.mp4` and `/previews/voices/<id>.mp3`:
/// the URLs the catalogue hands out as `preview_image_url`, `preview_video_url` and
/// `preview_audio`. Public, like HeyGen's CDN links, and made on first request (see
/// `PreviewCache`); served with Range so players can seek.
struct PreviewRoutes {
  let environment: ServerEnvironment
  let cache: PreviewCache

  init(environment: ServerEnvironment) {
    self.environment = environment
    cache = PreviewCache(directory: environment.configuration.previewsDirectory)
  }

  func register(on router: inout RouterRegistry) {
    router.get("/previews/avatars/:file", avatarPreview)
    router.get("/previews/voices/:file", voicePreview)
  }

  @Sendable func avatarPreview(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let file = context.parameters.get("file") ?? ""
    let (id, ext) = Self.split(file)
    guard let avatar = environment.avatars.first(where: { $0.id == id }),
      ext == "jpg" || ext == "mp4"
    else {
      throw APIError.notFound(
        "no avatar preview \"\(file)\"; avatars have <avatar_id>.jpg and <avatar_id>.mp4", .v2)
    }
    let path =
      ext == "jpg"
      ? try await still(of: avatar, context: context)
      : try await video(of: avatar, context: context)
    return try await serve(path, request: request, context: context)
  }

  @Sendable func voicePreview(_ request: Request, context: AppRequestContext) async throws
    -> Response
  {
    let file = context.parameters.get("file") ?? ""
    let (id, ext) = Self.split(file)
    guard let voice = environment.speech.voice(withID: id), ext == "mp3" else {
      throw APIError.notFound("no voice preview \"\(file)\"; voices have <voice_id>.mp3", .v2)
    }
    let fingerprint = PreviewFingerprint.of([
      voice.id, voice.engineVoice, voice.engineVariant ?? "",
      VoiceSample.sentence(locale: voice.locale),
    ])
    let sample = VoiceSample(speech: environment.speech)
    let path = try await preview("voices/\(voice.id)-\(fingerprint).mp3", context: context) {
      try await sample.write(voice, to: $0)
    }
    return try await serve(path, request: request, context: context)
  }

  private func still(of avatar: AvatarDefinition, context: AppRequestContext) async throws
    -> String
  {
    let fingerprint = PreviewFingerprint.of([Self.drawing(of: avatar)])
    return try await preview("avatars/\(avatar.id)-\(fingerprint).jpg", context: context) {
      try await AvatarStill.writeJPEG(avatar, to: $0)
    }
  }

  private func video(of avatar: AvatarDefinition, context: AppRequestContext) async throws
    -> String
  {
    let video = AvatarPreviewVideo(
      avatars: environment.avatars, speech: environment.speech,
      scratchDirectory: environment.configuration.scratchDirectory)
    guard let voice = video.voice(for: avatar) else {
      throw APIError.internal(
        "no speech voices are installed, so avatar previews cannot be rendered", .v2)
    }
    let fingerprint = PreviewFingerprint.of([
      Self.drawing(of: avatar), voice.id, voice.engineVoice, voice.engineVariant ?? "",
      AvatarPreviewVideo.greeting(for: avatar, voice: voice),
    ])
    return try await preview("avatars/\(avatar.id)-\(fingerprint).mp4", context: context) {
      try await video.write(avatar, to: $0)
    }
  }

  /// Everything that decides how an avatar looks, as text to fingerprint.
  private static func drawing(of avatar: AvatarDefinition) -> String {
    String(decoding: (try? AvatarCatalogue.encode(avatar)) ?? Data(), as: UTF8.self)
  }

  /// The cached file, made if needed; a failure to make it is a 500 that says which preview.
  private func preview(
    _ name: String, context: AppRequestContext, make: @escaping PreviewCache.Maker
  ) async throws -> String {
    do {
      return try await cache.file(name, make: make)
    } catch {
      context.logger.error("preview failed", metadata: ["preview": "\(name)", "error": "\(error)"])
      throw APIError.internal("the preview \(name) could not be made", .v2)
    }
  }

  /// Previews change only when the catalogue does (and then get a new cached file), so
  /// clients and proxies may keep them for a day.
  private func serve(_ path: String, request: Request, context: AppRequestContext) async throws
    -> Response
  {
    var response = try await MediaFileResponder.respond(to: request, context: context, file: path)
    response.headers[.cacheControl] = "public, max-age=86400"
    return response
  }

  /// "amara_navy_blazer.jpg" → ("amara_navy_blazer", "jpg").
  static func split(_ file: String) -> (id: String, ext: String) {
    guard let dot = file.lastIndex(of: ".") else { return (file, "") }
    return (String(file[..<dot]), String(file[file.index(after: dot)...]).lowercased())
  }
}
