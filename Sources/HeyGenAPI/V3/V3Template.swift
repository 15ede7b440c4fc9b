/// A template as `GET /v3/templates` lists it.
public struct V3TemplateSummary: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var aspectRatio: String?
  public var thumbnailUrl: String?
  /// Unix seconds.
  public var createdAt: Int?
  /// Unix seconds.
  public var updatedAt: Int?

  public init(
    id: String, name: String, aspectRatio: String?, thumbnailUrl: String?, createdAt: Int?,
    updatedAt: Int?
  ) {
    self.id = id
    self.name = name
    self.aspectRatio = aspectRatio
    self.thumbnailUrl = thumbnailUrl
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case aspectRatio = "aspect_ratio"
    case thumbnailUrl = "thumbnail_url"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}

/// A variable a scene uses, by name and type.
public struct V3SceneVariable: Codable, Sendable, Equatable {
  public var name: String
  /// `text`, `image`, `video`, `audio`, `character` or `voice`.
  public var variableType: String

  public init(name: String, variableType: String) {
    self.name = name
    self.variableType = variableType
  }

  enum CodingKeys: String, CodingKey {
    case name
    case variableType = "variable_type"
  }
}

/// A scene of a template: its id (what `scene_ids` names), its script with placeholders
/// unreplaced, and the variables it uses.
public struct V3TemplateScene: Codable, Sendable, Equatable {
  public var sceneId: String
  public var script: String?
  public var variables: [V3SceneVariable]

  public init(sceneId: String, script: String?, variables: [V3SceneVariable]) {
    self.sceneId = sceneId
    self.script = script
    self.variables = variables
  }

  enum CodingKeys: String, CodingKey {
    case sceneId = "scene_id"
    case script, variables
  }
}

/// `GET /v3/templates/{id}`: the summary, the scenes, and every variable's default keyed by
/// name in the shape `POST /v3/templates/{id}` accepts.
public struct V3TemplateDetail: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  public var aspectRatio: String?
  public var thumbnailUrl: String?
  public var createdAt: Int?
  public var updatedAt: Int?
  public var sceneIds: [String]
  public var scenes: [V3TemplateScene]
  public var variables: [String: TemplateVariableBody]
  /// Orator's extension: the frame in pixels (v3 says only `aspect_ratio`), so a client can
  /// show the size a video of the template will have.
  public var dimension: Dimension?

  public init(
    summary: V3TemplateSummary, scenes: [V3TemplateScene],
    variables: [String: TemplateVariableBody], dimension: Dimension? = nil
  ) {
    self.id = summary.id
    self.name = summary.name
    self.aspectRatio = summary.aspectRatio
    self.thumbnailUrl = summary.thumbnailUrl
    self.createdAt = summary.createdAt
    self.updatedAt = summary.updatedAt
    self.sceneIds = scenes.map(\.sceneId)
    self.scenes = scenes
    self.variables = variables
    self.dimension = dimension
  }

  enum CodingKeys: String, CodingKey {
    case id, name, scenes, variables, dimension
    case aspectRatio = "aspect_ratio"
    case thumbnailUrl = "thumbnail_url"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case sceneIds = "scene_ids"
  }
}

/// The singular `GET /v3/template/{id}` that n8n reads: `variables` as a list of
/// `{name, type, properties}`, and the scenes with `id` as well as `scene_id`.
public struct V3TemplateListing: Codable, Sendable, Equatable {
  public struct Scene: Codable, Sendable, Equatable {
    public var id: String
    public var sceneId: String
    public var script: String?
    public var variables: [V3SceneVariable]

    public init(_ scene: V3TemplateScene) {
      self.id = scene.sceneId
      self.sceneId = scene.sceneId
      self.script = scene.script
      self.variables = scene.variables
    }

    enum CodingKeys: String, CodingKey {
      case id, script, variables
      case sceneId = "scene_id"
    }
  }

  public var id: String
  public var templateId: String
  public var name: String
  /// The template format version; Orator's templates read as HeyGen's version 4.
  public var version: Int
  public var aspectRatio: String?
  public var thumbnailUrl: String?
  public var variables: [TemplateVariableBody]
  public var scenes: [Scene]

  public init(detail: V3TemplateDetail) {
    self.id = detail.id
    self.templateId = detail.id
    self.name = detail.name
    self.version = 4
    self.aspectRatio = detail.aspectRatio
    self.thumbnailUrl = detail.thumbnailUrl
    self.variables = detail.variables.keys.sorted().map { name in
      var body = detail.variables[name]!
      body.name = name
      return body
    }
    self.scenes = detail.scenes.map(Scene.init)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, version, variables, scenes
    case templateId = "template_id"
    case aspectRatio = "aspect_ratio"
    case thumbnailUrl = "thumbnail_url"
  }
}

/// The body of `POST /v3/templates/{id}`. `fps`, `subtitles`, `brand_voice_id`,
/// `keep_text_vertically_centered` and `reorder_music` are accepted and have no effect here;
/// other unknown keys are ignored.
public struct V3TemplateGenerateRequest: Decodable, Sendable, Equatable {
  public var variables: [String: TemplateVariableBody]?
  public var title: String?
  public var caption: Bool?
  public var dimension: Dimension?
  public var sceneIds: [String]?
  public var callbackUrl: String?
  public var callbackId: String?
  public var folderId: String?
  public var enableSharing: Bool?

  /// The v2 generate request it amounts to (variables, title, captions, size, callback).
  public var templateGenerate: TemplateGenerateRequest {
    TemplateGenerateRequest(
      variables: variables, title: title, caption: caption, callbackId: callbackId,
      callbackUrl: callbackUrl, dimension: dimension)
  }

  enum CodingKeys: String, CodingKey {
    case variables, title, caption, dimension
    case sceneIds = "scene_ids"
    case callbackUrl = "callback_url"
    case callbackId = "callback_id"
    case folderId = "folder_id"
    case enableSharing = "enable_sharing"
  }
}
