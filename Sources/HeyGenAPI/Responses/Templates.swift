// Wire types of the template endpoints: `GET /v2/templates`, `GET /v2/template/<id>`,
// `POST /v2/template/<id>/generate`, and Orator's `POST|PATCH|DELETE /v2/template[/<id>]`.
// Every key is always encoded: strict clients break on a missing key or a null URL.

/// A variable as the wire carries it: `{"name", "type", "properties": {…}}`, keyed by name.
public struct TemplateVariableBody: Codable, Sendable, Equatable {
  public var name: String?
  public var type: String
  public var properties: TemplateVariableProperties

  public init(name: String?, type: String, properties: TemplateVariableProperties) {
    self.name = name
    self.type = type
    self.properties = properties
  }

  enum CodingKeys: String, CodingKey { case name, type, properties }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name)
    type = try c.decode(String.self, forKey: .type)
    properties =
      try c.decodeIfPresent(TemplateVariableProperties.self, forKey: .properties) ?? .init()
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(type, forKey: .type)
    try properties.encode(to: c.superEncoder(forKey: .properties), type: type)
  }
}

/// The properties of every variable type in one struct; which keys apply depends on `type`
/// (text: content; image: url, asset_id, fit; video: url, asset_id, play_style, fit;
/// audio: url, asset_id; character: character_id, type; voice: voice_id).
public struct TemplateVariableProperties: Codable, Sendable, Equatable {
  public var content: String?
  public var url: String?
  public var assetId: String?
  public var fit: String?
  public var playStyle: String?
  public var characterId: String?
  /// `avatar` or `talking_photo` for a character variable.
  public var characterType: String?
  public var voiceId: String?

  public init(
    content: String? = nil, url: String? = nil, assetId: String? = nil, fit: String? = nil,
    playStyle: String? = nil, characterId: String? = nil, characterType: String? = nil,
    voiceId: String? = nil
  ) {
    self.content = content
    self.url = url
    self.assetId = assetId
    self.fit = fit
    self.playStyle = playStyle
    self.characterId = characterId
    self.characterType = characterType
    self.voiceId = voiceId
  }

  enum CodingKeys: String, CodingKey {
    case content, url
    case assetId = "asset_id"
    case fit
    case playStyle = "play_style"
    case characterId = "character_id"
    case characterType = "type"
    case voiceId = "voice_id"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    content = try c.decodeIfPresent(String.self, forKey: .content)
    url = try c.decodeIfPresent(String.self, forKey: .url)
    assetId = try c.decodeIfPresent(String.self, forKey: .assetId)
    fit = try c.decodeIfPresent(String.self, forKey: .fit)
    playStyle = try c.decodeIfPresent(String.self, forKey: .playStyle)
    characterId = try c.decodeIfPresent(String.self, forKey: .characterId)
    characterType = try c.decodeIfPresent(String.self, forKey: .characterType)
    voiceId = try c.decodeIfPresent(String.self, forKey: .voiceId)
  }

  /// Without a type every key is written.
  public func encode(to encoder: any Encoder) throws {
    try encode(to: encoder, type: nil)
  }

  /// Writes the keys of `type`'s properties, each always present (null when unset).
  public func encode(to encoder: any Encoder, type: String?) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let keys: [CodingKeys] =
      switch type {
      case "text": [.content]
      case "image": [.url, .assetId, .fit]
      case "video": [.url, .assetId, .playStyle, .fit]
      case "audio": [.url, .assetId]
      case "character": [.characterId, .characterType]
      case "voice": [.voiceId]
      default: [.content, .url, .assetId, .fit, .playStyle, .characterId, .characterType, .voiceId]
      }
    for key in keys {
      let value: String? =
        switch key {
        case .content: content
        case .url: url
        case .assetId: assetId
        case .fit: fit
        case .playStyle: playStyle
        case .characterId: characterId
        case .characterType: characterType
        case .voiceId: voiceId
        }
      try c.encode(value, forKey: key)
    }
  }
}

/// One row of `GET /v2/templates`.
public struct TemplateListItem: Codable, Sendable, Equatable {
  public var templateId: String
  public var name: String
  /// A real rendered first frame; always a URL, never null.
  public var thumbnailImageUrl: String
  /// `landscape`, `portrait` or `square`.
  public var aspectRatio: String

  public init(templateId: String, name: String, thumbnailImageUrl: String, aspectRatio: String) {
    self.templateId = templateId
    self.name = name
    self.thumbnailImageUrl = thumbnailImageUrl
    self.aspectRatio = aspectRatio
  }

  enum CodingKeys: String, CodingKey {
    case templateId = "template_id"
    case name
    case thumbnailImageUrl = "thumbnail_image_url"
    case aspectRatio = "aspect_ratio"
  }
}

/// `data` of `GET /v2/templates`.
public struct TemplateListData: Codable, Sendable, Equatable {
  public var templates: [TemplateListItem]

  public init(templates: [TemplateListItem]) { self.templates = templates }
}

/// `data` of `GET /v2/template/<id>` (and of Orator's create and update).
public struct TemplateDetailData: Codable, Sendable, Equatable {
  public var templateId: String
  public var name: String
  public var thumbnailImageUrl: String
  public var aspectRatio: String
  public var dimension: Dimension
  /// Keyed by variable name, each with the template's default.
  public var variables: [String: TemplateVariableBody]
  public var createdAt: Int
  public var updatedAt: Int

  public init(
    templateId: String, name: String, thumbnailImageUrl: String, aspectRatio: String,
    dimension: Dimension, variables: [String: TemplateVariableBody], createdAt: Int, updatedAt: Int
  ) {
    self.templateId = templateId
    self.name = name
    self.thumbnailImageUrl = thumbnailImageUrl
    self.aspectRatio = aspectRatio
    self.dimension = dimension
    self.variables = variables
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  enum CodingKeys: String, CodingKey {
    case templateId = "template_id"
    case name
    case thumbnailImageUrl = "thumbnail_image_url"
    case aspectRatio = "aspect_ratio"
    case dimension, variables
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}

/// The body of `POST /v2/template/<id>/generate`. Keys HeyGen documents that Orator has no
/// use for (`template_id`, `include_gif`, `enable_sharing`, …) are ignored.
public struct TemplateGenerateRequest: Codable, Sendable, Equatable {
  public var variables: [String: TemplateVariableBody]?
  public var title: String?
  public var caption: Bool?
  public var callbackId: String?
  public var callbackUrl: String?
  public var dimension: Dimension?
  public var test: Bool?

  public init(
    variables: [String: TemplateVariableBody]? = nil, title: String? = nil, caption: Bool? = nil,
    callbackId: String? = nil, callbackUrl: String? = nil, dimension: Dimension? = nil,
    test: Bool? = nil
  ) {
    self.variables = variables
    self.title = title
    self.caption = caption
    self.callbackId = callbackId
    self.callbackUrl = callbackUrl
    self.dimension = dimension
    self.test = test
  }

  enum CodingKeys: String, CodingKey {
    case variables, title, caption
    case callbackId = "callback_id"
    case callbackUrl = "callback_url"
    case dimension, dimensions, test
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    variables = try c.decodeIfPresent([String: TemplateVariableBody].self, forKey: .variables)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    caption = try c.decodeIfPresent(Bool.self, forKey: .caption)
    callbackId = try c.decodeIfPresent(String.self, forKey: .callbackId)
    callbackUrl = try c.decodeIfPresent(String.self, forKey: .callbackUrl)
    dimension =
      try c.decodeIfPresent(Dimension.self, forKey: .dimension)
      ?? c.decodeIfPresent(Dimension.self, forKey: .dimensions)
    test = try c.decodeIfPresent(Bool.self, forKey: .test)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(variables, forKey: .variables)
    try c.encode(title, forKey: .title)
    try c.encode(caption, forKey: .caption)
    try c.encode(callbackId, forKey: .callbackId)
    try c.encode(callbackUrl, forKey: .callbackUrl)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(test, forKey: .test)
  }
}
