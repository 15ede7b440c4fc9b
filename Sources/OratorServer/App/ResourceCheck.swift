import Foundation

/// The resource folders the binary needs (built-in avatars, face-landmark and speech sidecar
/// scripts, translation sidecar), which the build puts beside it. A binary copied without them
/// would stop at the first use with an unhelpful crash, or run with no avatars; this check
/// says at start what is missing and where it was looked for.
public enum ResourceCheck {
  static let renderBundleName = "Orator_OratorRender.resources"
  static let bundleNames = [
    renderBundleName, "Orator_OratorTranslate.resources", "Orator_OratorServer.resources",
  ]

  /// Throws when a resource folder is missing beside the running binary.
  public static func requireBundles(executableFolder: URL = Bundle.main.bundleURL)
    throws(StartupError)
  {
    let missing = bundleNames.filter {
      !FileManager.default.fileExists(atPath: executableFolder.appendingPathComponent($0).path)
    }
    guard !missing.isEmpty else { return }
    throw StartupError(
      "missing \(missing.joined(separator: " and ")) in \(executableFolder.path): copy the resource folders the build made beside the orator binary along with it"
    )
  }
}
