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

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        try await client.videos.delete(id: VideoID(id))
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
      abstract: "Download a finished video's MP4 (resumes an interrupted download).")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The video id.") var id: String
    @Option(name: .shortAndLong, help: "The file to write (default: <id>.mp4).") var output: String?
    @Flag(help: "Wait for the video first if it is not finished.") var wait = false
    @Option(help: "Seconds to wait before giving up.") var timeout = 3600

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let delivery = VideoDelivery(client: client, json: false)
        let video =
          wait
          ? try await delivery.waitFor(VideoID(id), timeout: timeout)
          : try await client.videos.status(id: VideoID(id))
        guard video.state == .completed else {
          throw HeyGenError(
            kind: .renderFailed,
            message:
              "video \(id) is \(video.status), not completed; add --wait to wait for it")
        }
        let path = output ?? "\(id).mp4"
        try await delivery.download(video, to: path)
        print(path)
      }
    }
  }
}
