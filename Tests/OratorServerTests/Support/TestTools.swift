import Foundation

/// The environment `scripts/setup-test-tools.sh` makes (schemathesis, Selenium):
/// `$ORATOR_TOOLS_VENV`, else `.venv-tools` in the working folder.
enum TestTools {
  static var venv: String {
    ProcessInfo.processInfo.environment["ORATOR_TOOLS_VENV"]
      ?? FileManager.default.currentDirectoryPath + "/.venv-tools"
  }

  static func program(_ name: String) -> String { venv + "/bin/" + name }
}
