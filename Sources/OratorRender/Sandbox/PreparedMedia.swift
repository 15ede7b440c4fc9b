import Foundation
import HeyGenAPI
import OratorCore

/// The media of a request, fetched before the render starts: the local file for each request
/// field that names a URL or an asset (`video_inputs[0].background.url` → a file). A render
/// process reads only these files, so it never touches the network or another account's
/// assets, whatever the request says.
public struct PreparedMedia: MediaResolver, Codable, Equatable {
  public var files: [String: String]
  /// Talking photos by the request field that names them: picture and face travel together.
  public var photos: [String: TalkingPhotoFile]
  /// The scenes already spoken by engines outside the render process (`PreparedSpeech`).
  public var speech: [PreparedSpeech]?

  public init(
    files: [String: String] = [:], photos: [String: TalkingPhotoFile] = [:],
    speech: [PreparedSpeech]? = nil
  ) {
    self.files = files
    self.photos = photos
    self.speech = speech
  }

  public func talkingPhoto(_ id: String, field: String) async throws(InvalidField)
    -> TalkingPhotoFile
  {
    guard let photo = photos[field] else {
      throw InvalidField(path: field, message: "the talking photo was not fetched")
    }
    return photo
  }

  public func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    try file(for: field, kind: kind)
  }

  public func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    try file(for: field, kind: kind)
  }

  private func file(for field: String, kind: MediaKind) throws(InvalidField) -> String {
    guard let path = files[field] else {
      throw InvalidField(path: field, message: "the \(kind.rawValue) was not fetched")
    }
    return path
  }
}

extension VideoRenderer {
  /// Fetches every URL and asset `request` names with this renderer's resolver, the same way
  /// the render would, and returns them for a render process; with `speechFolder`, also the
  /// speech of the scenes whose voices are neither espeak-ng's nor those of the engines
  /// `spokenLater` (`PreparedSpeech`), telling `progress` how far that speech is.
  public func prepareMedia(
    for request: VideoGenerateRequest, speechFolder: String? = nil,
    leaving spokenLater: Set<SpeechEngineName> = [],
    progress: @escaping @Sendable (RenderProgress) -> Void = { _ in }
  ) async throws(RenderError) -> PreparedMedia {
    let recorder = MediaRecorder(base: media)
    let planner = ScenePlanner(
      avatars: Dictionary(avatars.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
      voices: Dictionary(
        speech.voices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
      media: recorder)
    var plans: [ScenePlan] = []
    do {
      for (index, input) in request.videoInputs.enumerated() {
        plans.append(try await planner.plan(input, index: index))
      }
      if let picture = request.watermark {
        _ = try await WatermarkPicture.file(of: picture, media: recorder)
      }
    } catch {
      throw .invalidInput(error)
    }
    var speech: [PreparedSpeech]?
    if let speechFolder {
      speech = try await prepareSpeech(
        for: plans, in: speechFolder, leaving: spokenLater, progress: progress)
    }
    return PreparedMedia(files: await recorder.files, photos: await recorder.photos, speech: speech)
  }
}

/// Resolves through `base`, once per URL or asset, and remembers which field got which file.
private actor MediaRecorder: MediaResolver {
  let base: any MediaResolver
  private(set) var files: [String: String] = [:]
  private(set) var photos: [String: TalkingPhotoFile] = [:]
  private var resolved: [String: String] = [:]

  init(base: any MediaResolver) {
    self.base = base
  }

  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  {
    try await remember("url:" + url, as: field) { () async throws(InvalidField) in
      try await base.file(forURL: url, kind: kind, field: field)
    }
  }

  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    try await remember("asset:" + id, as: field) { () async throws(InvalidField) in
      try await base.file(forAsset: id, kind: kind, field: field)
    }
  }

  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
    let photo = try await base.talkingPhoto(id, field: field)
    photos[field] = photo
    return photo
  }

  /// The file `key` resolved to before, or what `resolve` gives now; recorded under `field`.
  private func remember(
    _ key: String, as field: String, _ resolve: () async throws(InvalidField) -> String
  ) async throws(InvalidField) -> String {
    let path: String
    if let known = resolved[key] {
      path = known
    } else {
      path = try await resolve()
      resolved[key] = path
    }
    files[field] = path
    return path
  }
}
