import Foundation
import HeyGenAPI
import OratorKit
import Testing

extension TestServer {
  /// An OratorKit client of this server that polls quickly (test videos take seconds).
  func client(key: String = TestServer.apiKey, retry: RetryPolicy = .default) -> HeyGenClient {
    HeyGenClient(
      baseURL: URL(string: baseURL)!, apiKey: key, retry: retry,
      polling: PollingSchedule(
        initialInterval: .milliseconds(100), growth: 1.5, maxInterval: .milliseconds(500)))
  }
}

extension TestServer {
  /// The request lines of the server's log sent with `method` (`GET`, `POST`, …), to check
  /// which API version a client spoke.
  func requests(_ method: String) -> [Substring] {
    log.split(separator: "\n").filter {
      $0.contains("method=\(method)") || $0.contains("\"method\": \"\(method)\"")
        || $0.contains("method: \(method)")
    }
  }

  /// Every request line of the log, whatever its method.
  var requests: [Substring] {
    ["GET", "POST", "PATCH", "DELETE", "PUT"].flatMap { requests($0) }
  }
}

/// Small generate requests built with the SDK's types.
enum SDKRequest {
  static func hello(_ text: String = "Hello there.", test: Bool = true) -> VideoGenerateRequest {
    VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: VideoRequest.avatarID)),
          voice: .text(TextVoice(voiceId: VideoRequest.voiceID, inputText: text)),
          background: .color("#FFFFFF"))
      ],
      dimension: HeyGenAPI.Dimension(width: 320, height: 180), title: "SDK test", test: test)
  }
}

/// Whether the server under test serves video translation: its tests run once it does and
/// are skipped (reported as such) before.
enum TranslationSupport {
  static let served = Task<Bool, Never> {
    guard let server = try? await TestServer(workers: 0) else { return false }
    let answer = try? await server.get("/v2/video_translate/target_languages")
    await server.stop()
    return answer?.status == 200
  }

  static func isServed() async -> Bool { await served.value }

  /// Spanish when offered, else the first language that is not English.
  static func target(in languages: [String]) throws -> String {
    if languages.contains("Spanish") { return "Spanish" }
    return try #require(languages.first { !$0.hasPrefix("English") }, "\(languages)")
  }
}

/// A scratch folder for downloads, removed by the caller.
func scratchFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-client-\(UUID().uuidString.prefix(8))")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// A short video rendered to the end, and its whole MP4 as one plain download gets it.
func finishedVideo(_ client: HeyGenClient, downloadedInto folder: URL) async throws
  -> (VideoStatus, Data)
{
  let video = try await client.waitForVideo(
    id: try await client.videos.generate(SDKRequest.hello()))
  let whole = folder.appendingPathComponent("whole.mp4")
  try await client.download(video, to: whole)
  return (video, try Data(contentsOf: whole))
}
