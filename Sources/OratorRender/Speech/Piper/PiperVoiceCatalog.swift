import Foundation

/// Finds Piper voices in folders: every `NAME.onnx` with its `NAME.onnx.json` beside it.
/// The JSON is Piper's own voice config; Orator reads its language and dataset name, plus an
/// optional `"gender"` (`"female"` or `"male"`) that an operator may add, since Piper's
/// configs do not say.
public enum PiperVoiceCatalog {
  /// The voices of `folders`, in folder order and by file name within a folder. An id used
  /// by an earlier voice gets a `-2`, `-3`… suffix.
  public static func voices(in folders: [URL]) -> [VoiceDescriptor] {
    var voices: [VoiceDescriptor] = []
    var used: Set<String> = []
    for folder in folders {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
      for name in names where name.hasSuffix(".onnx") {
        let model = folder.appendingPathComponent(name)
        guard let voice = voice(model: model) else { continue }
        var unique = voice
        var number = 2
        while used.contains(unique.id) {
          unique.id = voice.id + "-\(number)"
          number += 1
        }
        used.insert(unique.id)
        voices.append(unique)
      }
    }
    return voices
  }

  /// The voice of one model, or nil when its config is missing or unreadable.
  static func voice(model: URL) -> VoiceDescriptor? {
    let configURL = URL(fileURLWithPath: model.path + ".json")
    guard let data = try? Data(contentsOf: configURL),
      let config = try? JSONDecoder().decode(Config.self, from: data)
    else { return nil }
    let code = config.language?.code ?? config.espeak?.voice ?? "en-US"
    let locale = VoiceLocale.locale(fromTag: code.replacingOccurrences(of: "_", with: "-"))
    let baseName =
      config.dataset ?? model.deletingPathExtension().lastPathComponent
    let slug = baseName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    let gender = config.gender?.lowercased() ?? ""
    let languageCode = locale.split(separator: "-").first.map(String.init) ?? locale
    return VoiceDescriptor(
      id: locale.lowercased() + "-" + String(slug),
      name: config.name ?? baseName.prefix(1).uppercased() + baseName.dropFirst(),
      language: config.language?.nameEnglish
        ?? Locale(identifier: "en").localizedString(forLanguageCode: languageCode)
        ?? languageCode,
      locale: locale,
      gender: ["female", "male"].contains(gender) ? gender : "unknown",
      engineVoice: model.path, engine: .piper)
  }

  /// The part of Piper's voice config read here.
  struct Config: Decodable {
    struct Language: Decodable {
      var code: String?
      var nameEnglish: String?
      enum CodingKeys: String, CodingKey {
        case code
        case nameEnglish = "name_english"
      }
    }
    struct Espeak: Decodable {
      var voice: String?
    }
    var language: Language?
    var espeak: Espeak?
    var dataset: String?
    /// Orator's own additions, which Piper ignores.
    var gender: String?
    var name: String?
  }
}

/// An environment made by `scripts/setup-piper.sh`: Python with piper-tts, and the bundled
/// voices, already patched for alignments, in its `voices` folder.
public enum PiperInstallation {
  /// The folder that marks a complete installation (written last by the script).
  static let marker = "voices"

  /// The bundled voices' folder of `environment`, if it is a complete installation.
  public static func voicesFolder(of environment: URL) -> URL? {
    let folder = environment.appendingPathComponent(marker)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue,
      FileManager.default.isExecutableFile(
        atPath: environment.appendingPathComponent("bin/python").path)
    else { return nil }
    return folder
  }
}
