import Foundation
import HeyGenAPI

/// `GET /v2/templates`, `GET /v2/template/<id>`, `POST /v2/template/<id>/generate`, and
/// Orator's `POST /v2/template`, `PATCH` and `DELETE /v2/template/<id>`.
public struct Templates: Sendable {
  let transport: Transport

  public func list() async throws(HeyGenError) -> [TemplateListItem] {
    let data = try await transport.require(
      .GET, "/v2/templates", envelope: .v2, as: TemplateListData.self)
    return data.templates
  }

  /// A template with its variables (keyed by name) and their defaults.
  public func details(id: String) async throws(HeyGenError) -> TemplateDetailData {
    try await transport.require(.GET, "/v2/template/\(Path.segment(id))", envelope: .v2)
  }

  /// Renders a video from the template; variables left out keep their defaults.
  public func generate(id: String, _ request: TemplateGenerateRequest = .init())
    async throws(HeyGenError) -> VideoID
  {
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
