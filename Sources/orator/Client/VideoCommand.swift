import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator video create|status|list|delete|share|download`: videos on a server.
struct VideoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "video", abstract: "Create, follow, list, share, download and delete videos.",
    subcommands: [
      CreateVideo.self, Status.self, List.self, Delete.self, Share.self, Download.self,
    ])

  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a video's status.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The video id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let video = try await client.videos.status(id: VideoID(id))
        if output.json { return try printJSON(video) }
        VideoDelivery.describe(video)
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the account's videos.")
    @OptionGroup var server: ServerConnection
    @Option(help: "Videos per page, 1–100.") var limit: Int?
    @Option(help: "The token of the page to show (printed under the previous one).")
    var token: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let page = try await client.videos.list(limit: limit, token: token)
        if output.json {
          return try printJSON(VideoListData(videos: page.videos, token: page.nextToken))
        }
        var table = Table("VIDEO ID", "STATUS", "CREATED", "TITLE")
        for video in page.videos {
          table.add(video.videoId, video.status, Self.time(video.createdAt), video.videoTitle)
        }
        table.print()
        if let next = page.nextToken { print("more: orator video list --token \(next)") }
      }
    }

    static func time(_ seconds: Int) -> String {
      let formatter = DateFormatter()
      formatter.dateFormat = "yyyy-MM-dd HH:mm"
      return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a video and its files.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The video id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        try await client.videos.delete(id: VideoID(id))
        if output.json { return try printJSON(Deletion(idKey: "video_id", id: id)) }
        print("deleted \(id)")
      }
    }
  }

  struct Share: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a video's public share page and print its URL.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The video id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let url = try await client.videos.share(id: VideoID(id))
        if output.json { return try printJSON(url.absoluteString) }
        print(url.absoluteString)
      }
    }
  }

  struct Download: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Download a finished video's MP4, or another of its files (resumes an interrupted download)."
    )
    @OptionGroup var server: ServerConnection
    @Argument(help: "The video id.") var id: String
    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: "The file to write (default: <id>.mp4, or <id>-<asset>.<extension>).")
    var file: String?
    @Option(
      help:
        "Which file: video (the MP4), captioned (the MP4 with burned-in captions), gif, captions, thumbnail."
    )
    var asset: VideoAsset = .video
    @Flag(help: "Wait for the video first if it is not finished.") var wait = false
    @Option(help: "Seconds to wait before giving up.") var timeout = 3600
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let delivery = VideoDelivery(client: client, json: output.json)
        let video =
          wait
          ? try await delivery.waitFor(VideoID(id), timeout: timeout)
          : try await client.videos.status(id: VideoID(id))
        try Self.requireFinished(video)
        guard let link = asset.link(in: video), let url = URL(string: link) else {
          throw ClientFailure(
            "video \(id) has no \(asset.rawValue) file"
              + (asset == .captioned ? " (make it with `video create --caption`)" : ""))
        }
        let path = file ?? asset.defaultFileName(id: id, link: url)
        let written = try await delivery.download(url, to: path)
        if output.json {
          return try printJSON(
            Downloaded(
              videoId: video.id, file: path, bytes: written.bytesWritten,
              resumedFrom: written.resumedFrom))
        }
        print(path)
      }
    }

    /// A failed video is a render failure; one still rendering is not, and the user needs to
    /// know how to get it once it is done.
    static func requireFinished(_ video: VideoStatus) throws {
      switch video.state {
      case .completed:
        return
      case .failed:
        throw HeyGenError(
          kind: .renderFailed, code: video.error.map { String($0.code) },
          message: video.error.map { $0.detail.isEmpty ? $0.message : $0.detail }
            ?? "video \(video.id) failed")
      default:
        throw ClientFailure(
          "video \(video.id) is not finished yet (status: \(video.status)); add --wait to wait for it, or follow it with `orator video status \(video.id)`"
        )
      }
    }

    /// The files of a finished video `--asset` picks from.
    enum VideoAsset: String, ExpressibleByArgument, CaseIterable {
      case video, captioned, gif, captions, thumbnail

      func link(in video: VideoStatus) -> String? {
        switch self {
        case .video: video.videoUrl
        case .captioned: video.videoUrlCaption
        case .gif: video.gifUrl
        case .captions: video.captionUrl
        case .thumbnail: video.thumbnailUrl
        }
      }

      func defaultFileName(id: String, link: URL) -> String {
        if self == .video { return "\(id).mp4" }
        let ext = link.pathExtension.isEmpty ? "bin" : link.pathExtension
        return "\(id)-\(rawValue).\(ext)"
      }
    }

    struct Downloaded: Encodable {
      var videoId: String
      var file: String
      var bytes: Int64
      var resumedFrom: Int64
      enum CodingKeys: String, CodingKey {
        case videoId = "video_id"
        case file, bytes
        case resumedFrom = "resumed_from"
      }
    }
  }
}
