import HeyGenAPI

/// A template variable: a name and a typed value. The template holds each variable's
/// default; a generate request gives new values for some of them.
public struct TemplateVariable: Sendable, Equatable {
  public var name: String
  public var value: Value

  public init(name: String, value: Value) {
    self.name = name
    self.value = value
  }

  /// The six types HeyGen templates use, each with its properties.
  public enum Value: Sendable, Equatable {
    case text(content: String)
    case image(MediaSource, fit: BackgroundFit?)
    case video(MediaSource, playStyle: PlayStyle?, fit: BackgroundFit?)
    case audio(MediaSource)
    case character(id: String, kind: CharacterKind)
    case voice(id: String)

    public var typeName: String {
      switch self {
      case .text: "text"
      case .image: "image"
      case .video: "video"
      case .audio: "audio"
      case .character: "character"
      case .voice: "voice"
      }
    }
  }

  /// Where a picture, clip or sound comes from: a URL, or an uploaded asset's id.
  public enum MediaSource: Sendable, Equatable {
    case url(String)
    case asset(String)
  }

  public enum CharacterKind: String, Sendable, Equatable {
    case avatar
    case talkingPhoto = "talking_photo"
  }

  public static let types = ["text", "image", "video", "audio", "character", "voice"]
  /// The longest text a variable may hold: a whole scene's script (`input_text`).
  public static let maxTextCharacters = 5000
}

extension TemplateVariable {
  /// Reads a variable off the wire, naming the property at fault (`variables.logo.properties.fit`).
  public init(name: String, body: TemplateVariableBody) throws(InvalidField) {
    let path = "variables.\(name)"
    let properties = body.properties
    let at = "\(path).properties"
    self.name = name
    switch body.type {
    case "text":
      guard let content = properties.content else {
        throw InvalidField(
          path: "\(at).content", message: "is required for a text variable", isMissing: true)
      }
      guard content.count <= Self.maxTextCharacters else {
        throw InvalidField(
          path: "\(at).content",
          message: "must be at most \(Self.maxTextCharacters) characters, got \(content.count)")
      }
      value = .text(content: content)
    case "image":
      value = .image(try Self.source(properties, at: at), fit: try Self.fit(properties.fit, at: at))
    case "video":
      var playStyle: PlayStyle?
      if let text = properties.playStyle {
        guard let style = PlayStyle(rawValue: text) else {
          throw InvalidField(
            path: "\(at).play_style",
            message: "must be one of fit_to_scene, freeze, loop, once; got \"\(text)\"")
        }
        playStyle = style
      }
      value = .video(
        try Self.source(properties, at: at), playStyle: playStyle,
        fit: try Self.fit(properties.fit, at: at))
    case "audio":
      value = .audio(try Self.source(properties, at: at))
    case "character":
      guard let id = properties.characterId, !id.isEmpty else {
        throw InvalidField(
          path: "\(at).character_id", message: "is required for a character variable",
          isMissing: true)
      }
      let kindName = properties.characterType ?? "avatar"
      guard let kind = CharacterKind(rawValue: kindName) else {
        throw InvalidField(
          path: "\(at).type", message: "must be avatar or talking_photo, got \"\(kindName)\"")
      }
      value = .character(id: id, kind: kind)
    case "voice":
      guard let id = properties.voiceId, !id.isEmpty else {
        throw InvalidField(
          path: "\(at).voice_id", message: "is required for a voice variable", isMissing: true)
      }
      value = .voice(id: id)
    default:
      throw InvalidField(
        path: "\(path).type",
        message: "must be one of \(Self.types.joined(separator: ", ")); got \"\(body.type)\"")
    }
  }

  private static func source(_ properties: TemplateVariableProperties, at path: String)
    throws(InvalidField)
    -> MediaSource
  {
    if let url = properties.url, !url.isEmpty { return .url(url) }
    if let asset = properties.assetId, !asset.isEmpty { return .asset(asset) }
    throw InvalidField(
      path: "\(path).url", message: "either url or asset_id is required", isMissing: true)
  }

  private static func fit(_ text: String?, at path: String) throws(InvalidField) -> BackgroundFit? {
    guard let text else { return nil }
    guard let fit = BackgroundFit(rawValue: text) else {
      throw InvalidField(
        path: "\(path).fit", message: "must be one of cover, contain, crop, none; got \"\(text)\"")
    }
    return fit
  }

  /// The variable as the wire shows it.
  public var body: TemplateVariableBody {
    var properties = TemplateVariableProperties()
    func set(_ source: MediaSource) {
      switch source {
      case .url(let url): properties.url = url
      case .asset(let id): properties.assetId = id
      }
    }
    switch value {
    case .text(let content): properties.content = content
    case .image(let source, let fit):
      set(source)
      properties.fit = fit?.rawValue
    case .video(let source, let playStyle, let fit):
      set(source)
      properties.playStyle = playStyle?.rawValue
      properties.fit = fit?.rawValue
    case .audio(let source): set(source)
    case .character(let id, let kind):
      properties.characterId = id
      properties.characterType = kind.rawValue
    case .voice(let id): properties.voiceId = id
    }
    return TemplateVariableBody(name: name, type: value.typeName, properties: properties)
  }

  /// A new value for this variable from a generate request: the same type is required, and
  /// styling the request leaves out (`fit`, `play_style`) keeps the template's default.
  public func replaced(by body: TemplateVariableBody) throws(InvalidField) -> TemplateVariable {
    guard body.type == value.typeName else {
      throw InvalidField(
        path: "variables.\(name).type",
        message: "must be \"\(value.typeName)\" as the template declares it, got \"\(body.type)\"")
    }
    var given = try TemplateVariable(name: name, body: body)
    switch (value, given.value) {
    case (.image(_, let defaultFit), .image(let source, nil)):
      given.value = .image(source, fit: defaultFit)
    case (.video(_, let defaultStyle, let defaultFit), .video(let source, let style, let fit)):
      given.value = .video(source, playStyle: style ?? defaultStyle, fit: fit ?? defaultFit)
    default:
      break
    }
    return given
  }
}

extension TemplateVariable {
  /// Variable names: letters, digits, `_` and `-`, so `{{name}}` is unambiguous.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "_"
          || $0 == "-"
      }
  }

  /// Reads the keyed `variables` object of a template document, in name order.
  public static func list(_ bodies: [String: TemplateVariableBody]) throws(InvalidField)
    -> [TemplateVariable]
  {
    var result: [TemplateVariable] = []
    for name in bodies.keys.sorted() {
      guard isValidName(name) else {
        throw InvalidField(
          path: "variables.\(name)",
          message: "a variable name may use only letters, digits, _ and -")
      }
      result.append(try TemplateVariable(name: name, body: bodies[name]!))
    }
    return result
  }
}
