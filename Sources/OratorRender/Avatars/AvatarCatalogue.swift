import Foundation

/// The presenters Orator ships with, and loading more from a folder of JSON files.
public enum AvatarCatalogue {
  /// The built-in presenters, sorted by id. Empty only if the package's resources are missing.
  public static let builtIn: [AvatarDefinition] = {
    guard let directory = builtInDirectory else { return [] }
    return (try? load(directory: directory)) ?? []
  }()

  /// The avatars of `avatars` that are not built in (an operator's own), by id.
  public static func notBuiltIn(_ avatars: [AvatarDefinition]) -> [AvatarDefinition] {
    let builtInIDs = Set(builtIn.map(\.id))
    return avatars.filter { !builtInIDs.contains($0.id) }
  }

  /// Where the built-in JSON files live inside the package's resource bundle.
  public static var builtInDirectory: String? {
    Bundle.module.url(forResource: "BuiltIn", withExtension: nil)?.path
  }

  /// Decodes and checks every `*.json` file in `directory` (one avatar per file), sorted by
  /// id. Throws on the first file that does not decode or whose shapes do not parse, naming it.
  public static func load(directory: String) throws -> [AvatarDefinition] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".json") }
      .sorted()
    var avatars: [AvatarDefinition] = []
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      do {
        avatars.append(try decode(Data(contentsOf: URL(fileURLWithPath: path))))
      } catch let error as AvatarDataError {
        throw AvatarDataError("\(path): \(error.description)")
      } catch {
        throw AvatarDataError("\(path): \(error)")
      }
    }
    return avatars.sorted { $0.id < $1.id }
  }

  /// Decodes one avatar file and checks its shapes and colours.
  public static func decode(_ data: Data) throws -> AvatarDefinition {
    let avatar = try JSONDecoder().decode(AvatarDefinition.self, from: data)
    try AvatarFigure.validate(avatar)
    return avatar
  }

  /// Encodes an avatar as the pretty-printed JSON `decode` reads.
  public static func encode(_ avatar: AvatarDefinition) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(avatar)
  }
}
