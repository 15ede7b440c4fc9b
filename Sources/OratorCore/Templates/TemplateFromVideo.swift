import HeyGenAPI

/// Turns a finished video's request into a template: each scene's script becomes a text
/// variable, and the avatar, the voice and an image or video background become variables,
/// all with the video's values as defaults. One scene gives `script`; several give
/// `script_1`, `script_2`, …. Avatars, voices and backgrounds shared by every scene get one
/// variable; ones that differ get one per scene (`avatar_2`).
public struct TemplateFromVideo: Sendable {
  public var request: VideoGenerateRequest

  public init(request: VideoGenerateRequest) {
    self.request = request
  }

  public func document(name: String) -> TemplateDocument {
    let scenes = request.videoInputs
    let count = scenes.count
    var variables: [TemplateVariable] = []
    var inputs: [JSONTree] = []

    let avatarNames = Self.names(
      "avatar",
      scenes.map { scene -> TemplateVariable.Value? in
        switch scene.character {
        case .avatar(let avatar)?: .character(id: avatar.avatarId, kind: .avatar)
        case .talkingPhoto(let photo)?: .character(id: photo.talkingPhotoId, kind: .talkingPhoto)
        case nil: nil
        }
      })
    let voiceNames = Self.names(
      "voice",
      scenes.map { scene -> TemplateVariable.Value? in
        if case .text(let voice) = scene.voice { return .voice(id: voice.voiceId) }
        return nil
      })
    let audioNames = Self.names(
      "audio",
      scenes.map { scene -> TemplateVariable.Value? in
        guard case .audio(let audio) = scene.voice,
          let source = Self.source(audio.audioUrl, audio.audioAssetId)
        else { return nil }
        return .audio(source)
      })
    let backgroundNames = Self.names(
      "background",
      scenes.map { scene -> TemplateVariable.Value? in
        switch scene.background {
        case .image(let image)?:
          Self.source(image.url, image.imageAssetId).map { .image($0, fit: image.fit) }
        case .video(let video)?:
          Self.source(video.url, video.videoAssetId).map {
            .video($0, playStyle: video.playStyle, fit: video.fit)
          }
        default: nil
        }
      })

    for (index, scene) in scenes.enumerated() {
      var input = JSONTree.encoding(scene).object ?? [:]
      var voice = input["voice"]?.object ?? [:]
      if case .text(let text) = scene.voice {
        let script = count == 1 ? "script" : "script_\(index + 1)"
        variables.append(TemplateVariable(name: script, value: .text(content: text.inputText)))
        voice["input_text"] = .string("{{\(script)}}")
        if let name = voiceNames[index] { voice["voice_id"] = .string("{{\(name.name)}}") }
        input["voice"] = .object(voice)
      } else if let name = audioNames[index] {
        input["voice"] = .string("{{\(name.name)}}")
      }
      if let name = avatarNames[index], var character = input["character"]?.object {
        // The id becomes the variable; framing (style, scale, offset) stays as it was.
        if character["avatar_id"] != nil { character["avatar_id"] = .string("{{\(name.name)}}") }
        if character["talking_photo_id"] != nil {
          character["talking_photo_id"] = .string("{{\(name.name)}}")
        }
        input["character"] = .object(character)
      }
      if let name = backgroundNames[index] { input["background"] = .string("{{\(name.name)}}") }
      inputs.append(.object(input))
    }
    for names in [avatarNames, voiceNames, audioNames, backgroundNames] {
      for case (let name, let value)? in names where !variables.contains(where: { $0.name == name })
      {
        variables.append(TemplateVariable(name: name, value: value))
      }
    }

    var body = JSONTree.encoding(request).object ?? [:]
    body["video_inputs"] = .array(inputs)
    for key in ["test", "callback_id", "callback_url"] { body.removeValue(forKey: key) }
    body["dimension"] = JSONTree.encoding(request.dimension ?? .fullHD)
    return TemplateDocument(
      name: name, variables: variables.sorted { $0.name < $1.name }, body: body)
  }

  private static func source(_ url: String?, _ asset: String?) -> TemplateVariable.MediaSource? {
    if let url, !url.isEmpty { return .url(url) }
    if let asset, !asset.isEmpty { return .asset(asset) }
    return nil
  }

  /// Per scene, the variable name for `values[scene]` (nil where the scene has none): one
  /// shared name when every scene that has one has the same value.
  private static func names(_ base: String, _ values: [TemplateVariable.Value?])
    -> [(name: String, value: TemplateVariable.Value)?]
  {
    let present = values.compactMap { $0 }
    let shared = present.allSatisfy { $0 == present.first }
    return values.enumerated().map { index, value in
      value.map { (shared ? base : "\(base)_\(index + 1)", $0) }
    }
  }
}
