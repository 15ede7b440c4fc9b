import HeyGenAPI

/// `POST /v2/template/<id>/generate`: the template's body with the request's variables (and
/// the defaults of those it leaves out) filled in, as an ordinary generate request.
public struct TemplateGeneration: Sendable {
  public var template: TemplateRecord

  public init(template: TemplateRecord) {
    self.template = template
  }

  /// The variables after the request's values replace the defaults. Unknown names and wrong
  /// types are refused, naming the variable.
  public func variables(for request: TemplateGenerateRequest) throws(InvalidField)
    -> [TemplateVariable]
  {
    var byName = Dictionary(
      template.variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    for name in (request.variables ?? [:]).keys.sorted() {
      guard let declared = byName[name] else {
        let known = template.variables.map(\.name).joined(separator: ", ")
        throw InvalidField(
          path: "variables.\(name)",
          message: "this template has no such variable (it has: \(known.isEmpty ? "none" : known))")
      }
      byName[name] = try declared.replaced(by: request.variables![name]!)
    }
    return template.variables.map { byName[$0.name]! }
  }

  /// `sceneIDs` (v3's `scene_ids`) picks, drops, reorders or repeats the template's scenes;
  /// nil keeps them all.
  public func request(for request: TemplateGenerateRequest, sceneIDs: [String]? = nil)
    throws(InvalidField) -> VideoGenerateRequest
  {
    let variables = try variables(for: request)
    let body =
      try sceneIDs.map { ids throws(InvalidField) in
        try template.body(withScenes: ids)
      } ?? template.body
    var video = try TemplatePlaceholders(variables).fill(body).decode(
      VideoGenerateRequest.self)
    let size = template.dimension
    if let asked = request.dimension {
      // Even sizes may round a ratio by a pixel; anything further changes the layout.
      let skew = abs(asked.width * size.height - asked.height * size.width)
      guard skew <= max(size.width, size.height) * 2 else {
        throw InvalidField(
          path: "dimension",
          message:
            "must keep the template's aspect ratio (\(size.width)×\(size.height), \(template.aspectRatio)); got \(asked.width)×\(asked.height)"
        )
      }
      video.dimension = asked
    } else {
      video.dimension = size
    }
    video.title = request.title ?? video.title ?? template.name
    video.caption = request.caption ?? video.caption
    video.callbackId = request.callbackId
    video.callbackUrl = request.callbackUrl
    video.test = request.test
    return video
  }
}
