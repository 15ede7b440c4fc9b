import Foundation

/// Finds command-line tools on `PATH`, as the render pipeline's `/usr/bin/env` launches do.
enum ToolLookup {
  static func path(
    of tool: String,
    in environment: [String: String] = ProcessInfo.processInfo
      .environment
  ) -> String? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders {
      let candidate = (String(folder) as NSString).appendingPathComponent(tool)
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
