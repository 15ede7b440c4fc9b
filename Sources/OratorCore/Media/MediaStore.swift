/// Where rendered videos, uploads and talking photos are kept. Files are addressed by paths
/// relative to the store, as the `Store` records them, so the store can move, or be one folder
/// shared by every node of a cluster. `MediaFolder` (a local folder) is the one there is; the
/// server, its render workers (which write into attempt folders) and the retention pass all go
/// through this protocol.
public protocol MediaStore: Sendable {
  /// The file system path of `relativePath`, for reading, serving and writing.
  func absolutePath(_ relativePath: String) -> String
  /// The folder of one video's files, relative to the store.
  func videoDirectory(account: ResourceID, video: ResourceID) -> String
  /// Removes a video's files (after delete, or when a finished render lost its lease).
  func removeVideo(account: ResourceID, video: ResourceID)
  /// The folder one attempt at a video renders into, relative to the store.
  func attemptDirectory(for lease: JobLease) -> String
  /// Removes one attempt's files.
  func removeAttempt(_ lease: JobLease)
  /// Removes what earlier attempts left behind, keeping `lease`'s own folder.
  func removeEarlierAttempts(than lease: JobLease)
}
