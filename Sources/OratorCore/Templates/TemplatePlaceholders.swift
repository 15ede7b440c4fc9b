import Foundation

/// Fills `{{name}}` placeholders in a template body. A string that is exactly one placeholder
/// under `character`, `background` or `voice` becomes the whole object its variable stands
/// for (an avatar, an image or video background, an audio voice); any other placeholder
/// becomes the variable's plain value (text, character id, voice id, media URL or asset id),
/// inside a longer string too.
public struct TemplatePlaceholders: Sendable {
  public var variables: [String: TemplateVariable]
  /// The most text filling may produce, all strings together. A placeholder repeated many
  /// times over a long value would otherwise turn a small request into a huge one.
  public var maxExpandedBytes: Int

  public static let defaultMaxExpandedBytes = 1 << 20

  public init(_ variables: [TemplateVariable], maxExpandedBytes: Int = defaultMaxExpandedBytes) {
    self.variables = Dictionary(
      variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    self.maxExpandedBytes = maxExpandedBytes
  }

  /// The body with every placeholder filled. Throws for a placeholder naming no variable, and
  /// when the filled-in strings would be larger than `maxExpandedBytes`.
  public func fill(_ tree: JSONTree) throws(InvalidField) -> JSONTree {
    var remaining = maxExpandedBytes
    return try fill(tree, key: nil, path: "", remaining: &remaining)
  }

  /// Every placeholder name used anywhere in `tree`, with the first place it appears.
  public static func names(in tree: JSONTree) -> [(name: String, path: String)] {
    var found: [(String, String)] = []
    func walk(_ tree: JSONTree, _ path: String) {
      switch tree {
      case .string(let text):
        for piece in pieces(text) {
          if case .placeholder(let name) = piece { found.append((name, path)) }
        }
      case .array(let items):
        for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]") }
      case .object(let object):
        for key in object.keys.sorted() {
          walk(object[key]!, path.isEmpty ? key : "\(path).\(key)")
        }
      default:
        break
      }
    }
    walk(tree, "")
    return found
  }

  private func fill(_ tree: JSONTree, key: String?, path: String, remaining: inout Int)
    throws(InvalidField) -> JSONTree
  {
    switch tree {
    case .string(let text):
      return try fill(text, key: key, path: path, remaining: &remaining)
    case .array(let items):
      var filled: [JSONTree] = []
      for (index, item) in items.enumerated() {
        filled.append(
          try fill(item, key: nil, path: "\(path)[\(index)]", remaining: &remaining))
      }
      return .array(filled)
    case .object(let object):
      var filled: [String: JSONTree] = [:]
      for (name, value) in object {
        filled[name] = try fill(
          value, key: name, path: path.isEmpty ? name : "\(path).\(name)",
          remaining: &remaining)
      }
      return .object(filled)
    default:
      return tree
    }
  }

  private func fill(_ text: String, key: String?, path: String, remaining: inout Int)
    throws(InvalidField) -> JSONTree
  {
    let pieces = Self.pieces(text)
    if pieces.count == 1, case .placeholder(let name) = pieces[0] {
      let variable = try lookup(name, path: path)
      if let key, let object = Self.object(for: variable.value, under: key) { return object }
    }
    var result = ""
    for piece in pieces {
      let text =
        switch piece {
        case .literal(let literal): literal
        case .placeholder(let name): Self.plain(try lookup(name, path: path).value)
        }
      // Counted before the text is added, so the limit bounds memory, not just the answer.
      remaining -= text.utf8.count
      if remaining < 0 {
        throw InvalidField(
          path: path,
          message:
            "filled in, the template would be larger than \(maxExpandedBytes >> 10) KB; use shorter values or fewer placeholders"
        )
      }
      result += text
    }
    return .string(result)
  }

  private func lookup(_ name: String, path: String) throws(InvalidField) -> TemplateVariable {
    guard let variable = variables[name] else {
      throw InvalidField(path: path, message: "uses {{\(name)}}, which is not a declared variable")
    }
    return variable
  }

  /// The object a variable stands for where the request needs one; nil where it does not fit.
  static func object(for value: TemplateVariable.Value, under key: String) -> JSONTree? {
    func source(_ source: TemplateVariable.MediaSource, urlKey: String, assetKey: String) -> (
      String, JSONTree
    ) {
      switch source {
      case .url(let url): (urlKey, .string(url))
      case .asset(let id): (assetKey, .string(id))
      }
    }
    switch (key, value) {
    case ("character", .character(let id, .avatar)):
      return .object(["type": .string("avatar"), "avatar_id": .string(id)])
    case ("character", .character(let id, .talkingPhoto)):
      return .object(["type": .string("talking_photo"), "talking_photo_id": .string(id)])
    case ("background", .image(let media, let fit)):
      let (name, value) = source(media, urlKey: "url", assetKey: "image_asset_id")
      var object: [String: JSONTree] = ["type": .string("image"), name: value]
      if let fit { object["fit"] = .string(fit.rawValue) }
      return .object(object)
    case ("background", .video(let media, let playStyle, let fit)):
      let (name, value) = source(media, urlKey: "url", assetKey: "video_asset_id")
      var object: [String: JSONTree] = ["type": .string("video"), name: value]
      if let playStyle { object["play_style"] = .string(playStyle.rawValue) }
      if let fit { object["fit"] = .string(fit.rawValue) }
      return .object(object)
    case ("voice", .audio(let media)):
      let (name, value) = source(media, urlKey: "audio_url", assetKey: "audio_asset_id")
      return .object(["type": .string("audio"), name: value])
    default:
      return nil
    }
  }

  static func plain(_ value: TemplateVariable.Value) -> String {
    switch value {
    case .text(let content): content
    case .character(let id, _): id
    case .voice(let id): id
    case .image(let source, _), .video(let source, _, _), .audio(let source):
      switch source {
      case .url(let url): url
      case .asset(let id): id
      }
    }
  }

  enum Piece: Equatable {
    case literal(String)
    case placeholder(String)
  }

  /// Splits text at `{{name}}` (spaces inside the braces allowed); anything else stays literal.
  static func pieces(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else { break }
      let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      guard TemplateVariable.isValidName(name) else {
        pieces.append(.literal(String(rest[..<open.upperBound])))
        rest = rest[open.upperBound...]
        continue
      }
      if open.lowerBound > rest.startIndex {
        pieces.append(.literal(String(rest[..<open.lowerBound])))
      }
      pieces.append(.placeholder(name))
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty || pieces.isEmpty { pieces.append(.literal(String(rest))) }
    return pieces
  }
}
