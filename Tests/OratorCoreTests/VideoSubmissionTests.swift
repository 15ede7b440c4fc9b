import Foundation
import HeyGenAPI
import OratorCore
import Testing

@Suite("VideoSubmission")
struct VideoSubmissionTests {
  let account = ResourceID("0123456789abcdef0123456789abcdef")!
  let now = Date(unixSeconds: 1_700_000_000)

  @Test func keepsTheRequestAndReservesItsEstimate() throws {
    let body = Data(
      #"{"title":"Hi","callback_id":"c1","caption":true,"video_inputs":[{"voice":{"type":"text","voice_id":"v","input_text":"Hello there"}}]}"#
        .utf8)
    let request = try JSONDecoder().decode(VideoGenerateRequest.self, from: body)
    let submission = VideoSubmission(
      request: request, body: body, account: account, now: now,
      random: SeededRandomSource(seed: 1))
    let video = submission.video
    #expect(video.request == body)
    #expect(video.title == "Hi" && video.callbackId == "c1" && video.caption)
    #expect(video.status == .pending && video.kind == .generated && !video.isTest)
    #expect(video.createdAt == now.unixSeconds)
    #expect(video.reservedCredit == CreditEstimate().seconds(for: request))
    #expect(submission.job.videoId == video.id && submission.job.state == .queued)
    #expect(submission.job.runAfter == now.unixSeconds)
  }

  @Test func testVideosReserveNothing() throws {
    let body = Data(
      #"{"test":true,"video_inputs":[{"voice":{"type":"text","voice_id":"v","input_text":"Hello"}}]}"#
        .utf8)
    let request = try JSONDecoder().decode(VideoGenerateRequest.self, from: body)
    let submission = VideoSubmission(
      request: request, body: body, account: account, now: now, random: SystemRandomSource())
    #expect(submission.video.isTest && submission.video.reservedCredit == 0)
  }
}
