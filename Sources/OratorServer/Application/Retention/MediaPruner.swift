import Foundation
import OratorCore

/// Bounds the disk: finished videos (completed or failed) that finished more than a retention
/// period ago are deleted as `DELETE /v1/video.delete` deletes them — record and media — so
/// what the API lists and what the disk holds never disagree. Queued and rendering videos
/// are never touched.
public struct MediaPruner: Sendable {
  /// What one pass removed (or, in a dry run, would remove).
  public struct Report: Sendable, Equatable {
    public var videos = 0
    public var bytes: Int64 = 0
  }

  let environment: ServerEnvironment

  public init(environment: ServerEnvironment) { self.environment = environment }

  /// Removes the finished videos older than `retention`. With `dryRun`, only counts them.
  public func prune(olderThan retention: Duration, dryRun: Bool = false) async throws -> Report {
    let now = environment.clock.now()
    let cutoff = Int(now.timeIntervalSince1970 - retention.timeInterval)
    var report = Report()
    for account in try await environment.store.accounts() {
      var after: VideoPageToken?
      repeat {
        let page = try await environment.store.listVideos(
          account: account.id, limit: 100, after: after)
        // Newest first: a video created after the cutoff cannot have finished before it.
        for video in page.videos
        where video.createdAt < cutoff && video.updatedAt < cutoff && video.status.isFinished {
          let folder = environment.media.videoDirectory(account: account.id, video: video.id)
          let size = FolderSize.bytes(of: folder)
          if !dryRun {
            guard
              try await environment.store.deleteVideo(id: video.id, account: account.id, now: now)
                != nil
            else { continue }
            environment.media.removeVideo(account: account.id, video: video.id)
          }
          report.videos += 1
          report.bytes += size
        }
        after = page.next
      } while after != nil
    }
    return report
  }
}

extension VideoStatus {
  /// Completed or failed: nothing more will happen to it.
  var isFinished: Bool { self == .completed || self == .failed }
}

/// The bytes the files under a folder take.
enum FolderSize {
  static func bytes(of folder: String) -> Int64 {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
    var total: Int64 = 0
    while let name = walker.nextObject() as? String {
      let path = (folder as NSString).appendingPathComponent(name)
      if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular,
        let size = attributes[.size] as? NSNumber
      {
        total += size.int64Value
      }
    }
    return total
  }
}
