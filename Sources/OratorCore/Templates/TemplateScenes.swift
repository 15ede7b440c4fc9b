/// One scene of a template: an entry of its body's `video_inputs`, as v3 lists it and as a
/// generate request's `scene_ids` picks, drops, reorders or repeats it.
public struct TemplateScene: Sendable, Equatable {
  /// `scene_<n>`, counted from 1 in template order: stable while the template's scenes are.
  public var id: String
  /// Where the scene sits in `video_inputs`.
  public var index: Int
  /// The scene's spoken text with its placeholders unreplaced; nil for a scene voiced by
  /// audio or silence.
  public var script: String?
  /// The template's variables this scene uses, in the order they first appear.
  public var variables: [TemplateVariable]
}

extension TemplateRecord {
  /// The body's scenes in order.
  public var scenes: [TemplateScene] {
    guard case .array(let inputs)? = body["video_inputs"] else { return [] }
    let declared = Dictionary(
      variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    return inputs.enumerated().map { index, input in
      var used: [TemplateVariable] = []
      for (name, _) in TemplatePlaceholders.names(in: input) {
        if let variable = declared[name], !used.contains(where: { $0.name == name }) {
          used.append(variable)
        }
      }
      return TemplateScene(
        id: TemplateScene.id(at: index), index: index,
        script: input["voice"]?["input_text"]?.string, variables: used)
    }
  }

  /// The body with only the scenes `ids` names, in that order (a scene may repeat). Refuses,
  /// naming the entry, an id the template does not have.
  public func body(withScenes ids: [String], field: String = "scene_ids") throws(InvalidField)
    -> JSONTree
  {
    guard case .array(let inputs)? = body["video_inputs"], case .object(var object) = body else {
      throw InvalidField(path: field, message: "this template has no scenes to choose from")
    }
    guard !ids.isEmpty else {
      throw InvalidField(path: field, message: "must name at least one scene when given")
    }
    var picked: [JSONTree] = []
    for (position, id) in ids.enumerated() {
      guard let index = TemplateScene.index(of: id), inputs.indices.contains(index) else {
        let known = inputs.indices.map(TemplateScene.id(at:)).joined(separator: ", ")
        throw InvalidField(
          path: "\(field)[\(position)]",
          message: "this template has no scene \"\(id)\" (it has: \(known))")
      }
      picked.append(inputs[index])
    }
    object["video_inputs"] = .array(picked)
    return .object(object)
  }
}

extension TemplateScene {
  static func id(at index: Int) -> String { "scene_\(index + 1)" }

  static func index(of id: String) -> Int? {
    guard id.hasPrefix("scene_"), let number = Int(id.dropFirst("scene_".count)), number >= 1
    else { return nil }
    return number - 1
  }
}
