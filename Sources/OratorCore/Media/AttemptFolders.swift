import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Each attempt at a video renders into a folder of its own, `<account>/<video>/a<token>`,
/// named by its lease's fencing token. A worker that lost its lease (it stalled, another took
/// over and finished) then only ever removes its own attempt, never the files the winner
/// published; and what a killed attempt left half-written is found by its token.
extension MediaFolder {
  public func attemptDirectory(for lease: JobLease) -> String {
    videoDirectory(account: lease.accountId, video: lease.videoId) + "/a\(lease.fencingToken)"
  }

  /// Removes one attempt's files: its render failed, was cancelled or lost its lease. The
  /// video's folder goes too when nothing else is left in it (a deleted video's, say).
  public func removeAttempt(_ lease: JobLease) {
    try? FileManager.default.removeItem(atPath: absolutePath(attemptDirectory(for: lease)))
    // rmdir removes only an empty folder, so another attempt's files are never at risk.
    _ = rmdir(absolutePath(videoDirectory(account: lease.accountId, video: lease.videoId)))
  }

  /// Removes what earlier attempts left behind, keeping `lease`'s own folder.
  public func removeEarlierAttempts(than lease: JobLease) {
    let directory = absolutePath(videoDirectory(account: lease.accountId, video: lease.videoId))
    let keep = "a\(lease.fencingToken)"
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? []
    where name.hasPrefix("a") && name != keep {
      guard let token = Int64(name.dropFirst()), token < lease.fencingToken else { continue }
      try? manager.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
    }
  }
}
