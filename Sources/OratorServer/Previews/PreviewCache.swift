import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Catalogue previews, made on first request and kept under the previews folder.
///
/// Concurrent first requests for one file share a single run, and a file only appears under
/// its final name once complete (written under a temporary name, then renamed), so no reader
/// ever gets half a file, even from another process sharing the data folder. At most
/// `maxConcurrentRuns` files are made at once: a page listing every avatar's preview video
/// would otherwise start a render per avatar on the same cores that render customers' videos.
actor PreviewCache {
  typealias Maker = @Sendable (_ temporaryPath: String) async throws -> Void

  let directory: String
  private let slots: WorkSlots
  private var inFlight: [String: Task<Void, any Error>] = [:]

  init(directory: String, maxConcurrentRuns: Int = 2) {
    self.directory = directory
    slots = WorkSlots(limit: maxConcurrentRuns)
  }

  /// The absolute path of `name` (e.g. `avatars/amara_navy_blazer.jpg`), made by `make` if it
  /// is not there yet. `make` writes the file at the path it is given, which keeps `name`'s
  /// extension so tools that pick a format by extension (ffmpeg) do the right thing.
  func file(_ name: String, make: @escaping Maker) async throws -> String {
    let path = (directory as NSString).appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: path) { return path }
    if let run = inFlight[name] {
      try await run.value
      return path
    }
    let run = Task { try await self.slots.run { try await Self.produce(path, make: make) } }
    inFlight[name] = run
    defer { inFlight[name] = nil }
    // A client that disconnects does not cancel the run: the next request gets the file.
    try await run.value
    return path
  }

  private static func produce(_ path: String, make: Maker) async throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let name = (path as NSString).lastPathComponent
    let temporary = (folder as NSString).appendingPathComponent(
      ".partial-\(UUID().uuidString)-\(name)")
    do {
      try await make(temporary)
      guard rename(temporary, path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
  }
}
