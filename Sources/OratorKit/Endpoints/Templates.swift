import Foundation
import HeyGenAPI

/// Templates through v3 (`GET /v3/templates`, `GET /v3/templates/<id>`, and generate with
/// `POST /v3/templates/<id>`), answered in the types this SDK has always returned; and
/// Orator's `POST /v2/template`, `PATCH` and `DELETE /v2/template/<id>`, which make and change
/// templates and have no v3 counterpart.
public struct Templates: Sendable {
  let transport: Transport

  /// Every template of the account, following the pages.
  public func list() async throws(HeyGenError) -> [TemplateListItem] {
    try await transport.all("/v3/templates", as: V3TemplateSummary.self)
      .map(TemplateListItem.init(v3:))
  }

  /// A template with its variables (keyed by name) and their defaults.
  ///
  /// `dimension` is Orator's extension of v3's answer; from a server without it, it is the
  /// 1080p frame of the template's aspect ratio.
  public func details(id: String) async throws(HeyGenError) -> TemplateDetailData {
    let detail = try await transport.require(
      .GET, "/v3/templates/\(Path.segment(id))", envelope: .v3, as: V3TemplateDetail.self)
    return TemplateDetailData(v3: detail)
  }

  /// Renders a video from the template; variables left out keep their defaults.
  ///
  /// Goes to `POST /v3/templates/<id>`; a request with `test: true`, which v3 has no field
  /// for, goes to `POST /v2/template/<id>/generate` so that it stays a free test video.
  public func generate(id: String, _ request: TemplateGenerateRequest = .init())
    async throws(HeyGenError) -> VideoID
  {
    guard request.test == true else {
      let video = try await transport.require(
        .POST, "/v3/templates/\(Path.segment(id))",
        body: Transport.json(V3TemplateGenerateBody(request)), envelope: .v3, as: V3Video.self)
      return VideoID(video.id)
    }
    let result = try await transport.require(
      .POST, "/v2/template/\(Path.segment(id))/generate", body: Transport.json(request),
      envelope: .v2, as: VideoGenerateResult.self)
    return VideoID(result.videoId)
  }

  /// Creates a template from a document: a generate body whose strings hold `{{name}}`
  /// placeholders, with `name` and typed `variables` (Orator only).
  public func create(document: Data) async throws(HeyGenError) -> TemplateDetailData {
    try await transport.require(.POST, "/v2/template", body: document, envelope: .v2)
  }

  /// Makes a template of a finished video: its scripts, avatar, voice and background become
  /// variables (Orator only).
  public func create(fromVideo id: VideoID, name: String? = nil) async throws(HeyGenError)
    -> TemplateDetailData
  {
    var document = ["from_video_id": id.rawValue]
    document["name"] = name
    return try await transport.require(
      .POST, "/v2/template", body: Transport.json(document), envelope: .v2)
  }

  /// Replaces the keys the document gives (Orator only).
  public func update(id: String, document: Data) async throws(HeyGenError) -> TemplateDetailData {
    try await transport.require(
      .PATCH, "/v2/template/\(Path.segment(id))", body: document, envelope: .v2)
  }

  /// Deletes the template (Orator only); its videos stay.
  public func delete(id: String) async throws(HeyGenError) {
    _ = try await transport.call(
      .DELETE, "/v2/template/\(Path.segment(id))", envelope: .v2, as: Empty.self)
  }
}

/// A template generate request as v3's body (the same keys, less `test`).
private struct V3TemplateGenerateBody: Encodable {
  var variables: [String: TemplateVariableBody]?
  var title: String?
  var caption: Bool?
  var dimension: HeyGenAPI.Dimension?
  var callbackId: String?
  var callbackUrl: String?

  init(_ request: TemplateGenerateRequest) {
    variables = request.variables
    title = request.title
    caption = request.caption
    dimension = request.dimension
    callbackId = request.callbackId
    callbackUrl = request.callbackUrl
  }

  enum CodingKeys: String, CodingKey {
    case variables, title, caption, dimension
    case callbackId = "callback_id"
    case callbackUrl = "callback_url"
  }
}

/// v3 writes a frame's shape as a ratio (`16:9`); v2's types say `landscape`, `portrait` or
/// `square`.
enum TemplateShape {
  /// The ratio's two numbers, or nil when it is not `W:H`.
  static func ratio(_ text: String?) -> (width: Int, height: Int)? {
    let parts = (text ?? "").split(separator: ":").compactMap { Int($0) }
    guard parts.count == 2, parts.allSatisfy({ $0 > 0 }) else { return nil }
    return (parts[0], parts[1])
  }

  static func word(_ text: String?) -> String {
    guard let shape = ratio(text) else { return text ?? "" }
    return shape.width > shape.height
      ? "landscape" : shape.width < shape.height ? "portrait" : "square"
  }

  /// The 1080p frame of the ratio (1080 pixels on the short side), for servers that do not
  /// say the frame.
  static func frame(_ text: String?) -> HeyGenAPI.Dimension {
    guard let shape = ratio(text) else { return HeyGenAPI.Dimension(width: 1920, height: 1080) }
    let short = min(shape.width, shape.height)
    return HeyGenAPI.Dimension(
      width: shape.width * 1080 / short, height: shape.height * 1080 / short)
  }
}

extension TemplateListItem {
  /// A row of v3's template list in the type this SDK has always returned.
  init(v3 template: V3TemplateSummary) {
    self.init(
      templateId: template.id, name: template.name,
      thumbnailImageUrl: template.thumbnailUrl ?? "",
      aspectRatio: TemplateShape.word(template.aspectRatio))
  }
}

extension TemplateDetailData {
  /// v3's template in the type this SDK has always returned.
  init(v3 template: V3TemplateDetail) {
    self.init(
      templateId: template.id, name: template.name,
      thumbnailImageUrl: template.thumbnailUrl ?? "",
      aspectRatio: TemplateShape.word(template.aspectRatio),
      dimension: template.dimension ?? TemplateShape.frame(template.aspectRatio),
      variables: template.variables, createdAt: template.createdAt ?? 0,
      updatedAt: template.updatedAt ?? 0)
  }
}
