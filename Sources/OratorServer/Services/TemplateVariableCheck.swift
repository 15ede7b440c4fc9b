import Foundation
import HeyGenAPI
import OratorCore

/// Checks template variables against what this server has (avatars, voices, the account's
/// assets, reachable URLs) before they are filled in, so a refusal names the variable
/// (`variables.presenter.properties.character_id`) rather than the scene it lands in.
struct TemplateVariableCheck {
  var environment: ServerEnvironment
  var account: ResourceID

  func check(_ variables: [TemplateVariable]) async throws(InvalidField) {
    let avatarIDs = Set(environment.avatars.map(\.id))
    let voiceIDs = Set(environment.speech.voices.map(\.id))
    for variable in variables {
      let at = "variables.\(variable.name).properties"
      switch variable.value {
      case .text:
        break
      case .character(let id, .avatar):
        guard avatarIDs.contains(id) else {
          throw InvalidField(path: "\(at).character_id", message: "unknown avatar \"\(id)\"")
        }
      case .character(let id, .talkingPhoto):
        _ = try await TalkingPhotoLookup(store: environment.store, account: account)
          .photo(id, field: "\(at).character_id")
      case .voice(let id):
        guard voiceIDs.contains(id) else {
          throw InvalidField(path: "\(at).voice_id", message: "unknown voice \"\(id)\"")
        }
      case .image(let source, _), .video(let source, _, _), .audio(let source):
        try await check(source, at: at)
      }
    }
  }

  private func check(_ source: TemplateVariable.MediaSource, at path: String)
    async throws(InvalidField)
  {
    let media = MediaReferenceCheck(environment: environment, account: account)
    switch source {
    case .url(let url):
      try await media.check(url: url, asset: nil, urlField: "\(path).url", assetField: "")
    case .asset(let id):
      try await media.check(url: nil, asset: id, urlField: "", assetField: "\(path).asset_id")
    }
  }
}
