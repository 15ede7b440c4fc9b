import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator translate`: a video spoken in another language.
struct TranslateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "translate",
    abstract: "Translate a video into another language (see `orator languages`).",
    discussion: """
      Prints the translation id, or with --wait the finished translation (with --download,
      the MP4 too). Exit codes: 0 done, 1 refused or failed, 2 bad arguments.
      """)
  @OptionGroup var server: ServerConnection
  @Option(help: "The URL of the video to translate.") var videoUrl: String?
  @Option(help: "The id of one of the account's videos to translate.") var videoId: String?
  @Option(help: "The asset id of an uploaded video to translate.") var videoAssetId: String?
  @Option(help: "The target language, e.g. Spanish.") var language: String
  @Option(help: "The translation's title.") var title: String?
  @Flag(help: "Replace only the speech, keeping the original picture.") var audioOnly = false
  @Flag(help: "Wait until the translation is ready.") var wait = false
  @Option(help: "Download the translated MP4 to this file (implies --wait).") var download: String?
  @Option(help: "Seconds to wait before giving up.") var timeout = 3600
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard [videoUrl, videoId, videoAssetId].compactMap({ $0 }).count == 1 else {
      throw ValidationError(
        "give the video with one of --video-url, --video-id or --video-asset-id")
    }
  }

  func run() async throws {
    let client = try server.client()
    let request = VideoTranslateRequest(
      videoUrl: videoUrl, videoId: videoId, outputLanguage: language, title: title,
      translateAudioOnly: audioOnly ? true : nil)
    try await reportingFailures {
      // Before submitting, so a typo in the folder costs no translation.
      if let download { try HeyGenClient.checkDestination(URL(fileURLWithPath: download)) }
      let ids =
        if let videoAssetId {
          try await client.translations.create(assetID: videoAssetId, request)
        } else {
          try await client.translations.create(request)
        }
      guard let id = ids.first else {
        throw HeyGenError(kind: .invalidResponse, message: "the server returned no translation id")
      }
      guard wait || download != nil else {
        if output.json { return try printJSON(["video_translate_id": id.rawValue]) }
        return print(id.rawValue)
      }
      let progress = TerminalProgress()
      // Also on failure, so the error is not printed over a bar that keeps redrawing.
      defer { progress.finish() }
      let translation = try await client.waitForTranslation(id: id, timeout: .seconds(timeout)) {
        progress.show(waitingFor: $0.status.rawValue)
      }
      progress.finish()
      if let download {
        guard let link = translation.url, let url = URL(string: link) else {
          throw HeyGenError(kind: .invalidResponse, message: "translation \(id) has no url")
        }
        try await client.download(url, to: URL(fileURLWithPath: download)) { progress.show($0) }
        progress.finish()
      }
      if output.json { return try printJSON(translation) }
      print("video_translate_id: \(translation.videoTranslateId)")
      print("status:             \(translation.status.rawValue)")
      print("language:           \(translation.outputLanguage)")
      if let url = translation.url { print("url:                \(url)") }
      if let download { print("file:               \(download)") }
    }
  }
}
