import Foundation

/// Where rendered files live: `media/<account>/<video>/<file>`. Paths in the store are
/// relative to the folder so the folder can move or be shared between nodes.
public struct MediaFolder: MediaStore {
  public var root: String

  public init(root: String) {
    self.root = root
  }

  public func videoDirectory(account: ResourceID, video: ResourceID) -> String {
    "\(account.rawValue)/\(video.rawValue)"
  }

  public func absolutePath(_ relativePath: String) -> String {
    (root as NSString).appendingPathComponent(relativePath)
  }

  /// Removes a video's files (after delete, or when a finished render lost its lease).
  public func removeVideo(account: ResourceID, video: ResourceID) {
    try? FileManager.default.removeItem(
      atPath: absolutePath(videoDirectory(account: account, video: video)))
  }
}
