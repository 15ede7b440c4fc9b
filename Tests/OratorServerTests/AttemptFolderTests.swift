import Foundation
import OratorCore
import OratorRender
import Testing

@testable import OratorServer

/// Each attempt at a video owns a folder of its own, so a worker that lost its lease removes
/// only what it made itself; failure texts never carry a server path.
@Suite struct AttemptFolderTests {
  func lease(token: Int64) -> JobLease {
    JobLease(
      jobId: ResourceID("0123456789abcdef0123456789abcdef")!,
      videoId: ResourceID("fedcba9876543210fedcba9876543210")!,
      accountId: ResourceID("00112233445566778899aabbccddeeff")!, owner: "w",
      fencingToken: token, expiresAt: 0, attempt: Int(token))
  }

  @Test func aLostLeaseRemovesOnlyItsOwnAttempt() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-attempts-\(UUID().uuidString.prefix(8))").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let media = MediaFolder(root: root)
    let stalled = lease(token: 1)
    let winner = lease(token: 2)
    for attempt in [stalled, winner] {
      let folder = media.absolutePath(media.attemptDirectory(for: attempt))
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: folder + "/video.mp4", contents: Data([1]))
    }
    // The stalled worker wakes, finds its lease gone and cleans up after itself.
    media.removeAttempt(stalled)
    let published = media.absolutePath(media.attemptDirectory(for: winner)) + "/video.mp4"
    #expect(FileManager.default.fileExists(atPath: published))
    #expect(
      !FileManager.default.fileExists(
        atPath: media.absolutePath(media.attemptDirectory(for: stalled))))

    // A later attempt clears what earlier ones left, never a later one's.
    let third = lease(token: 3)
    media.removeEarlierAttempts(than: lease(token: 1))
    #expect(FileManager.default.fileExists(atPath: published))
    media.removeEarlierAttempts(than: third)
    #expect(!FileManager.default.fileExists(atPath: published))
  }

  @Test func failureTextsKeepFileNamesOnly() {
    #expect(
      FailureText.scrub("ffmpeg: /srv/orator-data/scratch/abc-1/download-1: Invalid data found")
        == "ffmpeg: …/download-1: Invalid data found")
    #expect(
      FailureText.scrub("cannot write beside \"/var/lib/orator/media/a/b/video.mp4\"")
        == "cannot write beside \"…/video.mp4\"")
    #expect(
      FailureText.scrub("fetching \"https://example.com/a/b.png\" answered HTTP 404")
        == "fetching \"https://example.com/a/b.png\" answered HTTP 404")
    #expect(FailureText.scrub("audio/mpeg and/or video/mp4") == "audio/mpeg and/or video/mp4")
  }
}

/// A worker whose renders fail for want of disk or memory waits longer before each next claim.
@Suite struct ResourcePauseTests {
  @Test func waitsDoubleAndResetAfterAGoodRender() {
    var pause = ResourcePause()
    #expect(pause.after(resourceTrouble: false) == nil)
    #expect(pause.after(resourceTrouble: true) == .seconds(15))
    #expect(pause.after(resourceTrouble: true) == .seconds(30))
    for _ in 0..<10 { _ = pause.after(resourceTrouble: true) }
    #expect(pause.after(resourceTrouble: true) == .seconds(600))
    #expect(pause.after(resourceTrouble: false) == nil)
    #expect(pause.after(resourceTrouble: true) == .seconds(15))
  }

  @Test func jobsFailedForWantOfResourcesWaitMinutes() {
    #expect(ResourcePause.jobDelay(afterAttempt: 1) == .seconds(60))
    #expect(ResourcePause.jobDelay(afterAttempt: 2) == .seconds(300))
    #expect(ResourcePause.jobDelay(afterAttempt: 3) == .seconds(1500))
    #expect(ResourcePause.jobDelay(afterAttempt: 9) == .seconds(3600))
  }

  @Test func resourceTroubleIsToldFromBadInput() {
    #expect(ResourcePause.isResourceTrouble(StoreError.unavailable("disk I/O error")))
    #expect(
      ResourcePause.isResourceTrouble(
        RenderSandboxError.render(.failed("ffmpeg: Error writing: No space left on device"))))
    #expect(!ResourcePause.isResourceTrouble(RenderSandboxError.timedOut(.seconds(5))))
    #expect(
      !ResourcePause.isResourceTrouble(
        RenderSandboxError.render(.invalidInput(InvalidField(path: "x", message: "bad")))))
  }
}
