import Foundation
import HeyGenAPI
import OratorCore
import OratorRender

/// Everything about a generate request that can be refused before it is queued: the limits,
/// the avatar and voice ids, uploaded assets, and URLs (scheme, resolvable public host).
/// What passes here can still fail while rendering (a URL that answers 404, say); that ends
/// as a failed video, not a lost one.
struct GenerateRequestCheck {
  var environment: ServerEnvironment
  var account: ResourceID

  /// Returns the request as it will be rendered: a look id in `avatar_id` becomes its avatar
  /// and, unless the request names one, its style.
  @discardableResult
  func check(_ request: VideoGenerateRequest) async throws(InvalidField) -> VideoGenerateRequest {
    var limits = VideoInputLimits()
    limits.videoSeconds = environment.configuration.maxVideoSeconds
    try VideoRequestValidator(limits: limits).validate(request)
    let voiceIDs = Set(environment.speech.voices.map(\.id))
    let media = MediaReferenceCheck(environment: environment, account: account)
    var resolved = request
    for (index, scene) in request.videoInputs.enumerated() {
      let path = "video_inputs[\(index)]"
      switch scene.character {
      case .avatar(var avatar):
        guard let look = AvatarLook.find(avatar.avatarId, in: environment.avatars) else {
          throw InvalidField(
            path: "\(path).character.avatar_id", message: "unknown avatar \"\(avatar.avatarId)\"")
        }
        avatar.avatarId = look.avatar.id
        avatar.avatarStyle = avatar.avatarStyle ?? (look.style == .normal ? nil : look.style)
        resolved.videoInputs[index].character = .avatar(avatar)
      case .talkingPhoto(let photo):
        try await checkTalkingPhoto(photo, path: "\(path).character")
      default:
        break
      }
      switch scene.voice {
      case .text(let voice) where !voiceIDs.contains(voice.voiceId):
        throw InvalidField(
          path: "\(path).voice.voice_id", message: "unknown voice \"\(voice.voiceId)\"")
      case .audio(let audio):
        try await media.check(
          url: audio.audioUrl, asset: audio.audioAssetId, urlField: "\(path).voice.audio_url",
          assetField: "\(path).voice.audio_asset_id")
      default:
        break
      }
      switch scene.background {
      case .image(let image):
        try await media.check(
          url: image.url, asset: image.imageAssetId, urlField: "\(path).background.url",
          assetField: "\(path).background.image_asset_id")
      case .video(let video):
        try await media.check(
          url: video.url, asset: video.videoAssetId, urlField: "\(path).background.url",
          assetField: "\(path).background.video_asset_id")
      default:
        break
      }
    }
    if let watermark = request.watermark {
      try await media.check(
        url: watermark.url, asset: watermark.assetId, urlField: "watermark.url",
        assetField: "watermark.asset_id")
    }
    try await checkCallback(request.callbackUrl)
    return resolved
  }

  /// The photo must be one of the account's own; another account's is as unknown as a made-up
  /// id.
  private func checkTalkingPhoto(_ photo: TalkingPhotoCharacter, path: String)
    async throws(InvalidField)
  {
    if let style = photo.talkingPhotoStyle, !["square", "circle"].contains(style) {
      throw InvalidField(
        path: "\(path).talking_photo_style", message: "must be square or circle, got \"\(style)\"")
    }
    _ = try await TalkingPhotoLookup(store: environment.store, account: account)
      .photo(photo.talkingPhotoId, field: "\(path).talking_photo_id")
  }

  /// A callback URL obeys the same address rule as fetched media: Orator will POST to it.
  private func checkCallback(_ url: String?) async throws(InvalidField) {
    guard let url, !url.isEmpty else { return }
    try await environment.fetcher.check(url, field: "callback_url")
  }
}
